/**
 * The memory suite: bytes allocated per operation (JMH's GC profiler) and the peak resident set
 * of the {@code ananke extract} process on the largest fixture.
 */
@NullMarked
package dev.ananke.bench.memory;

import org.jspecify.annotations.NullMarked;
