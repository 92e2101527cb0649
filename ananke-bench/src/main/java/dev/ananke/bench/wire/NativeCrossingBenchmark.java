package dev.ananke.bench.wire;

import dev.ananke.clew.Clew;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The other boundary of the seed's FFI suite: crossing into the native tree-sitter parser
 * through the FFM API. {@code emptyParse} is the whole native life of a parse with no text
 * (parser created, language set, parse, root node, node count, tree and parser freed: seven
 * downcalls and a confined arena), the fixed price every file pays; {@code oneLineParse} adds a
 * one-line TypeScript statement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class NativeCrossingBenchmark {

  @Benchmark
  public int emptyParse() {
    return Clew.parseOnly("typescript", "");
  }

  @Benchmark
  public int oneLineParse() {
    return Clew.parseOnly("typescript", "const limit: number = 10;\n");
  }
}
