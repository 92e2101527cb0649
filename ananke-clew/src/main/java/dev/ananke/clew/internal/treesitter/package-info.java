/**
 * The tree-sitter binding and the native libraries behind it. jtreesitter (FFM) loads and
 * validates the grammars; a handful of our own downcalls ({@code TsApi}) parse, export the tree
 * to an int array in one call ({@code ananke_flatten}, {@code src/main/c}) and free it at once.
 * Extractors then read {@link dev.ananke.clew.internal.treesitter.FlatTree} through
 * {@code dev.ananke.clew.spi.SyntaxNode} and match queries with
 * {@link dev.ananke.clew.internal.treesitter.FlatQuery}: no native memory outlives a parse.
 */
@NullMarked
package dev.ananke.clew.internal.treesitter;

import org.jspecify.annotations.NullMarked;
