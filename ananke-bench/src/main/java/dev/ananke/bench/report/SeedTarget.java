package dev.ananke.bench.report;

import dev.ananke.bench.results.Result;
import dev.ananke.bench.results.Units;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One line of the seed report's targets table (or of its baselines file), the benchmark of ours
 * that measures the same operation, and our own goal where an issue set one.
 *
 * @param seedTarget the seed's target as it wrote it
 * @param seedSeconds the seed's target as a time, its upper bound
 * @param goalSeconds our goal, null when none was set beyond the seed's
 * @param benchmark the benchmark method (without package)
 * @param params the parameters that select the figures; several values of one parameter (a
 *     comma-separated list) select several figures, of which the slowest is shown
 */
public record SeedTarget(String component, String operation, String seedTarget, double seedSeconds,
    @Nullable Double goalSeconds, String benchmark, Map<String, String> params) {

  /** The seed's Performance Targets table, then the figures of its baselines file we measure too. */
  public static final List<SeedTarget> ALL = List.of(
      new SeedTarget("Clew", "TS extraction (75 lines; ours: the small fixture cut to 100 lines)", "4-7 ms", 7e-3, 1e-3,
          "ExtractionBenchmark.extract", Map.of("language", "typescript", "size", "lines100")),
      new SeedTarget("Clew", "small file (100 lines; ours: each small fixture cut to 100), slowest of the five languages",
          "< 10 ms", 10e-3, 1e-3,
          "ExtractionBenchmark.extract", Map.of("language", "typescript,python,rust,go,zig", "size", "lines100")),
      new SeedTarget("Clew", "medium file (500 lines), slowest of the five languages", "< 30 ms", 30e-3, null,
          "ExtractionBenchmark.extract", Map.of("language", "typescript,python,rust,go,zig", "size", "medium")),
      new SeedTarget("Braid", "10 constraints", "< 2 ms", 2e-3, 20e-6,
          "BraidCompileBenchmark.compile", Map.of("constraintCount", "10")),
      new SeedTarget("Braid", "50 constraints", "< 10 ms", 10e-3, null,
          "BraidCompileBenchmark.compile", Map.of("constraintCount", "50")),
      new SeedTarget("Braid", "100 constraints (baselines file; ours: all in one file)", "15 ms", 15e-3, null,
          "ConstraintDensityBenchmark.compile", Map.of("density", "100")),
      new SeedTarget("FFI", "round trip (ours: 50-constraint IR as an IR frame and back)", "< 1 ms", 1e-3, 20e-6,
          "WireRoundTripBenchmark.ir50Frame", Map.of()),
      new SeedTarget("FFI", "the same IR as JSON and back (the human and file form)", "< 1 ms", 1e-3, null,
          "WireRoundTripBenchmark.ir50", Map.of()),
      new SeedTarget("Pipeline", "extract + compile (ours: the small TypeScript fixture)", "6-9 ms", 9e-3, 3e-3,
          "PipelineBenchmark.extractAndCompile", Map.of("language", "typescript", "size", "small")),
      new SeedTarget("Cache", "hit latency (100 entries)", "< 1 us", 1e-6, 100e-9,
          "MazeCacheBenchmark.hit", Map.of("entries", "100")),
      new SeedTarget("Cache", "miss latency (100 entries, with eviction)", "< 1 ms", 1e-3, null,
          "MazeCacheBenchmark.missAndEvict", Map.of("entries", "100")),
      new SeedTarget("Cache", "hashing 10 constraints (baselines file; ours: their content ids)", "5 us", 5e-6, null,
          "ConstraintHashBenchmark.hash10", Map.of()),
      new SeedTarget("Maze", "orchestrator full workflow (baselines file; loopback llama.cpp)", "8 ms", 8e-3, null,
          "OrchestrationBenchmark.orchestration", Map.of()),
      new SeedTarget("Maze", "orchestration overhead without the backend", "-", Double.NaN, 1e-3,
          "OrchestrationBenchmark.overheadWithoutBackend", Map.of()),
      new SeedTarget("Braid", "JSON Schema to grammar (baselines file: llguidance schema generation)", "100 us", 100e-6, 2e-3,
          "GrammarCompileBenchmark.compile", Map.of()));

  /** The matching figure with the highest median, if the run has any. */
  public Optional<Result> pick(List<Result> results) {
    return results.stream()
        .filter(r -> r.metric().equals(Result.PRIMARY) && matches(r))
        .max(Comparator.comparingDouble(r -> Units.secondsPerOperation(r.median(), r.unit())));
  }

  boolean matches(Result r) {
    if (!r.benchmark().endsWith("." + benchmark)) return false;
    for (var e : params.entrySet()) {
      String value = r.params().get(e.getKey());
      if (value == null || !List.of(e.getValue().split(",")).contains(value)) return false;
    }
    return true;
  }
}
