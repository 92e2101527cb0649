package dev.ananke.clew.internal.treesitter;

import io.github.treesitter.jtreesitter.NativeLibraryLookup;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

/**
 * Tells jtreesitter where the tree-sitter runtime is: our own build of it, bundled with Clew
 * (registered in {@code META-INF/services}), instead of a system-wide {@code libtree-sitter}.
 */
public final class BundledRuntimeLookup implements NativeLibraryLookup {

  @Override
  public SymbolLookup get(Arena arena) {
    return SymbolLookup.libraryLookup(NativeLibraries.library("tree-sitter"), arena);
  }
}
