package dev.ananke.bench.results;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One measured figure: a benchmark's primary score, or one of its secondary metrics (bytes
 * allocated per operation, lines per second), or a measurement made outside JMH (peak RSS).
 *
 * @param suite the suite it was run in
 * @param benchmark the fully qualified benchmark method, e.g. {@code dev.ananke.bench.pipeline.PipelineBenchmark.extractAndCompile}
 * @param params the JMH parameters, sorted by name
 * @param metric {@code primary}, or the name of the secondary metric (e.g. {@code gc.alloc.rate.norm})
 * @param mode JMH's short mode name ({@code avgt}, {@code thrpt}, {@code sample}, {@code ss}), or
 *     {@code process} for measurements made outside JMH
 * @param unit the unit of {@code score}, as JMH prints it ({@code us/op}, {@code ops/s}, {@code B/op}, {@code MB})
 * @param score the mean
 * @param error half the width of the 99.9% confidence interval of the mean; NaN when too few
 *     samples to tell
 * @param samples how many values the mean is of (iterations, or individual samples in sample mode)
 * @param median the median of those values
 * @param p99 the 99th percentile in sample mode, else null
 * @param p999 the 99.9th percentile in sample mode, else null
 * @param calibration the calibration benchmark's score (us/op) measured just before this suite in
 *     the same run; NaN when there was none
 * @param calibrationError its error, as {@code error}
 */
public record Result(
    String suite,
    String benchmark,
    Map<String, String> params,
    String metric,
    String mode,
    String unit,
    double score,
    double error,
    long samples,
    double median,
    @Nullable Double p99,
    @Nullable Double p999,
    double calibration,
    double calibrationError) {

  public static final String PRIMARY = "primary";

  public Result {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(benchmark, "benchmark");
    params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(unit, "unit");
  }

  /** What identifies the figure across runs: benchmark, parameters and metric. */
  public String key() {
    String p = params.isEmpty() ? "" : params.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    return benchmark + p + (metric.equals(PRIMARY) ? "" : ":" + metric);
  }

  /** The class and method without the package, for tables and charts. */
  public String shortName() {
    String[] parts = benchmark.split("\\.");
    String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
    String p = params.isEmpty() ? "" : params.values().stream().collect(Collectors.joining(" ", " ", ""));
    return name + p + (metric.equals(PRIMARY) ? "" : " [" + metric + "]");
  }

  /** True when a higher score is better: JMH's throughput units and counters are all {@code ops/<time>}. */
  public boolean higherIsBetter() {
    return unit.startsWith("ops/");
  }

  /** True when the figure is a time or a rate, which machine speed scales; false for bytes and differences. */
  public boolean measuresSpeed() {
    return !(unit.startsWith("B/") || unit.equals("B") || unit.equals("MB") || unit.equals("KB") || unit.equals("#")
        || unit.equals("counts") || measuresDifference());
  }

  /**
   * True for a difference in per cent, such as the extraction's overhead over the parse: it can
   * be zero or negative, and a ratio of two of them says nothing.
   */
  public boolean measuresDifference() {
    return unit.equals("%");
  }
}
