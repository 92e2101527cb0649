/** A run of the benchmark suite as data: its figures, the machine, and their JSON files. */
@NullMarked
package dev.ananke.bench.results;

import org.jspecify.annotations.NullMarked;
