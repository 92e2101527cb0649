/**
 * The benchmark suite: JMH benchmarks, one package per suite of the seed report
 * ({@code wire} for the seed's FFI round trip, {@code clew} for extraction, {@code tokens} for
 * masks, ...). Build with {@code ./build.sh}; run with
 * {@code java -jar ananke-bench/target/benchmarks.jar [REGEX]}.
 */
@NullMarked
package dev.ananke.bench;

import org.jspecify.annotations.NullMarked;
