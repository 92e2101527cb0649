package dev.ananke.clew.python;

import dev.ananke.clew.spi.LanguageSpec;
import java.util.List;

/** Python ({@code .py}, {@code .pyi}). */
public final class PythonLanguage {
  private PythonLanguage() {}

  public static final LanguageSpec SPEC = new LanguageSpec(
      "python", List.of(".py", ".pyi"), "python", "/dev/ananke/clew/python/python.scm", new PythonExtractor());
}
