package dev.ananke.bench.clew;

import dev.ananke.clew.Clew;
import dev.ananke.fixtures.Fixture;
import dev.ananke.fixtures.Fixtures;
import dev.ananke.fixtures.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

/**
 * The seed's multi-language suite: one operation extracts the fixture of every language at one
 * size (TypeScript, Python, Rust, Go and Zig, one after the other on one thread), and the
 * secondary results {@code lines} and {@code bytes} give the throughput in source lines and
 * UTF-8 bytes per second (bytes/s / 10^6 = MB/s).
 *
 * <p>Run: {@code ./ananke bench multi-language}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MultiLanguageBenchmark {

  @Param({"small", "medium", "large", "xlarge"})
  public String size;

  private List<Fixture> fixtures;
  private long lines;
  private long bytes;
  private Clew clew;

  @Setup
  public void setUp() {
    Size s = Size.valueOf(size.toUpperCase(java.util.Locale.ROOT));
    fixtures = Fixtures.all().stream().filter(f -> f.size() == s).toList();
    lines = fixtures.stream().mapToLong(Fixture::lineCount).sum();
    bytes = fixtures.stream().mapToLong(f -> f.source().getBytes(StandardCharsets.UTF_8).length).sum();
    clew = Clew.builder().cacheSize(0).build();
  }

  /** Lines and bytes extracted, counted per operation; JMH divides them by the time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Throughput {
    public long lines;
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      lines = 0;
      bytes = 0;
    }
  }

  @Benchmark
  public int extractAll(Throughput counters) {
    int constraints = 0;
    for (Fixture f : fixtures) {
      constraints += clew.extractSource(f.relativePath(), f.source(), f.language().directory()).constraints().size();
    }
    counters.lines += lines;
    counters.bytes += bytes;
    return constraints;
  }
}
