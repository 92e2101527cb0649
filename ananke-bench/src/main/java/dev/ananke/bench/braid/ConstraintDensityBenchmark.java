package dev.ananke.bench.braid;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The seed's constraint density suite: 5 to 250 constraints all in the target's file
 * ({@link BraidSets#dense}), so every idiom and pattern applies to every function: the worst
 * case for graph edges. Goal for compile: 250 constraints in 500 us.
 *
 * <p>Run: {@code ./ananke bench density}
 */
@State(Scope.Benchmark)
public class ConstraintDensityBenchmark extends BraidSetBenchmark {

  @Param({"5", "20", "50", "100", "250"})
  public int density;

  @Setup
  public void setUp() {
    prepare(BraidSets.dense(density));
  }
}
