package dev.ananke.bench.clew;

import dev.ananke.clew.Clew;
import dev.ananke.clew.ExtractionResult;
import dev.ananke.core.ConstraintKind;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extraction of one file per language and size, against the bare tree-sitter parse of the same
 * text ({@link Clew#parseOnly}). Both include creating the parser and freeing the tree; the
 * extraction adds the query, the extractor and building the constraint set. Goal: extraction at
 * most 25% above the parse.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -jar ananke-bench/target/benchmarks.jar ExtractionBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
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
}
