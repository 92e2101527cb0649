package dev.ananke.clew.javascript;

import dev.ananke.clew.spi.LanguageSpec;
import dev.ananke.clew.typescript.EcmaScriptExtractor;
import java.util.List;

/** JavaScript ({@code .js}, {@code .mjs}, {@code .cjs}, {@code .jsx}): its grammar covers JSX. */
public final class JavaScriptLanguage {
  private JavaScriptLanguage() {}

  public static final LanguageSpec SPEC = new LanguageSpec(
      "javascript", List.of(".js", ".mjs", ".cjs", ".jsx"), "javascript",
      "/dev/ananke/clew/javascript/javascript.scm", new EcmaScriptExtractor(false));
}
