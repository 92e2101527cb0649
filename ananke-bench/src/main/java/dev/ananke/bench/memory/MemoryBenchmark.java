package dev.ananke.bench.memory;

import dev.ananke.bench.braid.BraidSets;
import dev.ananke.braid.Braid;
import dev.ananke.braid.Compilation;
import dev.ananke.clew.Clew;
import dev.ananke.clew.ExtractionResult;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.fixtures.Fixture;
import dev.ananke.fixtures.Fixtures;
import dev.ananke.fixtures.Language;
import dev.ananke.fixtures.Size;
import java.util.Locale;
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
 * The seed's memory suite, heap side: bytes allocated per operation of each stage, read from
 * JMH's GC profiler ({@code gc.alloc.rate.norm}), which {@code ananke bench memory} always turns
 * on (run alone, add {@code -prof gc}). The time of each operation is reported too but belongs to
 * the other suites. The process side, peak RSS of {@code ananke extract} on the largest fixture,
 * is {@link PeakRss}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MemoryBenchmark {
  private static final Target TARGET = new Target("typescript", TargetKind.FUNCTION_BODY, "fnName", BraidSets.TARGET_FILE);

  private ConstraintSet fifty;
  private ConstraintIR ir50;

  @Setup
  public void setUp() {
    fifty = BraidSets.spread(50);
    ir50 = Braid.compile(fifty, TARGET).ir();
  }

  /** One fixture to extract: the parameters apply to {@link #extract} only. */
  @State(Scope.Benchmark)
  public static class Source {
    @Param({"typescript", "python", "rust", "go", "zig"})
    public String language;

    @Param({"small", "xlarge"})
    public String size;

    Fixture fixture;
    Clew clew;

    @Setup
    public void setUp() {
      fixture = Fixtures.get(Language.valueOf(language.toUpperCase(Locale.ROOT)), Size.valueOf(size.toUpperCase(Locale.ROOT)));
      clew = Clew.builder().cacheSize(0).build();
    }
  }

  @Benchmark
  public ExtractionResult extract(Source s) {
    return s.clew.extractSource(s.fixture.relativePath(), s.fixture.source(), s.language);
  }

  @Benchmark
  public Compilation compile50() {
    return Braid.compile(fifty, TARGET);
  }

  @Benchmark
  public ConstraintIR wireRoundTrip50() {
    return ConstraintJson.readIR(ConstraintJson.writeCompact(ir50));
  }
}
