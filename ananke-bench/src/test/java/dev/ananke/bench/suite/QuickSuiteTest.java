package dev.ananke.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.bench.cli.BenchCommand;
import dev.ananke.bench.clew.ExtractionBenchmark;
import dev.ananke.bench.grammar.MaskBenchFolder;
import dev.ananke.bench.results.BenchRun;
import dev.ananke.bench.results.Result;
import dev.ananke.bench.results.ResultsFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * CI's proof that the benchmark suite works: {@code ananke bench --quick} runs every suite (the
 * grammar suite where the MaskBench data is), and every benchmark method yields a number. No
 * figure is judged: a quick run measures nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickSuiteTest {
  private Path out;
  private int exit;
  private String stdout;
  private String stderr;
  private BenchRun run;
  private Path runFile;

  @BeforeAll
  void runTheWholeSuiteQuickly() throws IOException {
    out = Files.createTempDirectory("ananke-bench-quick");
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    exit = BenchCommand.run(new String[] {"--quick", "--quiet", "--out", out.toString(),
        "--baselines", out.resolve("none.json").toString()}, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    stdout = o.toString(StandardCharsets.UTF_8);
    stderr = e.toString(StandardCharsets.UTF_8);
    List<Path> archived;
    try (Stream<Path> files = Files.list(out)) {
      archived = files.toList();
    }
    runFile = archived.stream().filter(p -> p.toString().endsWith("-quick.json")).findFirst().orElseThrow(
        () -> new AssertionError("no run archived in " + archived + ", exit " + exit + "\n" + stdout + stderr));
    run = ResultsFiles.read(runFile);
  }

  @AfterAll
  void removeTheRun() throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void everySuiteRanAndEveryBenchmarkProducedANumber() {
    assertEquals(0, exit, stdout + stderr);
    Set<String> expected = Arrays.stream(Suite.values())
        .filter(s -> s != Suite.GRAMMAR || MaskBenchFolder.find().isPresent())
        .map(Suite::id).collect(Collectors.toSet());
    assertEquals(expected, Set.copyOf(run.suites()), stderr);
    List<Suite> ran = run.suites().stream().map(id -> Suite.byId(id).orElseThrow()).toList();
    assertEquals(List.of(), Completeness.problems(ran, run.results()));
    for (Suite s : ran) {
      assertTrue(Completeness.benchmarks(s).size() >= 1, s.id());
      assertTrue(run.results().stream().anyMatch(r -> r.suite().equals(s.id())), s.id());
    }
  }

  @Test
  void everyBenchmarkInTheJarBelongsToASuite() {
    // JMH's own list of what its annotation processor generated
    Set<String> listed = BenchmarkList.defaultList()
        .getAll(OutputFormatFactory.createFormatInstance(new PrintStream(new ByteArrayOutputStream()), VerboseMode.SILENT),
            List.of())
        .stream().map(BenchmarkListEntry::getUsername).collect(Collectors.toSet());
    Set<String> inSuites = Arrays.stream(Suite.values()).flatMap(s -> Completeness.benchmarks(s).stream())
        .collect(Collectors.toSet());
    assertTrue(listed.containsAll(inSuites), "suites name benchmarks JMH does not know");
    List<String> orphans = listed.stream()
        .filter(b -> !inSuites.contains(b) && !b.equals("dev.ananke.bench.calibration.CalibrationBenchmark.calibrate"))
        .sorted().toList();
    assertEquals(List.of(), orphans, "benchmarks no suite runs");
  }

  @Test
  void theReportRendersItsChartsInHeadlessChromium() throws Exception {
    Path html = runFile.resolveSibling(runFile.getFileName().toString().replace(".json", ".html"));
    Chromium.Rendering page = Chromium.render(html, out.resolve("browser"));
    // one chart for the targets, at least one per suite
    long charts = page.dom().split("<svg class=\"chart\"", -1).length - 1L;
    assertTrue(charts >= 1 + run.suites().size(), charts + " charts");
    long bars = page.dom().split("<rect class=\"bar fresh\"", -1).length - 1L;
    long figures = run.results().stream().filter(r -> r.score() > 0).count();
    assertTrue(bars >= figures, bars + " bars for " + figures + " figures");
    // drawn, not only present: the bar colours are on the screen
    assertTrue(page.pixelsOf(0x2563eb) > 2_000, "this run's bars: " + page.pixelsOf(0x2563eb) + " pixels");
    assertTrue(page.pixelsOf(0xf59e0b) > 200, "the seed's targets: " + page.pixelsOf(0xf59e0b) + " pixels");
  }

  @Test
  void theMemorySuiteMeasuresAllocationAndPeakRss() {
    List<Result> memory = run.results().stream().filter(r -> r.suite().equals("memory")).toList();
    assertTrue(memory.stream().anyMatch(r -> r.metric().equals("gc.alloc.rate.norm") && r.unit().equals("B/op")
        && r.score() > 1000), "allocation per operation");
    Result rss = memory.stream().filter(r -> r.mode().equals("process")).findFirst().orElseThrow();
    assertEquals("MB", rss.unit());
    assertTrue(rss.score() > 20 && rss.score() < 24_000, "a JVM's peak RSS in MB: " + rss.score());
    assertTrue(rss.params().get("file").startsWith("test/fixtures/"), rss.params().toString());
  }

  @Test
  void theMultiLanguageSuiteCountsLinesAndBytes() {
    List<Result> multi = run.results().stream().filter(r -> r.suite().equals("multi-language")).toList();
    assertEquals(Set.of("primary", "lines", "bytes"), multi.stream().map(Result::metric).collect(Collectors.toSet()));
    for (Result lines : multi.stream().filter(r -> r.metric().equals("lines")).toList()) {
      Result ops = multi.stream().filter(r -> r.metric().equals("primary") && r.params().equals(lines.params()))
          .findFirst().orElseThrow();
      // lines per second over operations per second: the lines of the five fixtures of that size
      double linesPerOp = lines.score() / ops.score();
      assertTrue(linesPerOp > 400 && linesPerOp < 40_000, lines.params() + ": " + linesPerOp);
    }
  }

  @Test
  void theExtractionSuitePairsEachExtractionWithItsParse() {
    List<Result> pairs = run.results().stream()
        .filter(r -> r.benchmark().equals(ExtractionBenchmark.class.getName() + ".extractAndParse")).toList();
    List<Result> overheads = pairs.stream().filter(r -> r.metric().equals(ExtractionBenchmark.OVERHEAD)).toList();
    assertEquals(7 * 5, overheads.size(), "one per language and size: " + overheads);
    for (Result o : overheads) {
      assertEquals("%", o.unit());
      assertEquals(2, o.samples(), "one figure per measured iteration");
      // both halves were timed: above -100% the extraction took time; a quick run's noise allows any sign
      assertTrue(o.score() > -100 && o.score() < 10_000, o.params() + ": " + o.score());
      assertTrue(pairs.stream().anyMatch(r -> r.metric().equals(Result.PRIMARY) && r.params().equals(o.params())), o.params().toString());
    }
  }

  @Test
  void theRunIsArchivedWithAReportBesideIt() throws IOException {
    assertTrue(stdout.contains("run: " + runFile), stdout);
    Path html = runFile.resolveSibling(runFile.getFileName().toString().replace(".json", ".html"));
    String page = Files.readString(html);
    for (String suite : run.suites()) assertTrue(page.contains("<h2 id=\"" + suite + "\">"), suite);
    assertEquals(run, ResultsFiles.read(runFile));
  }

  @Test
  void theArchivedRunPassesTheGateAgainstItself() {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    int code = BenchCommand.run(new String[] {"--from", runFile.toString(), "--check", "--baselines", runFile.toString()},
        new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
    String text = o.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, text);
    assertTrue(text.contains(": passed"), text);
  }

}
