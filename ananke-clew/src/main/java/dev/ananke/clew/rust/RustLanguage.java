package dev.ananke.clew.rust;

import dev.ananke.clew.spi.LanguageSpec;
import java.util.List;

/** Rust ({@code .rs}). */
public final class RustLanguage {
  private RustLanguage() {}

  public static final LanguageSpec SPEC =
      new LanguageSpec("rust", List.of(".rs"), "rust", "/dev/ananke/clew/rust/rust.scm", new RustExtractor());
}
