package dev.ananke.bench.braid;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The seed's Braid compilation suite: 1 to 50 constraints spread over ten files, as a repository's
 * extraction is ({@link BraidSets#spread}), the target's file holding a tenth of them. Goal for
 * compile: 10 constraints in 20 us (the seed's target: 2 ms).
 *
 * <p>Run: {@code ./ananke bench compile}, or
 * {@code java -jar ananke-bench/target/benchmarks.jar 'BraidCompileBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
public class BraidCompileBenchmark extends BraidSetBenchmark {

  @Param({"1", "5", "10", "25", "50"})
  public int constraintCount;

  @Setup
  public void setUp() {
    prepare(BraidSets.spread(constraintCount));
  }
}
