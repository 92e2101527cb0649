package dev.ananke.clew.go;

import dev.ananke.clew.spi.LanguageSpec;
import java.util.List;

/** Go ({@code .go}). */
public final class GoLanguage {
  private GoLanguage() {}

  public static final LanguageSpec SPEC =
      new LanguageSpec("go", List.of(".go"), "go", "/dev/ananke/clew/go/go.scm", new GoExtractor());
}
