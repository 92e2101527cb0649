package dev.ananke.bench.suite;

import java.util.Optional;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long each benchmark runs, for every benchmark alike; {@link #FULL} keeps the settings
 * written on each benchmark class instead.
 *
 * @param forks JMH forks per benchmark; 0 runs in the runner's own JVM
 * @param processRuns how many times measurements outside JMH (peak RSS) start their process
 * @param annotated true to keep each class's own settings and ignore the numbers here
 */
public record RunMode(String id, int forks, int warmupIterations, long warmupMillis, int iterations, long iterationMillis,
    int processRuns, boolean annotated) {

  /**
   * Proves every benchmark runs and yields a number: in the runner's own JVM, one short warm-up and
   * two short measurements. Its figures are not measurements (their error is enormous); CI runs it.
   */
  public static final RunMode QUICK = new RunMode("quick", 0, 1, 50, 2, 100, 1, false);
  /**
   * The baselines' and the gate's mode: one fork per benchmark, 4 warm-up iterations of a second
   * and 5 measured ones of half a second: enough samples for an error, about 7 s per benchmark.
   * The warm-up is what C2 needs for the extractors on 2 busy cores: with 2 half-second
   * iterations, an extraction's measured iterations still fell by half from the first to the
   * last (TypeScript 93 lines: 1,547 to 789 us), while the native parse was flat.
   */
  public static final RunMode STANDARD = new RunMode("standard", 1, 4, 1000, 5, 500, 5, false);
  /** The settings written on each benchmark class: the longest and least noisy. */
  public static final RunMode FULL = new RunMode("full", 1, 0, 0, 0, 0, 10, true);

  public static Optional<RunMode> byId(String id) {
    return Stream.of(QUICK, STANDARD, FULL).filter(m -> m.id.equals(id)).findFirst();
  }

  void apply(ChainedOptionsBuilder b) {
    if (annotated) return;
    b.forks(forks)
        .warmupIterations(warmupIterations).warmupTime(TimeValue.milliseconds(warmupMillis))
        .measurementIterations(iterations).measurementTime(TimeValue.milliseconds(iterationMillis));
  }
}
