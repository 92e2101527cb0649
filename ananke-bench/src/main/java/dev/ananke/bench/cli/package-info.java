/** {@code ananke bench}, the command line of the benchmark suite. */
@NullMarked
package dev.ananke.bench.cli;

import org.jspecify.annotations.NullMarked;
