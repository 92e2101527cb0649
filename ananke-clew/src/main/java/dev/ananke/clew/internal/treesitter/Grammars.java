package dev.ananke.clew.internal.treesitter;

import io.github.treesitter.jtreesitter.Language;
import io.github.treesitter.jtreesitter.Query;
import io.github.treesitter.jtreesitter.QueryError;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Loads grammars from the bundled libraries ({@code libtree-sitter-<grammar>.so}, entry point
 * {@code tree_sitter_<grammar>}) and compiles queries. Both are loaded once per process and
 * shared: a TSLanguage is immutable, and a TSQuery is only read by the cursors that run it.
 * Thread-safe.
 */
public final class Grammars {
  private Grammars() {}

  private static final ConcurrentMap<String, Language> LANGUAGES = new ConcurrentHashMap<>();

  /** The grammar named {@code grammar} (e.g. {@code typescript}, {@code tsx}, {@code python}). */
  public static Language language(String grammar) {
    return LANGUAGES.computeIfAbsent(grammar, Grammars::load);
  }

  private static Language load(String grammar) {
    // The global arena keeps the library mapped for the life of the process, as the Language
    // it returns points into it.
    SymbolLookup lookup = SymbolLookup.libraryLookup(NativeLibraries.library("tree-sitter-" + grammar), Arena.global());
    return Language.load(lookup, "tree_sitter_" + grammar.replace('-', '_'));
  }

  /**
   * Compiles a query. A query that does not compile is a bug in Clew, not bad input: the message
   * names the resource and the position.
   */
  public static Query query(Language language, String source, String resourceName) {
    try {
      return new Query(language, source);
    } catch (QueryError e) {
      throw new IllegalStateException("query " + resourceName + " does not compile: " + e.getMessage(), e);
    }
  }
}
