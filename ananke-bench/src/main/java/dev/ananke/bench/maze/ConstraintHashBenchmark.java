package dev.ananke.bench.maze;

import dev.ananke.bench.braid.BraidSets;
import dev.ananke.core.Constraint;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seed's "hashing 10 constraints" (its baselines file: 5 us): the content ids of 10
 * constraints, each XXH64 over its kind, name, scope and the payload's canonical bytes. Every
 * constraint built pays it once, and Maze's compilation cache is keyed by these ids.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConstraintHashBenchmark {
  List<Constraint> ten;

  @Setup
  public void setUp() {
    ten = BraidSets.spread(10).constraints();
    if (ten.size() != 10) throw new IllegalStateException("expected 10 constraints, got " + ten.size());
  }

  @Benchmark
  public int hash10() {
    int h = 0;
    for (Constraint c : ten) h += Constraint.computeId(c.kind(), c.name(), c.origin(), c.payload()).hashCode();
    return h;
  }
}
