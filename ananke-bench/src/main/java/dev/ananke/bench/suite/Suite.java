package dev.ananke.bench.suite;

import dev.ananke.bench.braid.BraidCompileBenchmark;
import dev.ananke.bench.braid.ConstraintDensityBenchmark;
import dev.ananke.bench.clew.ExtractionBenchmark;
import dev.ananke.bench.clew.MultiLanguageBenchmark;
import dev.ananke.bench.grammar.GrammarCompileBenchmark;
import dev.ananke.bench.grammar.GrammarMaskBenchmark;
import dev.ananke.bench.maze.ConstraintHashBenchmark;
import dev.ananke.bench.maze.MazeCacheBenchmark;
import dev.ananke.bench.maze.OrchestrationBenchmark;
import dev.ananke.bench.memory.MemoryBenchmark;
import dev.ananke.bench.pipeline.PipelineBenchmark;
import dev.ananke.bench.tokens.RegexCompileBenchmark;
import dev.ananke.bench.tokens.TokenMaskBenchmark;
import dev.ananke.bench.wire.ConstraintJsonBenchmark;
import dev.ananke.bench.wire.NativeCrossingBenchmark;
import dev.ananke.bench.wire.WireRoundTripBenchmark;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The suites of the seed report, each the JMH benchmark classes that measure it. A suite is what
 * {@code ananke bench SUITE} runs, the unit of calibration (the yardstick runs before each suite)
 * and a section of the report.
 */
public enum Suite {
  EXTRACTION("extraction", "Clew extraction per language and size, beside the bare tree-sitter parse, and the two paired",
      ExtractionBenchmark.class),
  MULTI_LANGUAGE("multi-language", "all five seed languages extracted in one operation: lines/s and bytes/s",
      MultiLanguageBenchmark.class),
  COMPILE("compile", "Braid compilation of 1 to 50 constraints, and its conflict and graph stages",
      BraidCompileBenchmark.class),
  DENSITY("density", "Braid compilation of 5 to 250 constraints all in the target's file",
      ConstraintDensityBenchmark.class),
  MEMORY("memory", "bytes allocated per operation (GC profiler), peak RSS of `ananke extract` on the largest fixture",
      MemoryBenchmark.class),
  WIRE("wire", "the wire round trip, JSON and IR frame (IR, structs, large vectors, maps, batches), and the native parser crossing",
      ConstraintJsonBenchmark.class, WireRoundTripBenchmark.class, NativeCrossingBenchmark.class),
  PIPELINE("pipeline", "extraction then compilation of one fixture, per language", PipelineBenchmark.class),
  CACHE("cache", "Maze's compilation cache: hit, miss with eviction, 1 to 8 concurrent clients; the content ids of 10 constraints",
      MazeCacheBenchmark.class, ConstraintHashBenchmark.class),
  ORCHESTRATION("orchestration", "a whole generation request with a loopback llama.cpp server, and without a backend",
      OrchestrationBenchmark.class),
  MASKS("masks", "token masks of regexes over the Llama 3.1 vocabulary: walk, sliced, memoized, compile",
      TokenMaskBenchmark.class, RegexCompileBenchmark.class),
  GRAMMAR("grammar", "JSON Schema grammars on MaskBench: per-token mask time and compile time (needs ../shared/data/maskbench)",
      GrammarMaskBenchmark.class, GrammarCompileBenchmark.class);

  private final String id;
  private final String description;
  private final List<Class<?>> classes;

  Suite(String id, String description, Class<?>... classes) {
    this.id = id;
    this.description = description;
    this.classes = List.of(classes);
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public List<Class<?>> classes() {
    return classes;
  }

  /** The JMH include patterns: every benchmark method of the suite's classes. */
  public List<String> includes() {
    return classes.stream().map(c -> "^" + java.util.regex.Pattern.quote(c.getName()) + "\\.").toList();
  }

  /** True for a benchmark name ({@code pkg.Class.method}) of this suite. */
  public boolean owns(String benchmark) {
    return classes.stream().anyMatch(c -> benchmark.startsWith(c.getName() + "."));
  }

  public static Optional<Suite> byId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
  }

  public static String ids() {
    return Arrays.stream(values()).map(Suite::id).collect(Collectors.joining(", "));
  }
}
