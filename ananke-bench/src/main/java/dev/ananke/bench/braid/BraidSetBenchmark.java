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
import dev.ananke.core.payload.FunctionSignature;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What both Braid suites measure on their sets: {@code Braid.compile} for a FUNCTION_BODY target
 * ({@code fnName} in {@code src/x.ts}), and its parts alone: conflict detection, graph
 * construction (edges only: the order is computed on first use), graph plus the order of the
 * whole set, graph plus the ordered closure of what the target needs. The subclasses say which
 * sets; the run settings here are theirs (JMH inherits them).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class BraidSetBenchmark {
  static final Target TARGET = new Target("typescript", TargetKind.FUNCTION_BODY, "fnName", BraidSets.TARGET_FILE);

  ConstraintSet constraints = new ConstraintSet(List.of());
  List<String> targetIds = List.of();

  void prepare(ConstraintSet set) {
    constraints = set;
    targetIds = targetIds(set);
    if (!Conflicts.detect(set).isEmpty()) throw new IllegalStateException("a benchmark set has conflicts");
  }

  /** The ids of the target's signatures. */
  static List<String> targetIds(ConstraintSet set) {
    return set.constraints().stream()
        .filter(c -> c.payload() instanceof FunctionSignature f && f.name().equals("fnName"))
        .map(Constraint::id)
        .toList();
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
