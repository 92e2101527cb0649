package dev.ananke.bench.maze;

import dev.ananke.braid.Compilation;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Origin;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.Visibility;
import dev.ananke.maze.Maze;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Maze's compile cache, as the seed's cache suite: a hit (a set compiled before for the target),
 * a miss (a set never seen: compile, insert, evict from the full cache), a rotation over
 * {@code entries + 1} sets, and hits from 1, 2, 4 and 8 concurrent clients.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MazeCacheBenchmark {

  @Param({"10", "100", "1000"})
  int entries;

  Maze maze;
  ConstraintSet[] sets;
  Target target;
  int next;

  @Setup
  public void setUp() {
    maze = Maze.builder().cacheSize(entries).build();
    sets = new ConstraintSet[entries + 1];
    for (int i = 0; i < sets.length; i++) sets[i] = set(i);
    target = new Target("typescript", TargetKind.FUNCTION_BODY, "handle", null);
    for (int i = 0; i < entries; i++) maze.compile(sets[i], target);
  }

  @TearDown
  public void tearDown() {
    maze.close();
  }

  /** A small set per index: the target function and a naming rule, different for every index. */
  static ConstraintSet set(int i) {
    Constraint fn = Constraint.builder("f", new FunctionSignature("handle", List.of(Parameter.of("x" + i, "number")), "void",
            false, Visibility.PUBLIC, null, List.of(), "function handle(x" + i + ": number): void"))
        .origin(new Origin("src/h.ts", 1, 1)).build();
    return ConstraintSet.of(fn);
  }

  @Benchmark
  public Compilation hit() {
    return maze.compile(sets[0], target);
  }

  /** Rotating over {@code entries + 1} sets: the admission policy keeps most, so mostly hits. */
  @Benchmark
  public Compilation rotate() {
    int i = next;
    next = i == entries ? 0 : i + 1;
    return maze.compile(sets[i], target);
  }

  /** A set never seen: a miss at both levels, a compile, an insert and (the cache being full) an eviction. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Compilation missAndEvict(Fresh fresh) {
    return maze.compile(fresh.set, target);
  }

  /** A new set for every call, made outside the measured time. */
  @State(Scope.Thread)
  public static class Fresh {
    int counter = 1_000_000;
    ConstraintSet set;

    @Setup(org.openjdk.jmh.annotations.Level.Invocation)
    public void next() {
      set = set(counter++);
    }
  }

  @Benchmark
  @Threads(2)
  public Compilation hit2Clients() {
    return maze.compile(sets[0], target);
  }

  @Benchmark
  @Threads(4)
  public Compilation hit4Clients() {
    return maze.compile(sets[0], target);
  }

  @Benchmark
  @Threads(8)
  public Compilation hit8Clients() {
    return maze.compile(sets[0], target);
  }
}
