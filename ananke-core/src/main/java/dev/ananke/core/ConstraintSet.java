package dev.ananke.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The constraints found in (or written for) a codebase.
 *
 * <p>A set has one canonical order, so that equal sets serialise byte for byte alike: by
 * origin (constraints without one first), then id. Ids are unique; {@link Builder} merges a
 * fact found twice into one constraint whose frequency is the sum.
 */
public record ConstraintSet(List<Constraint> constraints) {

  /** Canonical order: origin-less first, then by origin, then by id. */
  public static final Comparator<Constraint> CANONICAL_ORDER = ConstraintSet::compareCanonically;

  /** {@link #CANONICAL_ORDER}, written out: every extracted set is sorted with it. */
  private static int compareCanonically(Constraint a, Constraint b) {
    Origin x = a.origin();
    Origin y = b.origin();
    if (x != y) {
      if (x == null) return -1;
      if (y == null) return 1;
      int c = x.compareTo(y);
      if (c != 0) return c;
    }
    return a.id().compareTo(b.id());
  }

  public static final ConstraintSet EMPTY = new ConstraintSet(List.of());

  public ConstraintSet {
    List<Constraint> sorted = new ArrayList<>(Checks.list(constraints, "constraints"));
    sorted.sort(CANONICAL_ORDER);
    Map<String, Constraint> seen = new HashMap<>();
    for (Constraint c : sorted) {
      Constraint first = seen.putIfAbsent(c.id(), c);
      if (first != null) {
        throw new IllegalArgumentException(
            "duplicate constraint id " + c.id() + " ('" + c.name() + "' at " + where(first)
                + " and at " + where(c) + ")");
      }
    }
    constraints = List.copyOf(sorted);
  }

  private static String where(Constraint c) {
    return c.origin() == null ? "no origin" : c.origin().toString();
  }

  public static ConstraintSet of(Constraint... constraints) {
    return new ConstraintSet(List.of(constraints));
  }

  public int size() {
    return constraints.size();
  }

  public boolean isEmpty() {
    return constraints.isEmpty();
  }

  public Optional<Constraint> byId(String id) {
    for (Constraint c : constraints) {
      if (c.id().equals(id)) return Optional.of(c);
    }
    return Optional.empty();
  }

  /** The union of two sets, merging constraints with the same id as {@link Builder} does. */
  public ConstraintSet merge(ConstraintSet other) {
    return builder().addAll(constraints).addAll(other.constraints).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects constraints; one added again with an id already present is merged into the first:
   * frequencies add up, the highest confidence is kept, the earliest origin wins.
   */
  public static final class Builder {
    /** Each id's first constraint, in the order added. */
    private final Map<String, Constraint> byId = new LinkedHashMap<>();
    /**
     * The ids found more than once, and what their merge adds up to: the merged constraint is
     * built once, in {@link #build}, however many times its fact was found (a file can report
     * one smell or idiom dozens of times).
     */
    private @Nullable Map<String, Merge> merges;

    private static final class Merge {
      Constraint first;
      double confidence;
      int frequency;

      Merge(Constraint c) {
        first = c;
        confidence = c.confidence();
        frequency = c.frequency();
      }

      void add(Constraint c) {
        if (!sameContent(first, c)) {
          // ids are 64-bit hashes: two different facts could share one, and must not be merged
          throw new IllegalArgumentException("constraint id collision: " + c.id() + " is both '" + first.name()
              + "' at " + where(first) + " and a different '" + c.name() + "' at " + where(c));
        }
        if (CANONICAL_ORDER.compare(c, first) < 0) first = c;
        confidence = Math.max(confidence, c.confidence());
        frequency = Math.addExact(frequency, c.frequency());
      }

      Constraint merged() {
        return new Constraint(first.id(), first.name(), first.description(), first.kind(), first.severity(),
            first.tier(), first.priority(), confidence, frequency, first.source(), first.origin(), first.payload());
      }
    }

    private Builder() {}

    public Builder add(Constraint c) {
      Constraint earlier = byId.putIfAbsent(c.id(), c);
      if (earlier != null) {
        if (merges == null) merges = new HashMap<>();
        merges.computeIfAbsent(c.id(), id -> new Merge(earlier)).add(c);
      }
      return this;
    }

    public Builder addAll(Iterable<Constraint> cs) {
      for (Constraint c : cs) add(c);
      return this;
    }

    /** What the id hashes: a fact found twice has equal content, a collision does not. */
    static boolean sameContent(Constraint a, Constraint b) {
      return a.kind() == b.kind() && a.name().equals(b.name()) && scope(a).equals(scope(b))
          && a.payload().equals(b.payload());
    }

    private static String scope(Constraint c) {
      return c.origin() == null ? "" : c.origin().file();
    }

    public ConstraintSet build() {
      if (merges == null) return new ConstraintSet(List.copyOf(byId.values()));
      List<Constraint> out = new ArrayList<>(byId.size());
      for (Constraint c : byId.values()) {
        Merge m = merges.get(c.id());
        out.add(m == null ? c : m.merged());
      }
      return new ConstraintSet(out);
    }
  }
}
