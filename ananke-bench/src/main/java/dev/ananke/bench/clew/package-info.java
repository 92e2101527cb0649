/** Benchmarks of Clew: extraction per language and size against the bare tree-sitter parse. */
@NullMarked
package dev.ananke.bench.clew;

import org.jspecify.annotations.NullMarked;
