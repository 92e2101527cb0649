package dev.ananke.clew.zig;

import dev.ananke.clew.spi.LanguageSpec;
import java.util.List;

/** Zig ({@code .zig}). */
public final class ZigLanguage {
  private ZigLanguage() {}

  public static final LanguageSpec SPEC =
      new LanguageSpec("zig", List.of(".zig"), "zig", "/dev/ananke/clew/zig/zig.scm", new ZigExtractor());
}
