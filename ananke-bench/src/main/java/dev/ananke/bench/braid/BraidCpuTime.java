package dev.ananke.bench.braid;

import dev.ananke.bench.wire.SampleSets;
import dev.ananke.braid.Braid;
import dev.ananke.braid.conflict.Conflicts;
import dev.ananke.braid.graph.ConstraintGraph;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.json.ConstraintJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The cases of {@link BraidCompileBenchmark} and {@link ConstraintDensityBenchmark} timed by the CPU time of this thread, for a machine
 * shared with other work, where JMH's wall-clock averages measure the scheduler: a descheduled
 * thread accrues no CPU time. Reports the median of 7 rounds after 5 warm-up rounds, and the
 * JSON write of 10 constraints (ConstraintJsonBenchmark.write, 37 us in docs/ARCHITECTURE.md at
 * load ~1) as a yardstick for how fast the machine runs at that moment.
 *
 * <p>Run: {@code java -cp ananke-bench/target/benchmarks.jar dev.ananke.bench.braid.BraidCpuTime}
 */
public final class BraidCpuTime {
  private BraidCpuTime() {}

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final String[] SETS = {"1", "5", "10", "25", "50", "d5", "d20", "d50", "d100", "d250"};
  private static volatile Object sink;

  public static void main(String[] args) {
    ConstraintSet ref = SampleSets.of(10);
    System.out.printf(Locale.ROOT, "%-6s %10s %10s %10s %14s %16s%n", "set", "compile", "detect", "graph", "graph+order", "graph+closure");
    for (String name : args.length > 0 ? args : SETS) {
      ConstraintSet set = name.startsWith("d")
          ? BraidSets.dense(Integer.parseInt(name.substring(1)))
          : BraidSets.spread(Integer.parseInt(name));
      List<String> target = BraidSetBenchmark.targetIds(set);
      double compile = median(() -> Braid.compile(set, BraidSetBenchmark.TARGET), set.size());
      double detect = median(() -> Conflicts.check(set), set.size());
      double graph = median(() -> ConstraintGraph.of(set), set.size());
      double order = median(() -> ConstraintGraph.of(set).topologicalOrder(), set.size());
      double closure = median(() -> ConstraintGraph.of(set).requiredBy(target), set.size());
      System.out.printf(Locale.ROOT, "%-6s %10.2f %10.2f %10.2f %14.2f %16.2f   us/op (thread CPU time, median)%n",
          name, compile, detect, graph, order, closure);
    }
    System.out.printf(Locale.ROOT, "yardstick: JSON write of 10 constraints %.1f us/op%n",
        median(() -> ConstraintJson.writeCompact(ref), 10));
  }

  private static double median(Supplier<Object> op, int size) {
    int calls = Math.max(200, 100_000 / Math.max(1, size));
    double[] rounds = new double[12];
    for (int r = 0; r < rounds.length; r++) {
      long t = CPU.getCurrentThreadCpuTime();
      for (int i = 0; i < calls; i++) sink = op.get();
      rounds[r] = (CPU.getCurrentThreadCpuTime() - t) / 1e3 / calls;
    }
    double[] measured = Arrays.copyOfRange(rounds, 5, rounds.length);
    Arrays.sort(measured);
    return measured[measured.length / 2];
  }
}
