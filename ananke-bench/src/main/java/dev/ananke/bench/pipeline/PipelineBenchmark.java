package dev.ananke.bench.pipeline;

import dev.ananke.braid.Braid;
import dev.ananke.braid.Compilation;
import dev.ananke.clew.Clew;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
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
 * The seed's end-to-end pipeline suite: what {@code ananke compile FILE --target module} does in
 * a warm process, for one fixture: extraction (no extraction cache) then compilation for the
 * module target of its language, conflict resolution included. Braid keeps the printed grammar
 * of a (language, naming styles, excluded names, shape) key, so from the second operation on that
 * printing is a cache hit; everything else is recomputed each time. Goal: the 100-line
 * TypeScript file in 3 ms (the seed's target: 6-9 ms).
 *
 * <p>Run: {@code ./ananke bench pipeline}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PipelineBenchmark {

  @Param({"typescript", "python", "rust", "go", "zig"})
  public String language;

  @Param({"small", "medium"})
  public String size;

  private Fixture fixture;
  private Clew clew;
  private Target target;

  @Setup
  public void setUp() {
    fixture = Fixtures.get(Language.valueOf(language.toUpperCase(Locale.ROOT)), Size.valueOf(size.toUpperCase(Locale.ROOT)));
    clew = Clew.builder().cacheSize(0).build();
    target = new Target(language, TargetKind.MODULE, null, fixture.relativePath());
    if (extractAndCompile().ir().grammar() == null) throw new IllegalStateException("no module grammar for " + language);
  }

  @Benchmark
  public Compilation extractAndCompile() {
    ConstraintSet set = clew.extractSource(fixture.relativePath(), fixture.source(), language).constraints();
    return Braid.compile(set, target);
  }
}
