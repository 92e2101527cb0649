package dev.ananke.clew.java;

import dev.ananke.clew.spi.LanguageSpec;
import java.util.List;

/** Java ({@code .java}). */
public final class JavaLanguage {
  private JavaLanguage() {}

  public static final LanguageSpec SPEC = new LanguageSpec(
      "java", List.of(".java"), "java", "/dev/ananke/clew/java/java.scm", new JavaExtractor());
}
