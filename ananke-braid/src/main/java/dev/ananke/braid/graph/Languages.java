package dev.ananke.braid.graph;

import dev.ananke.core.Constraint;
import dev.ananke.core.payload.NamingConvention;
import org.jspecify.annotations.Nullable;

/**
 * The language a constraint speaks about, with the names Clew gives languages ({@code
 * typescript}, {@code tsx}, {@code javascript}, {@code python}, {@code java}, {@code rust},
 * {@code go}, {@code zig}, as in {@link dev.ananke.core.ir.Target#language()}).
 *
 * <p>A {@link NamingConvention} has no language field: Clew measures conventions per language
 * over the whole input and names the constraint {@code naming.<language>.<category>}, with no
 * origin. So the language of a constraint is read from its name when it has that shape, and
 * otherwise from the extension of its origin file; null when neither says (a hand-written,
 * origin-less constraint), which callers treat as "any language".
 */
public final class Languages {
  private Languages() {}

  /** The language of {@code c}: from a {@code naming.<language>.*} name, else its origin file. */
  public static @Nullable String of(Constraint c) {
    if (c.payload() instanceof NamingConvention) {
      String fromName = ofNamingName(c.name());
      if (fromName != null) return fromName;
    }
    return c.origin() == null ? null : ofFile(c.origin().file());
  }

  /** {@code typescript} for {@code naming.typescript.function}; null for other names. */
  static @Nullable String ofNamingName(String name) {
    if (!name.startsWith("naming.")) return null;
    int end = name.indexOf('.', 7);
    if (end <= 7) return null;
    String lang = name.substring(7, end);
    return isKnown(lang) ? lang : null;
  }

  /** The language of a file by its extension (Clew's table); null when unknown. */
  public static @Nullable String ofFile(@Nullable String file) {
    if (file == null) return null;
    int dot = file.lastIndexOf('.');
    if (dot < 0 || dot < file.lastIndexOf('/')) return null;
    return switch (file.substring(dot + 1)) {
      case "ts", "mts", "cts" -> "typescript";
      case "tsx" -> "tsx";
      case "js", "mjs", "cjs", "jsx" -> "javascript";
      case "py", "pyi" -> "python";
      case "java" -> "java";
      case "rs" -> "rust";
      case "go" -> "go";
      case "zig" -> "zig";
      default -> null;
    };
  }

  private static boolean isKnown(String lang) {
    return switch (lang) {
      case "typescript", "tsx", "javascript", "python", "java", "rust", "go", "zig" -> true;
      default -> false;
    };
  }
}
