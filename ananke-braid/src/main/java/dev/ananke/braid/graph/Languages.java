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

  private static final String[] KNOWN = {"typescript", "tsx", "javascript", "python", "java", "rust", "go", "zig"};

  /** {@code typescript} for {@code naming.typescript.function}; null for other names. */
  static @Nullable String ofNamingName(String name) {
    if (!name.startsWith("naming.")) return null;
    for (String lang : KNOWN) {
      int end = 7 + lang.length();
      if (name.length() > end && name.charAt(end) == '.' && name.startsWith(lang, 7)) return lang;
    }
    return null;
  }

  /** The language of a file by its extension (Clew's table); null when unknown. */
  public static @Nullable String ofFile(@Nullable String file) {
    // Called for every constraint of every compile: compares the tail in place, no substring.
    if (file == null) return null;
    int dot = file.lastIndexOf('.');
    if (dot < 0 || dot < file.lastIndexOf('/')) return null;
    int len = file.length() - dot - 1;
    for (int k = 0; k < EXTENSIONS.length; k += 2) {
      String ext = EXTENSIONS[k];
      if (ext.length() == len && file.startsWith(ext, dot + 1)) return EXTENSIONS[k + 1];
    }
    return null;
  }

  // Extension, language: the most common first.
  private static final String[] EXTENSIONS = {
    "ts", "typescript", "py", "python", "go", "go", "rs", "rust", "java", "java", "zig", "zig",
    "tsx", "tsx", "js", "javascript", "mts", "typescript", "cts", "typescript", "pyi", "python",
    "mjs", "javascript", "cjs", "javascript", "jsx", "javascript"
  };
}
