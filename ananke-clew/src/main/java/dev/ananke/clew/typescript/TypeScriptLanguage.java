package dev.ananke.clew.typescript;

import dev.ananke.clew.spi.LanguageSpec;
import java.util.List;

/** TypeScript ({@code .ts}, {@code .mts}, {@code .cts}) and TSX, one grammar each. */
public final class TypeScriptLanguage {
  private TypeScriptLanguage() {}

  private static final String QUERY = "/dev/ananke/clew/typescript/typescript.scm";

  public static final LanguageSpec TYPESCRIPT = new LanguageSpec(
      "typescript", List.of(".ts", ".mts", ".cts"), "typescript", QUERY, new EcmaScriptExtractor(true));

  public static final LanguageSpec TSX =
      new LanguageSpec("tsx", List.of(".tsx"), "tsx", QUERY, new EcmaScriptExtractor(true));
}
