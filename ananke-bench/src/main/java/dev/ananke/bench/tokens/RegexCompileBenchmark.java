package dev.ananke.bench.tokens;

import dev.ananke.tokens.KnownTokenizer;
import dev.ananke.tokens.Regex;
import dev.ananke.tokens.RegexConstraint;
import dev.ananke.tokens.TokenMasks;
import dev.ananke.tokens.TokenMatcher;
import dev.ananke.tokens.TokenizerCache;
import dev.ananke.tokens.Vocabulary;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to first mask: parse the regex, build the constraint and compute the mask of the start
 * state on the Llama 3.1 vocabulary. The DFA is lazy, so this includes building every DFA state
 * and transition that first trie walk touches; it is the regex counterpart of a grammar's compile
 * time. Run: {@code java -jar ananke-bench/target/benchmarks.jar RegexCompileBenchmark -f 1 -wi 3
 * -i 5 -w 1s -r 1s}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xss8m"})
public class RegexCompileBenchmark {
  @Param
  public MaskCase constraint;

  private Vocabulary vocab;
  private long[] mask;

  @Setup
  public void setUp() {
    vocab = TokenizerCache.load(KnownTokenizer.LLAMA3_1).vocabulary();
    vocab.trie();
    mask = TokenMasks.allocate(vocab);
  }

  @Benchmark
  public long[] compileAndFirstMask() {
    Regex regex = Regex.compile(constraint.regex);
    TokenMatcher m = RegexConstraint.of(regex, vocab).newMatcher();
    m.computeMask(mask);
    return mask;
  }
}
