package dev.ananke.bench.grammar;

import dev.ananke.tokens.KnownTokenizer;
import dev.ananke.tokens.TokenMasks;
import dev.ananke.tokens.TokenMatcher;
import dev.ananke.tokens.Tokenizer;
import dev.ananke.tokens.TokenizerCache;
import dev.ananke.tokens.earley.GrammarConstraint;
import dev.ananke.tokens.jsonschema.JsonSchemaCompiler;
import dev.ananke.tokens.maskbench.MaskBenchRunner;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-token mask time of JSON Schema grammars on the MaskBench subset, Llama 3.1 vocabulary,
 * single thread.
 *
 * <p>{@code maskAndCommit} (SampleTime, warm): every schema compiled once in setup; each call
 * computes the mask at the next position of the next valid instance and commits the token (at
 * an instance's end: the mask with EOS), round-robin over every position of every instance, so
 * JMH's percentiles mix all the states MaskBench visits. This is upstream MaskBench's per-token
 * figure (it times compute_mask and commit_token together) in steady state, lexer states built.
 *
 * <p>{@code coldSuite} (SingleShotTime): the MaskBench protocol as the conformance runner does it
 * (compile each schema, then walk its instances once, lexer built on the way); its own per-mask
 * timings are printed at teardown as p50 / avg / p99 / p99.9. This is the figure comparable with
 * llguidance's and XGrammar's published MaskBench numbers, which are also first-visit masks.
 *
 * <p>Run: {@code java -jar ananke-bench/target/benchmarks.jar 'dev.ananke.bench.grammar' -f 1}
 * (data from {@code ../shared/data/maskbench}, or {@code -jvmArgsAppend -Dananke.maskbench.dir=DIR}).
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xss8m", "-Xmx4g"})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GrammarMaskBenchmark {
  private Tokenizer tokenizer;
  private List<MaskBenchData.Schema> data;
  private GrammarConstraint[] constraints;
  private long[] mask;
  private int schema;
  private int instance;
  private int position;
  private TokenMatcher matcher;
  private int eos;

  @Setup(Level.Trial)
  public void setUp() {
    tokenizer = TokenizerCache.load(KnownTokenizer.LLAMA3_1);
    MaskBenchRunner.warmUp(tokenizer);
    data = new ArrayList<>();
    for (MaskBenchData.Schema s : MaskBenchData.load(tokenizer)) if (!s.validTokens().isEmpty()) data.add(s);
    constraints = new GrammarConstraint[data.size()];
    for (int i = 0; i < constraints.length; i++) constraints[i] = MaskBenchData.compile(data.get(i), tokenizer);
    mask = TokenMasks.allocate(tokenizer.vocabulary());
    eos = tokenizer.vocabulary().eosTokenId();
    matcher = constraints[0].newMatcher();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @Warmup(iterations = 2, time = 5)
  @Measurement(iterations = 3, time = 5)
  public long[] maskAndCommit() {
    int[] tokens = data.get(schema).validTokens().get(instance);
    matcher.computeMask(mask);
    if (position < tokens.length) {
      if (!matcher.consume(tokens[position++])) throw new IllegalStateException("rejected: " + data.get(schema).file());
    } else {
      matcher.consume(eos);
      position = 0;
      if (++instance == data.get(schema).validTokens().size()) {
        instance = 0;
        schema = (schema + 1) % data.size();
      }
      matcher = constraints[schema].newMatcher();
    }
    return mask;
  }

  private final List<Long> coldNanos = new ArrayList<>();

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public int coldSuite() {
    // regexes (and their DFAs and slice proofs) are shared between schemas; left from the
    // previous iteration they would make this one's masks second visits of the same schemas
    JsonSchemaCompiler.clearSharedCaches();
    int n = 0;
    for (MaskBenchData.Schema s : data) {
      GrammarConstraint c = MaskBenchData.compile(s, tokenizer);
      for (int[] tokens : s.validTokens()) {
        MaskBenchRunner.InstanceResult r = MaskBenchRunner.runValid(c, tokens);
        for (long x : r.maskNanos()) coldNanos.add(x);
        n += r.pass() ? 1 : 0;
      }
    }
    return n;
  }

  @TearDown(Level.Iteration)
  public void report() {
    if (coldNanos.isEmpty()) return;
    long[] a = coldNanos.stream().mapToLong(Long::longValue).toArray();
    System.out.println();
    System.out.println(MaskBenchData.summary("cold MaskBench masks (first visit, this iteration)", a));
    coldNanos.clear();
  }
}
