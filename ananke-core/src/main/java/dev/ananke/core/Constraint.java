package dev.ananke.core;

import dev.ananke.core.hash.ContentHash;
import dev.ananke.core.payload.OperationalBound;
import dev.ananke.core.payload.ParseError;
import dev.ananke.core.payload.Payload;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rule that code must follow (HARD) or should follow (SOFT), with the fact behind it.
 *
 * <p>The {@code id} is a content hash of the kind, the name, the scope (the origin's file) and
 * the canonical payload: the same fact found again gets the same id, an edit elsewhere in the
 * file does not change it, and the constructor rejects an id that does not match the content.
 * Use {@link #builder} to have it computed.
 *
 * <p>Consistency rules, checked here: confidence in [0, 1]; a non-empty name; frequency at
 * least 1; OPERATIONAL constraints, and only they, carry an {@link OperationalBound} and are
 * SOFT (no token mask can enforce a latency); a {@link ParseError} is SYNTACTIC; a HARD
 * constraint has severity ERROR (what must hold cannot be a mere warning).
 */
public record Constraint(
    String id,
    String name,
    String description,
    ConstraintKind kind,
    Severity severity,
    Tier tier,
    Priority priority,
    double confidence,
    int frequency,
    ConstraintSource source,
    @Nullable Origin origin,
    Payload payload) {

  public Constraint {
    Checks.notBlank(name, "constraint name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(payload, "payload");
    Checks.unitInterval(confidence, "confidence");
    if (frequency < 1) {
      throw new IllegalArgumentException("frequency must be >= 1, was " + frequency);
    }
    checkConsistency(name, kind, severity, tier, payload);
    String expected = computeId(kind, name, origin, payload);
    if (id == null || id.isEmpty()) {
      id = expected;
    } else if (!id.equals(expected)) {
      throw new IllegalArgumentException(
          "id " + id + " does not match the content of constraint '" + name + "' (expected "
              + expected + "); remove the id to have it computed");
    }
  }

  private static void checkConsistency(
      String name, ConstraintKind kind, Severity severity, Tier tier, Payload payload) {
    boolean operational = payload instanceof OperationalBound;
    if (operational && kind != ConstraintKind.OPERATIONAL) {
      throw new IllegalArgumentException(
          "constraint '" + name + "' has an operational bound, so its kind must be OPERATIONAL, not " + kind);
    }
    if (!operational && kind == ConstraintKind.OPERATIONAL) {
      throw new IllegalArgumentException(
          "constraint '" + name + "' is OPERATIONAL but its payload is not an operational bound");
    }
    if (kind == ConstraintKind.OPERATIONAL && tier == Tier.HARD) {
      throw new IllegalArgumentException(
          "constraint '" + name + "' is OPERATIONAL and cannot be HARD: no token mask enforces a runtime bound");
    }
    if (payload instanceof ParseError && kind != ConstraintKind.SYNTACTIC) {
      throw new IllegalArgumentException(
          "constraint '" + name + "' records a parse error, so its kind must be SYNTACTIC, not " + kind);
    }
    if (tier == Tier.HARD && severity != Severity.ERROR) {
      throw new IllegalArgumentException(
          "constraint '" + name + "' is HARD, so its severity must be ERROR, not " + severity);
    }
  }

  /** The content id: kind, name, scope (origin file) and canonical payload. */
  public static String computeId(
      ConstraintKind kind, String name, @Nullable Origin origin, Payload payload) {
    return ContentHash.constraintId(kind, name, origin == null ? "" : origin.file(), payload);
  }

  /** Whether this constraint must hold (enforced by masks, checked on the output). */
  public boolean isHard() {
    return tier == Tier.HARD;
  }

  public static Builder builder(String name, Payload payload) {
    return new Builder(name, payload);
  }

  /**
   * A builder holding this constraint's values. A severity that is the default for its tier is
   * left unset, so that changing the tier moves it along.
   */
  public Builder toBuilder() {
    Builder b = new Builder(name, payload);
    if (severity != Builder.defaultSeverity(tier)) b.severity(severity);
    return b.description(description)
        .kind(kind)
        .tier(tier)
        .priority(priority)
        .confidence(confidence)
        .frequency(frequency)
        .source(source)
        .origin(origin);
  }

  /**
   * Builds a constraint with its id computed. Defaults: kind from the payload, SOFT, WARNING,
   * MEDIUM, confidence 1, frequency 1, source AST_PATTERN, no origin, empty description.
   * Setting the tier to HARD also sets the severity to ERROR unless a severity was set.
   */
  public static final class Builder {
    private final String name;
    private final Payload payload;
    private String description = "";
    private ConstraintKind kind;
    private @Nullable Severity severity;
    private Tier tier = Tier.SOFT;
    private Priority priority = Priority.MEDIUM;
    private double confidence = 1.0;
    private int frequency = 1;
    private ConstraintSource source = ConstraintSource.AST_PATTERN;
    private @Nullable Origin origin;

    private Builder(String name, Payload payload) {
      this.name = name;
      this.payload = Objects.requireNonNull(payload, "payload");
      this.kind = payload.defaultKind();
    }

    public Builder description(String description) {
      this.description = Objects.requireNonNull(description);
      return this;
    }

    public Builder kind(ConstraintKind kind) {
      this.kind = Objects.requireNonNull(kind);
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = Objects.requireNonNull(severity);
      return this;
    }

    public Builder tier(Tier tier) {
      this.tier = Objects.requireNonNull(tier);
      return this;
    }

    public Builder hard() {
      return tier(Tier.HARD);
    }

    public Builder priority(Priority priority) {
      this.priority = Objects.requireNonNull(priority);
      return this;
    }

    public Builder confidence(double confidence) {
      this.confidence = confidence;
      return this;
    }

    public Builder frequency(int frequency) {
      this.frequency = frequency;
      return this;
    }

    public Builder source(ConstraintSource source) {
      this.source = Objects.requireNonNull(source);
      return this;
    }

    public Builder origin(@Nullable Origin origin) {
      this.origin = origin;
      return this;
    }

    public Builder origin(String file, int line, int column) {
      return origin(new Origin(file, line, column));
    }

    static Severity defaultSeverity(Tier tier) {
      return tier == Tier.HARD ? Severity.ERROR : Severity.WARNING;
    }

    public Constraint build() {
      Severity s = severity != null ? severity : defaultSeverity(tier);
      return new Constraint(
          "", name, description, kind, s, tier, priority, confidence, frequency, source, origin, payload);
    }
  }
}
