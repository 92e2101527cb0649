package dev.ananke.bench.wire;

import dev.ananke.core.ConstraintSet;
import dev.ananke.core.json.ConstraintJson;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
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
 * Writing and reading a constraint set as canonical JSON, at 10, 100 and 1,000 constraints.
 * Reading includes validation and the id check of every constraint (a content hash each), which is
 * what a consumer of the wire format pays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConstraintJsonBenchmark {

  @Param({"10", "100", "1000"})
  public int constraints;

  ConstraintSet set;
  String json;

  @Setup
  public void setUp() {
    set = SampleSets.of(constraints);
    json = ConstraintJson.writeCompact(set);
  }

  @Benchmark
  public String write() {
    return ConstraintJson.writeCompact(set);
  }

  @Benchmark
  public ConstraintSet read() {
    return ConstraintJson.readSet(json);
  }

  @Benchmark
  public ConstraintSet roundTrip() {
    return ConstraintJson.readSet(ConstraintJson.writeCompact(set));
  }
}
