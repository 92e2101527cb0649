package dev.ananke.maze.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.tokens.TokenMasks;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Sampling among the tokens a mask allows. The frequencies are of a fixed seed, so the test is
 * deterministic; the bounds are wide enough for any correct sampler of that seed's stream.
 */
class SamplerTest {
  @Test
  void samplesOnlyAllowedTokensWithSoftmaxFrequencies() {
    float[] logits = new float[200];
    java.util.Arrays.fill(logits, 5f); // high but masked out: must never be chosen
    long[] mask = new long[TokenMasks.words(200)];
    int[] allowed = {3, 70, 130, 199};
    float[] chosen = {0f, (float) Math.log(2), (float) Math.log(3), (float) Math.log(4)};
    for (int i = 0; i < allowed.length; i++) {
      TokenMasks.set(mask, allowed[i]);
      logits[allowed[i]] = chosen[i];
    }
    int[] counts = new int[200];
    SplittableRandom random = new SplittableRandom(42);
    int n = 100_000;
    for (int i = 0; i < n; i++) counts[Sampler.sample(logits, mask, 1.0, 1.0, random)]++;
    for (int i = 0; i < allowed.length; i++) {
      double expected = n * (i + 1) / 10.0; // weights 1:2:3:4
      assertEquals(expected, counts[allowed[i]], expected * 0.05, "token " + allowed[i]);
    }
    assertEquals(n, counts[3] + counts[70] + counts[130] + counts[199]);
  }

  @Test
  void aPeakedDistributionStillEndsOnItsPeak() {
    // rejection proposals almost never accept here; the exact pass behind them decides
    float[] logits = new float[5_000];
    java.util.Arrays.fill(logits, -100f);
    logits[4_321] = 100f;
    long[] mask = new long[TokenMasks.words(logits.length)];
    for (int i = 0; i < logits.length; i++) TokenMasks.set(mask, i);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100; i++) assertEquals(4_321, Sampler.sample(logits, mask, 1.0, 1.0, random));
  }

  @Test
  void nothingAllowedIsMinusOneAndTemperatureZeroIsGreedy() {
    float[] logits = {1f, 3f, 2f};
    long[] mask = new long[1];
    assertEquals(-1, Sampler.sample(logits, mask, 1.0, 1.0, new SplittableRandom(1)));
    TokenMasks.set(mask, 0);
    TokenMasks.set(mask, 2);
    assertEquals(2, Sampler.sample(logits, mask, 0.0, 1.0, new SplittableRandom(1)));
    assertTrue(Sampler.sample(logits, mask, 1.0, 0.5, new SplittableRandom(1)) != 1);
  }
}
