package dev.ananke.cli;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Tier;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.payload.AsyncIdiom;
import dev.ananke.core.payload.ErrorHandlingIdiom;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.OperationalBound;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.ParseError;
import dev.ananke.core.payload.Payload;
import dev.ananke.core.payload.RequiredPattern;
import dev.ananke.core.payload.TypeBound;
import dev.ananke.core.payload.TypeDeclaration;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** The {@code --format pretty} rendering: one line per constraint, grouped by file. */
final class PrettyText {
  private PrettyText() {}

  static String render(ConstraintSet set) {
    StringBuilder sb = new StringBuilder();
    long hard = set.constraints().stream().filter(c -> c.tier() == Tier.HARD).count();
    long files =
        set.constraints().stream().filter(c -> c.origin() != null).map(c -> c.origin().file()).distinct().count();
    sb.append(set.size()).append(set.size() == 1 ? " constraint" : " constraints")
        .append(" (").append(hard).append(" hard, ").append(set.size() - hard).append(" soft)");
    sb.append(" from ").append(files).append(files == 1 ? " file" : " files").append('\n');
    String currentFile = null;
    for (Constraint c : set.constraints()) {
      String file = c.origin() == null ? "(no origin)" : c.origin().file();
      if (!file.equals(currentFile)) {
        sb.append('\n').append(file).append('\n');
        currentFile = file;
      }
      String at = c.origin() == null ? "" : c.origin().line() + ":" + c.origin().column();
      sb.append(String.format(Locale.ROOT, "  %-8s %-4s %-13s %s", at, c.tier(), c.kind(), summary(c.payload())));
      if (c.frequency() > 1) sb.append("  (x").append(c.frequency()).append(')');
      sb.append('\n');
    }
    return sb.toString();
  }

  static String render(ConstraintIR ir) {
    StringBuilder sb = new StringBuilder();
    var t = ir.target();
    sb.append("target:      ").append(t.kind()).append(' ').append(t.language());
    if (t.name() != null) sb.append(' ').append(t.name());
    if (t.file() != null) sb.append(" in ").append(t.file());
    sb.append('\n');
    sb.append("priority:    ").append(ir.priority()).append('\n');
    sb.append("provenance:  ").append(ir.provenance().size()).append(" constraints\n");
    if (ir.jsonSchema() != null) sb.append("json schema: ").append(ir.jsonSchema().text()).append('\n');
    if (ir.grammar() != null) sb.append("grammar (lark):\n").append(indent(ir.grammar().lark()));
    for (String r : ir.regexes()) sb.append("regex:       ").append(r).append('\n');
    for (String s : ir.tokenMaskRules().deny()) sb.append("deny:        ").append(s).append('\n');
    for (String s : ir.tokenMaskRules().allow()) sb.append("allow:       ").append(s).append('\n');
    if (ir.isUnconstrained()) sb.append("(nothing to enforce)\n");
    return sb.toString();
  }

  private static String indent(String text) {
    return text.lines().map(l -> "    " + l).collect(Collectors.joining("\n", "", "\n"));
  }

  /** One line saying what the payload states; exhaustive, so a new payload must be rendered. */
  static String summary(Payload payload) {
    return switch (payload) {
      case FunctionSignature f -> {
        String params = f.parameters().stream().map(PrettyText::param).collect(Collectors.joining(", "));
        String owner = f.enclosingType() == null ? "" : f.enclosingType() + ".";
        yield (f.async() ? "async " : "") + "fn " + owner + f.name() + "(" + params + ")"
            + (f.returnType() == null ? "" : " -> " + f.returnType());
      }
      case TypeDeclaration t ->
          t.kind().name().toLowerCase(Locale.ROOT) + " " + t.name()
              + (t.aliasOf() != null ? " = " + t.aliasOf() : "")
              + (t.fields().isEmpty() ? "" : " {" + t.fields().size() + " fields}")
              + (t.variants().isEmpty() ? "" : " " + t.variants());
      case ImportSet i ->
          "import " + i.module()
              + (i.symbols().isEmpty() ? "" : " " + i.symbols())
              + (i.alias() != null ? " as " + i.alias() : "")
              + (i.wildcard() ? " *" : "");
      case NamingConvention n ->
          n.category().name().toLowerCase(Locale.ROOT) + " names are " + styleName(n.style())
              + String.format(Locale.ROOT, " (%d of %d, %.0f%%)", n.conforming(), n.total(), 100 * n.share());
      case ErrorHandlingIdiom e -> "error idiom " + e.idiom() + " x" + e.occurrences();
      case AsyncIdiom a -> "async idiom " + a.style() + " x" + a.occurrences();
      case ForbiddenPattern p -> "forbid " + quote(p.pattern(), p.syntax().name()) + ": " + p.reason();
      case RequiredPattern p -> "require " + quote(p.pattern(), p.syntax().name()) + ": " + p.reason();
      case TypeBound b ->
          "types of " + b.subject()
              + (b.requiredType() != null ? " must be " + b.requiredType() : "")
              + (b.forbiddenTypes().isEmpty() ? "" : " must avoid " + b.forbiddenTypes())
              + (b.annotationsRequired() ? " must be annotated" : "");
      case OperationalBound o ->
          o.metric() + (o.min() != null ? " >= " + o.min() : "") + (o.max() != null ? " <= " + o.max() : "")
              + " " + o.unit();
      case ParseError e -> "syntax error to " + e.endLine() + ":" + e.endColumn() + ": " + e.message();
    };
  }

  private static String styleName(NamingStyle style) {
    return switch (style) {
      case CAMEL_CASE -> "camelCase";
      case PASCAL_CASE -> "PascalCase";
      case SNAKE_CASE -> "snake_case";
      case SCREAMING_SNAKE_CASE -> "SCREAMING_SNAKE_CASE";
    };
  }

  private static String param(Parameter p) {
    return (p.variadic() ? "..." : "") + p.name() + (p.optional() ? "?" : "")
        + (p.type() == null ? "" : ": " + p.type());
  }

  private static String quote(String pattern, String syntax) {
    return Objects.equals(syntax, "REGEX") ? "/" + pattern + "/" : "\"" + pattern + "\"";
  }
}
