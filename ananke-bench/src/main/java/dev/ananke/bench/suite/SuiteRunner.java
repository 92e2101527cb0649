package dev.ananke.bench.suite;

import dev.ananke.bench.calibration.CalibrationBenchmark;
import dev.ananke.bench.clew.ExtractionBenchmark;
import dev.ananke.bench.grammar.MaskBenchFolder;
import dev.ananke.bench.memory.PeakRss;
import dev.ananke.bench.results.Result;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs suites through JMH's API and turns its results into {@link Result}s. Before each suite
 * it runs the calibration benchmark with the same settings (twice the iterations), and stamps the suite's figures with
 * it, so the gate can divide out how fast the machine was at that moment.
 */
public final class SuiteRunner {
  /**
   * The forked JVMs' options, fixed here rather than inherited from whoever started the runner
   * (the {@code ananke} launcher's start-up flags would otherwise limit the benchmarks to C1).
   */
  public static final List<String> FORK_JVM_ARGS = List.of("--enable-native-access=ALL-UNNAMED",
      "--sun-misc-unsafe-memory-access=allow", "-Xss8m", "-Xmx4g");

  /** Secondary metrics worth keeping: allocation per operation and the suites' own counters. */
  private static final Set<String> KEPT_SECONDARY = Set.of("gc.alloc.rate.norm", "lines", "bytes");

  private final RunMode mode;
  private final Path repoRoot;
  private final VerboseMode verbosity;
  private final PrintStream log;

  public SuiteRunner(RunMode mode, Path repoRoot, VerboseMode verbosity, PrintStream log) {
    this.mode = mode;
    this.repoRoot = repoRoot;
    this.verbosity = verbosity;
    this.log = log;
  }

  /** Why a suite cannot run on this machine, or null when it can. */
  public static @Nullable String unavailable(Suite suite) {
    if (suite == Suite.GRAMMAR && MaskBenchFolder.find().isEmpty()) {
      return "no MaskBench data (../shared/data/maskbench, or -Dananke.maskbench.dir=DIR)";
    }
    return null;
  }

  /** Runs one suite: the calibration, then its benchmarks, then its measurements outside JMH. */
  public List<Result> run(Suite suite) throws RunnerException, IOException, InterruptedException {
    log.printf("== %s: %s (%s mode)%n", suite.id(), suite.description(), mode.id());
    List<Result> out = new ArrayList<>(run(suite.id(), suite.includes(), Map.of(), suite == Suite.MEMORY));
    if (suite == Suite.MEMORY) out.add(peakRss(out.getFirst().calibration(), out.getFirst().calibrationError()));
    return out;
  }

  /**
   * Runs the calibration, then the benchmarks matching {@code includes} (JMH regexes), with
   * {@code params} overriding the classes' parameter values, and labels the results with
   * {@code suite}.
   */
  public List<Result> run(String suite, List<String> includes, Map<String, List<String>> params, boolean gcProfiler)
      throws RunnerException {
    List<Result> calibration = convert("calibration",
        jmh(List.of("^" + java.util.regex.Pattern.quote(CalibrationBenchmark.class.getName()) + "\\.calibrate$"), Map.of(), false,
            true),
        Double.NaN, Double.NaN);
    if (calibration.size() != 1) throw new IllegalStateException("the calibration benchmark did not run");
    Result yardstick = calibration.getFirst();
    log.printf("   calibration: %.3f ± %.3f %s%n", yardstick.score(), yardstick.error(), yardstick.unit());
    List<Result> out = convert(suite, jmh(includes, params, gcProfiler, false), yardstick.score(), yardstick.error());
    if (out.isEmpty()) throw new IllegalStateException("no benchmark matched " + includes);
    return out;
  }

  /**
   * One JMH run. The calibration gets twice the measured iterations: its error enters every
   * comparison of its suite, so a tighter yardstick is worth a few seconds.
   */
  private Collection<RunResult> jmh(List<String> includes, Map<String, List<String>> params, boolean gcProfiler,
      boolean calibration) throws RunnerException {
    ChainedOptionsBuilder b = new OptionsBuilder()
        .jvmArgs(FORK_JVM_ARGS.toArray(String[]::new))
        .shouldFailOnError(true)
        .verbosity(verbosity);
    for (String include : includes) b.include(include);
    params.forEach((name, values) -> b.param(name, values.toArray(String[]::new)));
    if (gcProfiler) b.addProfiler(GCProfiler.class);
    mode.apply(b);
    if (calibration && !mode.annotated()) b.measurementIterations(2 * mode.iterations());
    try {
      return new Runner(b.build()).run();
    } catch (RunnerException e) {
      throw new IllegalStateException("a benchmark failed: " + rootCause(e), e);
    }
  }

  /** JMH hides a benchmark's own exception among the suppressed ones of its wrapper; silent runs would lose it. */
  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getSuppressed().length == 0 && t.getCause() != null) t = t.getCause();
    Throwable s = t.getSuppressed().length > 0 ? t.getSuppressed()[0] : t;
    return s + (s.getStackTrace().length > 0 ? " at " + s.getStackTrace()[0] : "");
  }


  private static List<Result> convert(String suite, Collection<RunResult> runs, double calibration, double calibrationError) {
    List<Result> out = new ArrayList<>();
    for (RunResult run : runs) {
      BenchmarkParams bp = run.getParams();
      Map<String, String> params = new LinkedHashMap<>();
      for (String key : bp.getParamsKeys()) params.put(key, bp.getParam(key));
      String mode = bp.getMode().shortLabel();
      out.add(result(suite, bp.getBenchmark(), params, Result.PRIMARY, mode, run.getPrimaryResult(), calibration, calibrationError));
      run.getSecondaryResults().forEach((label, r) -> {
        String metric = label.startsWith("·") ? label.substring(1) : label;
        if (KEPT_SECONDARY.contains(metric)) {
          out.add(result(suite, bp.getBenchmark(), params, metric, mode, r, calibration, calibrationError));
        }
      });
      for (BenchmarkResult b : run.getBenchmarkResults()) {
        ExtractionBenchmark.overheadPercent(b).ifPresent(stats -> out.add(new Result(suite, bp.getBenchmark(), params,
            ExtractionBenchmark.OVERHEAD, mode, "%", stats.getMean(), stats.getN() > 1 ? stats.getMeanErrorAt(0.999) : Double.NaN,
            stats.getN(), stats.getPercentile(50), null, null, calibration, calibrationError)));
      }
    }
    return out;
  }

  private static Result result(String suite, String benchmark, Map<String, String> params, String metric, String mode,
      org.openjdk.jmh.results.Result<?> r, double calibration, double calibrationError) {
    var stats = r.getStatistics();
    boolean sample = mode.equals("sample");
    return new Result(suite, benchmark, params, metric, mode, r.getScoreUnit(), r.getScore(), r.getScoreError(), stats.getN(),
        stats.getPercentile(50), sample ? stats.getPercentile(99) : null, sample ? stats.getPercentile(99.9) : null,
        calibration, calibrationError);
  }

  private Result peakRss(double calibration, double calibrationError) throws IOException, InterruptedException {
    Path file = PeakRss.largestFixture(repoRoot);
    int runs = mode.processRuns();
    ListStatistics stats = new ListStatistics();
    for (long kb : PeakRss.measure(repoRoot, file, runs)) stats.addValue(kb / 1024.0);
    Result r = new Result(Suite.MEMORY.id(), PeakRss.class.getName() + ".extractLargestFixture",
        Map.of("file", repoRoot.relativize(file).toString()), Result.PRIMARY, "process", "MB", stats.getMean(),
        stats.getN() > 1 ? stats.getMeanErrorAt(0.999) : Double.NaN, stats.getN(), stats.getPercentile(50), null, null,
        calibration, calibrationError);
    log.printf("   peak RSS of ananke extract %s: %.1f MB (%d runs)%n", r.params().get("file"), r.score(), runs);
    return r;
  }
}
