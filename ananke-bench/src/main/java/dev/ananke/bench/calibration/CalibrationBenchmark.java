package dev.ananke.bench.calibration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The yardstick of the regression gate: a fixed piece of work with the mix of our stages
 * (sorting and branching like a lexer, hashing like the cache keys, small allocations and map
 * look-ups like extraction), run before every suite. Every figure of the suite is divided by it,
 * so a machine that is slower today, or busier, moves the yardstick with the figures and the
 * ratio stays put. It never changes: changing it invalidates every baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CalibrationBenchmark {
  private int[] numbers;
  private String[] words;
  private byte[] text;
  private MessageDigest sha256;

  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    SplittableRandom random = new SplittableRandom(42);
    numbers = random.ints(4_096).toArray();
    words = new String[512];
    for (int i = 0; i < words.length; i++) words[i] = "word" + random.nextInt(256);
    text = String.join(" ", words).getBytes(StandardCharsets.UTF_8);
    sha256 = MessageDigest.getInstance("SHA-256");
  }

  @Benchmark
  public long calibrate() {
    int[] copy = Arrays.copyOf(numbers, numbers.length);
    Arrays.sort(copy);
    Map<String, Integer> counts = new HashMap<>();
    for (String w : words) counts.merge(w, 1, Integer::sum);
    byte[] digest = sha256.digest(text);
    return copy[copy.length / 2] + counts.size() + digest[0];
  }
}
