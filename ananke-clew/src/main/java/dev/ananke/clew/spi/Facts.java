package dev.ananke.clew.spi;

import dev.ananke.clew.Diagnostic;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintKind;
import dev.ananke.core.ConstraintSource;
import dev.ananke.core.Origin;
import dev.ananke.core.Priority;
import dev.ananke.core.Severity;
import dev.ananke.core.Tier;
import dev.ananke.core.payload.AsyncIdiom;
import dev.ananke.core.payload.AsyncStyle;
import dev.ananke.core.payload.ErrorHandlingIdiom;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.TypeBound;
import dev.ananke.core.payload.TypeDeclaration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where an extractor reports what it finds in one file. It turns facts into constraints with a
 * consistent naming, tier, severity and confidence, so that every language reports alike:
 *
 * <ul>
 *   <li>signatures and type declarations: HARD (generated code must match them), confidence 1;
 *   <li>security smells: HARD, CRITICAL, SECURITY, one per pattern (repeats add to its frequency);
 *   <li>imports, idioms and type-safety signals: SOFT (preferences), idioms counted per file;
 *   <li>names: only tallied here; conventions are measured over the whole input by the engine.
 * </ul>
 *
 * Not thread-safe: one per file.
 */
public final class Facts {
  private final SourceFile file;
  private final List<Constraint> constraints = new ArrayList<>();
  private final Map<ErrorIdiom, Tally> errorIdioms = new EnumMap<>(ErrorIdiom.class);
  private final Map<AsyncStyle, Tally> asyncIdioms = new EnumMap<>(AsyncStyle.class);
  private final NamingTally naming = new NamingTally();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private static final class Tally {
    final Origin first;
    int count;

    Tally(Origin first) {
      this.first = first;
    }
  }

  /** The lower-case names of the type kinds, for descriptions (one per declared type). */
  private static final String[] TYPE_KINDS = java.util.Arrays.stream(dev.ananke.core.payload.TypeKind.values())
      .map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

  /** What one file gave. */
  public record FileFacts(List<Constraint> constraints, NamingTally naming, List<Diagnostic> diagnostics) {}

  public Facts(SourceFile file) {
    this.file = file;
  }

  public SourceFile file() {
    return file;
  }

  /** A function or method as declared. */
  public void function(SyntaxNode at, FunctionSignature sig) {
    String owner = sig.enclosingType() == null ? "" : sig.enclosingType() + ".";
    add(Constraint.builder("function." + owner + sig.name(), sig)
        .description("signature of " + owner + sig.name())
        .hard()
        .priority(Priority.HIGH)
        .source(ConstraintSource.TYPE_SYSTEM)
        .origin(file.origin(at)));
  }

  /** A declared type. */
  public void type(SyntaxNode at, TypeDeclaration type) {
    add(Constraint.builder("type." + type.name(), type)
        .description(TYPE_KINDS[type.kind().ordinal()] + " " + type.name())
        .hard()
        .priority(Priority.HIGH)
        .source(ConstraintSource.TYPE_SYSTEM)
        .origin(file.origin(at)));
  }

  /** What the file imports from one module. */
  public void imports(SyntaxNode at, ImportSet imports) {
    add(Constraint.builder("import." + imports.module(), imports)
        .description("imports " + (imports.symbols().isEmpty() ? "" : String.join(", ", imports.symbols()) + " from ")
            + imports.module())
        .severity(Severity.INFO)
        .priority(Priority.LOW)
        .origin(file.origin(at)));
  }

  /** One use of an error-handling idiom; uses are counted and reported once per file. */
  public void errorIdiom(ErrorIdiom idiom, SyntaxNode at) {
    errorIdioms.computeIfAbsent(idiom, k -> new Tally(file.origin(at))).count++;
  }

  /** One use of a concurrency idiom; uses are counted and reported once per file. */
  public void asyncIdiom(AsyncStyle style, SyntaxNode at) {
    asyncIdioms.computeIfAbsent(style, k -> new Tally(file.origin(at))).count++;
  }

  /**
   * A security smell: code that generated code must not repeat.
   *
   * @param name short and stable, e.g. {@code eval}; the constraint is {@code security.<name>}
   */
  public void security(SyntaxNode at, String name, ForbiddenPattern pattern, double confidence) {
    add(Constraint.builder("security." + name, pattern)
        .description(pattern.reason())
        .kind(ConstraintKind.SECURITY)
        .hard()
        .priority(Priority.CRITICAL)
        .confidence(confidence)
        .source(ConstraintSource.AST_PATTERN)
        .origin(file.origin(at)));
  }

  /** A type-safety signal, e.g. uses of {@code any}; SOFT, with the counts in the description. */
  public void typeBound(Origin at, String name, TypeBound bound, String description, double confidence) {
    add(Constraint.builder("type-safety." + name, bound)
        .description(description)
        .confidence(confidence)
        .source(ConstraintSource.TYPE_SYSTEM)
        .origin(at));
  }

  /** A name declared in the file, for the naming conventions. */
  public void name(IdentifierCategory category, String name) {
    naming.add(category, name);
  }

  /** Any other constraint. */
  public void add(Constraint.Builder builder) {
    constraints.add(builder.build());
  }

  public void warning(SyntaxNode at, String message) {
    var o = file.origin(at);
    diagnostics.add(Diagnostic.warning(file.path(), o.line(), o.column(), message));
  }

  public void warning(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  /** Called by the engine once the extractor is done. */
  public FileFacts finish() {
    errorIdioms.forEach((idiom, t) -> constraints.add(
        Constraint.builder("error-idiom." + idiom.name().toLowerCase(Locale.ROOT), new ErrorHandlingIdiom(idiom, t.count))
            .description(idiomDescription(idiom, t.count))
            .tier(Tier.SOFT)
            .severity(idiom == ErrorIdiom.IGNORED_ERROR ? Severity.WARNING : Severity.INFO)
            .confidence(0.9)
            .source(ConstraintSource.CONTROL_FLOW)
            .origin(t.first)
            .build()));
    asyncIdioms.forEach((style, t) -> constraints.add(
        Constraint.builder("async-idiom." + style.name().toLowerCase(Locale.ROOT), new AsyncIdiom(style, t.count))
            .description(style.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " used " + t.count + " time"
                + (t.count == 1 ? "" : "s"))
            .severity(Severity.INFO)
            .confidence(0.9)
            .source(ConstraintSource.CONTROL_FLOW)
            .origin(t.first)
            .build()));
    return new FileFacts(List.copyOf(constraints), naming, List.copyOf(diagnostics));
  }

  private static String idiomDescription(ErrorIdiom idiom, int count) {
    String times = count + " time" + (count == 1 ? "" : "s");
    return idiom == ErrorIdiom.IGNORED_ERROR
        ? "errors are silently ignored " + times + " (empty catch, except: pass): handle or propagate them"
        : idiom.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " used " + times;
  }
}
