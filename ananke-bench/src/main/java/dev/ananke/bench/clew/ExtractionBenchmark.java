package dev.ananke.bench.clew;

import dev.ananke.clew.Clew;
import dev.ananke.clew.ExtractionResult;
import dev.ananke.core.ConstraintKind;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Extraction of one file per language and size, against the bare tree-sitter parse of the same
 * text ({@link Clew#parseOnly}). Both include creating the parser and freeing the tree; the
 * extraction adds the query, the extractor and building the constraint set. Goal: extraction at
 * most 25% above the parse.
 *
 * <p>{@link #extract} and {@link #parse} run in separate forks, minutes apart, so their ratio
 * carries the host's drift between them (on a shared 2-core host, a parse measured 605 &plusmn;
 * 389 us). {@link #extractAndParse} does both in every operation, back to back, in alternating
 * order, and the secondary metric {@value #OVERHEAD} is an iteration's total extraction time over
 * its total parse time, minus one (the suite runner adds it to the results; JMH's own output
 * shows the two totals): both halves of the ratio see the same moments of the machine.
 *
 * <p>The warm-up is 20 s because the extraction reaches its steady state late: for its first ten
 * seconds or so the JVM is still touching its heap for the first time (10 to 28 page faults per
 * small extraction, none after), and C2 compiles the extractors' rarer methods (a class
 * declaration, an enum) as late as 16 s in. The bare parse, native code, is steady from the
 * start, so a short warm-up overstates the ratio: by 1 to 6 points on the small files
 * ({@code docs/clew.md}, "Steady state").
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -jar ananke-bench/target/benchmarks.jar ExtractionBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ExtractionBenchmark {

  @Param({"typescript", "python", "javascript", "java", "rust", "go", "zig"})
  public String language;

  /** {@code lines100}: the small input cut to at most 100 lines ({@link BenchInputs}). */
  @Param({BenchInputs.HUNDRED, "small", "medium", "large", "xlarge"})
  public String size;

  private BenchInputs.Input input;
  private Clew clew;

  @Setup
  public void setup() {
    input = BenchInputs.load(language, size);
    clew = Clew.builder().cacheSize(0).build();
    ExtractionResult r = clew.extractSource(input.fileName(), input.text(), language);
    if (r.constraints().constraints().stream().anyMatch(c -> c.kind() == ConstraintKind.SYNTACTIC)) {
      throw new IllegalStateException(input.origin() + " has syntax errors: not a benchmark input");
    }
    System.err.printf("%n%s/%s: %s, %d lines, %d constraints, %d diagnostics%n", language, size, input.origin(),
        input.text().lines().count(), r.constraints().size(), r.diagnostics().size());
  }

  @Benchmark
  public ExtractionResult extract() {
    return clew.extractSource(input.fileName(), input.text(), language);
  }

  @Benchmark
  public int parse() {
    return Clew.parseOnly(language, input.text());
  }

  /**
   * The iteration's time in each half. JMH reports counters per iteration and adds them up over
   * the iterations; {@link #overheadPercent} divides them per iteration.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Halves {
    public double parseMillis;
    public double extractMillis;
    private long operations;

    @Setup(Level.Iteration)
    public void reset() {
      parseMillis = 0;
      extractMillis = 0;
      operations = 0;
    }

    void add(long parseNanos, long extractNanos) {
      parseMillis += parseNanos / 1e6;
      extractMillis += extractNanos / 1e6;
    }

    /** Whether this operation parses first; the order alternates so that neither half always follows the other. */
    boolean parseFirst() {
      return (operations++ & 1) == 0;
    }
  }

  /** The secondary metric this benchmark adds to the results: extraction over parse, minus one, in percent. */
  public static final String OVERHEAD = "overheadPercent";

  /**
   * The overhead of each measured iteration of a run of this benchmark, or empty for another
   * benchmark's run.
   */
  public static Optional<ListStatistics> overheadPercent(BenchmarkResult run) {
    if (!run.getParams().getBenchmark().equals(ExtractionBenchmark.class.getName() + ".extractAndParse")) {
      return Optional.empty();
    }
    ListStatistics stats = new ListStatistics();
    for (IterationResult it : run.getIterationResults()) {
      double parse = it.getSecondaryResults().get("parseMillis").getScore();
      double extract = it.getSecondaryResults().get("extractMillis").getScore();
      stats.addValue(100 * (extract / parse - 1));
    }
    return Optional.of(stats);
  }

  @Benchmark
  public int extractAndParse(Halves halves) {
    String text = input.text();
    long t0;
    long t1;
    long t2;
    int nodes;
    int constraints;
    if (halves.parseFirst()) {
      t0 = System.nanoTime();
      nodes = Clew.parseOnly(language, text);
      t1 = System.nanoTime();
      constraints = clew.extractSource(input.fileName(), text, language).constraints().size();
      t2 = System.nanoTime();
      halves.add(t1 - t0, t2 - t1);
    } else {
      t0 = System.nanoTime();
      constraints = clew.extractSource(input.fileName(), text, language).constraints().size();
      t1 = System.nanoTime();
      nodes = Clew.parseOnly(language, text);
      t2 = System.nanoTime();
      halves.add(t2 - t1, t1 - t0);
    }
    return nodes + constraints;
  }
}
