package dev.ananke.clew.internal.treesitter;

import static java.lang.foreign.ValueLayout.ADDRESS;

import io.github.treesitter.jtreesitter.Language;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Loads grammars from the bundled libraries ({@code libtree-sitter-<grammar>.so}, entry point
 * {@code tree_sitter_<grammar>}), once per process. jtreesitter loads each first: it checks that
 * the grammar's ABI version is one the runtime supports and fails with a clear message if not.
 * Thread-safe.
 */
public final class Grammars {
  private Grammars() {}

  private static final ConcurrentMap<String, TsLanguage> LANGUAGES = new ConcurrentHashMap<>();

  /** The grammar named {@code grammar} (e.g. {@code typescript}, {@code tsx}, {@code python}). */
  public static TsLanguage language(String grammar) {
    return LANGUAGES.computeIfAbsent(grammar, Grammars::load);
  }

  private static TsLanguage load(String grammar) {
    // The global arena keeps the library mapped for the life of the process: the language
    // points into it.
    SymbolLookup lookup =
        SymbolLookup.libraryLookup(NativeLibraries.library("tree-sitter-" + grammar), Arena.global());
    String entry = "tree_sitter_" + grammar.replace('-', '_');
    Language.load(lookup, entry); // validates the ABI version against the runtime
    MemorySegment function = lookup.find(entry)
        .orElseThrow(() -> new IllegalStateException("grammar library of " + grammar + " lacks " + entry));
    try {
      MemorySegment pointer = (MemorySegment)
          Linker.nativeLinker().downcallHandle(function, FunctionDescriptor.of(ADDRESS)).invokeExact();
      return new TsLanguage(grammar, pointer);
    } catch (Throwable t) {
      throw new IllegalStateException("cannot load grammar " + grammar + ": " + t, t);
    }
  }
}
