package dev.ananke.braid;

import dev.ananke.core.Constraint;
import dev.ananke.core.payload.NamingConvention;
import java.util.Map;
import java.util.Optional;

/** The language a constraint speaks of: from its file's extension, or from a naming rule's name. */
public final class Languages {
  private Languages() {}

  private static final Map<String, String> BY_EXTENSION =
      Map.of("ts", "typescript", "tsx", "typescript", "js", "javascript", "mjs", "javascript", "jsx", "javascript",
          "py", "python", "rs", "rust", "go", "go", "zig", "zig", "java", "java");

  /** The language of a file by its extension ({@code src/user.ts}: typescript). */
  public static Optional<String> ofFile(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : Optional.ofNullable(BY_EXTENSION.get(file.substring(dot + 1)));
  }

  /**
   * The language of a constraint; empty when it holds for every language. A naming convention
   * is measured over a whole input and has no origin: Clew names it {@code naming.LANG.CATEGORY}.
   */
  public static Optional<String> of(Constraint c) {
    if (c.origin() != null) return ofFile(c.origin().file());
    if (c.payload() instanceof NamingConvention && c.name().startsWith("naming.")) {
      String rest = c.name().substring("naming.".length());
      int dot = rest.indexOf('.');
      if (dot > 0) return Optional.of(rest.substring(0, dot));
    }
    return Optional.empty();
  }

  /** Whether {@code c} applies to code in {@code language}. */
  static boolean appliesTo(Constraint c, String language) {
    return of(c).map(language::equals).orElse(true);
  }
}
