package dev.ananke.braid;

import dev.ananke.core.Constraint;
import java.util.Optional;

/**
 * The language a constraint speaks of, as a target language: Clew's names, with TSX read as
 * TypeScript (one code grammar serves both). The table itself is {@link
 * dev.ananke.braid.graph.Languages}, which the graph and the conflict checks use on every compile.
 */
public final class Languages {
  private Languages() {}

  /** The language of a file by its extension ({@code src/user.ts}: typescript). */
  public static Optional<String> ofFile(String file) {
    return Optional.ofNullable(dev.ananke.braid.graph.Languages.ofFile(file)).map(Languages::asTarget);
  }

  /** The language of a constraint; empty when it holds for every language. */
  public static Optional<String> of(Constraint c) {
    return Optional.ofNullable(dev.ananke.braid.graph.Languages.of(c)).map(Languages::asTarget);
  }

  /** Whether {@code c} applies to code in {@code language}. */
  static boolean appliesTo(Constraint c, String language) {
    return of(c).map(language::equals).orElse(true);
  }

  private static String asTarget(String language) {
    return language.equals("tsx") ? "typescript" : language;
  }
}
