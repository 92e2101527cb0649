package dev.ananke.clew.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One language Clew can read.
 *
 * @param name the name users pass to {@code --language} ({@code typescript}, {@code python})
 * @param extensions file name endings, lower case with the dot ({@code .ts}); files ending so are
 *     in this language
 * @param grammar the bundled grammar: library {@code libtree-sitter-<grammar>.so}, entry point
 *     {@code tree_sitter_<grammar>} (see {@code ananke-clew/src/build/build-natives.sh})
 * @param queryResource class-path resource of the language's tree-sitter query (S-expressions,
 *     {@code .scm}), run by {@link SourceFile#matches}; null when the extractor needs none
 * @param extractor stateless and thread-safe: it is called for many files at once
 */
public record LanguageSpec(
    String name, List<String> extensions, String grammar, @Nullable String queryResource, Extractor extractor) {

  public LanguageSpec {
    if (name.isBlank() || !name.equals(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("language name must be lower case and non-blank: '" + name + "'");
    }
    extensions = List.copyOf(extensions);
    for (String e : extensions) {
      if (!e.startsWith(".") || !e.equals(e.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("extension of " + name + " must be lower case and start with '.': " + e);
      }
    }
    Objects.requireNonNull(grammar, "grammar");
    Objects.requireNonNull(extractor, "extractor");
  }

  /** Reads one parsed file and reports what it finds. */
  @FunctionalInterface
  public interface Extractor {
    void extract(SourceFile file, Facts facts);
  }
}
