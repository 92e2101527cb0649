package dev.ananke.bench.braid;

import dev.ananke.braid.Braid;
import dev.ananke.braid.Compilation;
import dev.ananke.braid.conflict.ConflictReport;
import dev.ananke.braid.conflict.Conflicts;
import dev.ananke.braid.graph.ConstraintGraph;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import java.util.List;
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
 * {@code Braid.compile} for a FUNCTION_BODY target ({@code fnName} in {@code src/x.ts}), and the
 * parts of it measured alone: conflict detection, graph construction (edges only: the order is
 * computed on first use), graph plus the order of the whole set, and graph plus the ordered
 * closure of what the target needs (what a compiler asks for). Two suites in one parameter: {@code 1 5 10 25 50} are sets
 * spread over ten files ({@link BraidSets#spread}), {@code d5 d20 d50 d100 d250} sets all in the
 * target's file ({@link BraidSets#dense}). Goal for compile: 10 constraints in 20 us, 250 in 500 us.
 *
 * <p>Run: {@code java -jar ananke-bench/target/benchmarks.jar 'dev.ananke.bench.braid' -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BraidCompileBenchmark {

  @Param({"1", "5", "10", "25", "50", "d5", "d20", "d50", "d100", "d250"})
  public String set;

  static final Target TARGET = new Target("typescript", TargetKind.FUNCTION_BODY, "fnName", BraidSets.TARGET_FILE);

  ConstraintSet constraints;
  List<String> targetIds;

  @Setup
  public void setUp() {
    constraints = set.startsWith("d")
        ? BraidSets.dense(Integer.parseInt(set.substring(1)))
        : BraidSets.spread(Integer.parseInt(set));
    targetIds = constraints.constraints().stream()
        .filter(c -> c.payload() instanceof dev.ananke.core.payload.FunctionSignature f && f.name().equals("fnName"))
        .map(Constraint::id)
        .toList();
    if (!Conflicts.detect(constraints).isEmpty()) throw new IllegalStateException("benchmark set " + set + " has conflicts");
  }

  @Benchmark
  public Compilation compile() {
    return Braid.compile(constraints, TARGET);
  }

  @Benchmark
  public ConflictReport detect() {
    return Conflicts.check(constraints);
  }

  @Benchmark
  public ConstraintGraph graph() {
    return ConstraintGraph.of(constraints);
  }

  @Benchmark
  public List<Constraint> graphAndOrder() {
    return ConstraintGraph.of(constraints).topologicalOrder();
  }

  @Benchmark
  public List<Constraint> graphAndClosure() {
    return ConstraintGraph.of(constraints).requiredBy(targetIds);
  }
}
