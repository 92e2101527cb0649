package dev.ananke.clew;

import dev.ananke.clew.spi.LanguageSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Clew reads. Adding one is: a package {@code dev.ananke.clew.<language>} with a
 * {@link LanguageSpec} (and its extractor and {@code .scm} query), its grammar in
 * {@code src/build/build-natives.sh}, and one line in {@link #ALL}. See {@code docs/clew.md}.
 */
final class Languages {
  private Languages() {}

  static final List<LanguageSpec> ALL = List.of(
      dev.ananke.clew.typescript.TypeScriptLanguage.TYPESCRIPT,
      dev.ananke.clew.typescript.TypeScriptLanguage.TSX,
      dev.ananke.clew.javascript.JavaScriptLanguage.SPEC,
      dev.ananke.clew.python.PythonLanguage.SPEC,
      dev.ananke.clew.java.JavaLanguage.SPEC,
      dev.ananke.clew.rust.RustLanguage.SPEC,
      dev.ananke.clew.go.GoLanguage.SPEC,
      dev.ananke.clew.zig.ZigLanguage.SPEC);

  static Optional<LanguageSpec> byName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (LanguageSpec l : ALL) {
      if (l.name().equals(n)) return Optional.of(l);
    }
    return Optional.empty();
  }

  /** The language whose extension the file name ends with (the longest such extension wins). */
  static Optional<LanguageSpec> forFile(Path file) {
    Path name = file.getFileName();
    if (name == null) return Optional.empty();
    String n = name.toString().toLowerCase(Locale.ROOT);
    LanguageSpec best = null;
    int bestLength = 0;
    for (LanguageSpec l : ALL) {
      for (String ext : l.extensions()) {
        if (n.endsWith(ext) && ext.length() > bestLength) {
          best = l;
          bestLength = ext.length();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  static List<String> names() {
    return ALL.stream().map(LanguageSpec::name).toList();
  }
}
