/**
 * The tree-sitter binding (jtreesitter, FFM) and the native libraries behind it. Everything that
 * owns native memory lives here: the bundled libraries and their loading, parsers, trees,
 * compiled queries and query cursors, each closed deterministically. Extractors only read
 * {@link io.github.treesitter.jtreesitter.Node}s handed to them while a tree is open.
 */
@NullMarked
package dev.ananke.clew.internal.treesitter;

import org.jspecify.annotations.NullMarked;
