package dev.ananke.bench.cli;

import dev.ananke.bench.gate.Gate;
import dev.ananke.bench.gate.GateReport;
import dev.ananke.bench.report.HtmlReport;
import dev.ananke.bench.results.BenchRun;
import dev.ananke.bench.results.Machine;
import dev.ananke.bench.results.Result;
import dev.ananke.bench.results.ResultsFiles;
import dev.ananke.bench.suite.Completeness;
import dev.ananke.bench.suite.RepoRoot;
import dev.ananke.bench.suite.RunMode;
import dev.ananke.bench.suite.Suite;
import dev.ananke.bench.suite.SuiteRunner;
import dev.ananke.core.AnankeVersion;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ananke bench}: runs suites, archives the run, renders its report, and optionally
 * checks it against the baselines or rewrites them. The {@code ananke} launcher sends
 * {@code bench} here, to the benchmarks jar, because the suite depends on every module, the CLI
 * included in spirit, and the CLI must not carry JMH.
 */
@Command(name = "ananke bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs the benchmark suite (all suites when none is named) and writes the run as JSON and HTML "
        + "under benchmarks/results/.", "Suites: extraction, multi-language, compile, density, memory, wire, pipeline, "
        + "cache, orchestration, masks, grammar."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done; with --check, no figure is slower than its baseline beyond tolerance",
        "1:a figure is slower (--check), or a benchmark produced no number", "2:bad input"})
public final class BenchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SUITE", description = "suites to run (default: all)")
  List<String> suites = new ArrayList<>();

  @Option(names = "--quick", description = "run every benchmark briefly, in this JVM: proves the suite works, measures nothing")
  boolean quick;

  @Option(names = "--full", description = "use each benchmark's own, longer settings instead of the standard 4 warm-up iterations of a second and 5 measured of half a second")
  boolean full;

  @Option(names = "--check", description = "compare with the baselines; exit 1 if a figure is slower beyond tolerance")
  boolean check;

  @Option(names = "--update-baselines", description = "write this run's figures into the baselines file (other suites' figures are kept)")
  boolean updateBaselines;

  @Option(names = "--baselines", paramLabel = "FILE", description = "baselines file (default: benchmarks/baselines.json)")
  @Nullable Path baselinesFile;

  @Option(names = "--out", paramLabel = "DIR", description = "where runs are archived (default: benchmarks/results)")
  @Nullable Path out;

  @Option(names = "--from", paramLabel = "RUN.json", description = "run nothing: check and report an archived run")
  @Nullable Path from;

  @Option(names = "--tolerance-floor", paramLabel = "FRACTION",
      description = "smallest slowdown the gate may flag, whatever the errors (default: ${DEFAULT-VALUE})")
  double floor = Gate.DEFAULT_FLOOR;

  @Option(names = "--list", description = "list the suites and their benchmarks, run nothing")
  boolean list;

  @Option(names = {"-q", "--quiet"}, description = "no JMH output, only the summary")
  boolean quiet;

  private final PrintStream stdout;
  private final PrintStream stderr;

  BenchCommand(PrintStream stdout, PrintStream stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command line; never exits. */
  public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
    CommandLine cmd = new CommandLine(new BenchCommand(stdout, stderr));
    cmd.setOut(new java.io.PrintWriter(stdout, true));
    cmd.setErr(new java.io.PrintWriter(stderr, true));
    cmd.setParameterExceptionHandler((ex, a) -> {
      stderr.println("ananke bench: " + ex.getMessage());
      return 2;
    });
    cmd.setExecutionExceptionHandler((ex, failed, parsed) -> {
      if (ex instanceof BadInputException bad) {
        stderr.println("ananke bench: error: " + bad.getMessage());
        return 2;
      }
      stderr.println("ananke bench: " + ex);
      if (System.getenv("ANANKE_DEBUG") != null) ex.printStackTrace(stderr);
      return 1;
    });
    return cmd.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    if (quick && full) throw new BadInputException("--quick --full", "choose one mode");
    List<Suite> chosen = chosenSuites();
    if (list) {
      for (Suite s : chosen) {
        stdout.printf("%s: %s%n", s.id(), s.description());
        Completeness.benchmarks(s).forEach(b -> stdout.println("  " + b));
      }
      return 0;
    }
    Path root = RepoRoot.find();
    Path baselines = baselinesFile != null ? baselinesFile : root.resolve("benchmarks/baselines.json");
    Path archive = out != null ? out : root.resolve("benchmarks/results");
    BenchRun run;
    Path runFile;
    if (from != null) {
      run = ResultsFiles.read(from);
      runFile = from;
    } else {
      run = runSuites(chosen, root);
      runFile = archive.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
          .format(Instant.parse(run.startedAt())) + "-" + run.mode() + ".json");
      ResultsFiles.write(runFile, run);
    }
    List<String> problems = Completeness.problems(
        run.suites().stream().map(id -> Suite.byId(id).orElseThrow()).toList(), run.results());
    GateReport gate = null;
    BenchRun baseline = Files.exists(baselines) ? ResultsFiles.read(baselines) : null;
    if (check) {
      if (baseline == null) throw new BadInputException(baselines.toString(), "no baselines to check against: run with --update-baselines first");
      gate = new Gate(floor).check(baseline, run);
      stdout.print(gate.render());
    }
    Path html = runFile.resolveSibling(runFile.getFileName().toString().replaceFirst("\\.json$", "") + ".html");
    AtomicFiles.writeString(html, HtmlReport.render(run, baseline, gate));
    if (updateBaselines) {
      if (!problems.isEmpty()) throw new IllegalStateException("not updating the baselines: the run is incomplete");
      ResultsFiles.write(baselines, merge(baseline, run));
      stdout.println("baselines updated: " + baselines);
    }
    summary(run, runFile, html, problems);
    return !problems.isEmpty() || gate != null && !gate.passed() ? 1 : 0;
  }

  private List<Suite> chosenSuites() {
    if (suites.isEmpty()) return List.of(Suite.values());
    List<Suite> out = new ArrayList<>();
    for (String id : suites) {
      out.add(Suite.byId(id).orElseThrow(() -> new BadInputException(id, "no such suite; the suites are " + Suite.ids())));
    }
    return out;
  }

  private BenchRun runSuites(List<Suite> chosen, Path root) throws Exception {
    RunMode mode = quick ? RunMode.QUICK : full ? RunMode.FULL : RunMode.STANDARD;
    String startedAt = Instant.now().toString();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    SuiteRunner runner = new SuiteRunner(mode, root, quiet ? VerboseMode.SILENT : VerboseMode.NORMAL, stderr);
    List<Result> results = new ArrayList<>();
    List<String> ran = new ArrayList<>();
    for (Suite s : chosen) {
      String why = SuiteRunner.unavailable(s);
      if (why != null) {
        if (!suites.isEmpty()) throw new BadInputException(s.id(), "cannot run here: " + why);
        stderr.println("ananke bench: skipping " + s.id() + ": " + why);
        continue;
      }
      results.addAll(runner.run(s));
      ran.add(s.id());
    }
    Machine machine = Machine.current();
    machine = new Machine(machine.cpu(), machine.cores(), machine.memoryMb(), machine.os(), machine.jvm(),
        mode.forks() == 0 ? machine.jvmArgs() : SuiteRunner.FORK_JVM_ARGS);
    return new BenchRun(AnankeVersion.get(), mode.id(), startedAt, load, machine, ran, results);
  }

  /** The baselines with the figures of the suites this run measured replaced by this run's. */
  private static BenchRun merge(@Nullable BenchRun baseline, BenchRun run) {
    if (baseline == null) return run;
    List<Result> results = new ArrayList<>();
    for (Result r : baseline.results()) if (!run.suites().contains(r.suite())) results.add(r);
    results.addAll(run.results());
    Map<String, Boolean> suites = new LinkedHashMap<>();
    baseline.suites().forEach(s -> suites.put(s, true));
    run.suites().forEach(s -> suites.put(s, true));
    return new BenchRun(run.anankeVersion(), run.mode(), run.startedAt(), run.load(), run.machine(),
        List.copyOf(suites.keySet()), results);
  }

  private void summary(BenchRun run, Path runFile, Path html, List<String> problems) {
    long benchmarks = run.results().stream().map(Result::benchmark).distinct().count();
    problems.forEach(p -> stderr.println("ananke bench: " + p));
    stdout.printf("%d benchmarks, %d figures in %d suites (%s mode)%s%nrun: %s%nreport: %s%n", benchmarks, run.results().size(),
        run.suites().size(), run.mode(), problems.isEmpty() ? "" : "; " + problems.size() + " PROBLEMS", runFile, html);
  }
}
