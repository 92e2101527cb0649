package dev.ananke.bench.tokens;

import dev.ananke.tokens.KnownTokenizer;
import dev.ananke.tokens.Regex;
import dev.ananke.tokens.RegexConstraint;
import dev.ananke.tokens.TokenMasks;
import dev.ananke.tokens.TokenMatcher;
import dev.ananke.tokens.Tokenizer;
import dev.ananke.tokens.TokenizerCache;
import dev.ananke.tokens.Vocabulary;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-token mask time on the Llama 3.1 vocabulary (128,256 logits), single thread.
 *
 * <p>{@code walk}: every call walks the whole vocabulary trie against the regex's DFA (no slices,
 * no per-state memo): the baseline cost of a mask. {@code sliced}: every call computes the mask
 * afresh, but with slices (precomputed token sets; only the tokens outside the slice are walked):
 * the cost of a state seen for the first time, and what a grammar matcher would pay per token.
 * {@code memoized}: the regex constraint as shipped (slices and a per-state mask memo), where a
 * state's mask is computed once and then copied. Each call takes the next position of the
 * sample's token sequence, round-robin, so percentiles mix all the states decoding visits.
 *
 * <p>Run: {@code java -jar ananke-bench/target/benchmarks.jar TokenMaskBenchmark -f 1 -wi 3 -i 5
 * -w 1s -r 1s}. Sample mode reports p50/p99 per call.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xss8m"})
public class TokenMaskBenchmark {
  @Param
  public MaskCase constraint;

  private TokenMatcher[] walking;
  private TokenMatcher[] slicing;
  private TokenMatcher[] memoized;
  private long[] mask;
  private int nextWalk;
  private int nextSliced;
  private int nextMemo;

  @Setup(Level.Trial)
  public void setUp() {
    Tokenizer tokenizer = TokenizerCache.load(KnownTokenizer.LLAMA3_1);
    Vocabulary vocab = tokenizer.vocabulary();
    Regex regex = Regex.compile(constraint.regex);
    int[] ids = tokenizer.encode(constraint.sample);
    walking = positions(RegexConstraint.of(regex, vocab, 0, false), ids);
    slicing = positions(RegexConstraint.of(regex, vocab, 0, true), ids);
    memoized = positions(RegexConstraint.of(regex, vocab), ids);
    mask = TokenMasks.allocate(vocab);
  }

  /** One matcher per position 0..n of the sample's tokens (n + 1 states, end included). */
  static TokenMatcher[] positions(RegexConstraint c, int[] ids) {
    TokenMatcher[] out = new TokenMatcher[ids.length + 1];
    TokenMatcher m = c.newMatcher();
    for (int i = 0; i <= ids.length; i++) {
      out[i] = m.fork();
      if (i < ids.length && !m.consume(ids[i])) {
        throw new IllegalStateException("sample of " + c + " rejected at token " + i);
      }
    }
    return out;
  }

  @Benchmark
  public long[] walk() {
    TokenMatcher m = walking[nextWalk];
    nextWalk = nextWalk + 1 == walking.length ? 0 : nextWalk + 1;
    m.computeMask(mask);
    return mask;
  }

  @Benchmark
  public long[] sliced() {
    TokenMatcher m = slicing[nextSliced];
    nextSliced = nextSliced + 1 == slicing.length ? 0 : nextSliced + 1;
    m.computeMask(mask);
    return mask;
  }

  @Benchmark
  public long[] memoized() {
    TokenMatcher m = memoized[nextMemo];
    nextMemo = nextMemo + 1 == memoized.length ? 0 : nextMemo + 1;
    m.computeMask(mask);
    return mask;
  }
}
