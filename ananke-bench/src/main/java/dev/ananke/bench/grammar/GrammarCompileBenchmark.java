package dev.ananke.bench.grammar;

import dev.ananke.tokens.KnownTokenizer;
import dev.ananke.tokens.Tokenizer;
import dev.ananke.tokens.TokenizerCache;
import dev.ananke.tokens.earley.GrammarConstraint;
import dev.ananke.tokens.maskbench.MaskBenchRunner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON Schema compile time on the MaskBench subset: schema to grammar, grammar to Earley tables,
 * constraint for the Llama 3.1 vocabulary (the per-vocabulary slices are built once in setup, as
 * a server does at start). Each call compiles the next schema, round-robin; SampleTime gives the
 * average and p99 over all schemas.
 *
 * <p>Run: {@code java -jar ananke-bench/target/benchmarks.jar GrammarCompileBenchmark -f 1}
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xss8m", "-Xmx4g"})
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class GrammarCompileBenchmark {
  private Tokenizer tokenizer;
  private List<MaskBenchData.Schema> data;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    tokenizer = TokenizerCache.load(KnownTokenizer.LLAMA3_1);
    MaskBenchRunner.warmUp(tokenizer);
    data = MaskBenchData.load(tokenizer);
  }

  @Benchmark
  public GrammarConstraint compile() {
    MaskBenchData.Schema s = data.get(next);
    next = (next + 1) % data.size();
    return MaskBenchData.compile(s, tokenizer);
  }
}
