package dev.ananke.bench.braid;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seed's Braid compilation suite: 1 to 50 constraints spread over ten files, as a repository's
 * extraction is ({@link BraidSets#spread}), the target's file holding a tenth of them. Goal for
 * compile: 10 constraints in 20 us (the seed's target: 2 ms).
 *
 * <p>Run: {@code ./ananke bench compile}, or
 * {@code java -jar ananke-bench/target/benchmarks.jar 'BraidCompileBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BraidCompileBenchmark extends BraidSetBenchmark {

  @Param({"1", "5", "10", "25", "50"})
  public int constraintCount;

  @Setup
  public void setUp() {
    prepare(BraidSets.spread(constraintCount));
  }
}
