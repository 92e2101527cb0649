package dev.ananke.maze.local;

import java.util.SplittableRandom;

/**
 * Random preferences, reproducible from a seed: a stand-in model for demos and tests. It prefers
 * whatever it likes; the mask decides what is allowed. Short tokens are favoured a little so that
 * outputs look like code rather than a string of rare words.
 */
public final class SeededRandomLogits implements LogitsSource {
  private final SplittableRandom random;
  private final float[] lengthBias;

  public SeededRandomLogits(long seed, int[] tokenLengths) {
    this.random = new SplittableRandom(seed);
    this.lengthBias = new float[tokenLengths.length];
    for (int i = 0; i < tokenLengths.length; i++) lengthBias[i] = -0.35f * Math.max(0, tokenLengths[i] - 1);
  }

  @Override
  public void logits(int[] context, int length, float[] logits) {
    for (int i = 0; i < logits.length; i++) {
      float bias = i < lengthBias.length ? lengthBias[i] : -20f;
      // uniform noise in [0, 4): a Gaussian per token of a 128k vocabulary costs more than the mask
      logits[i] = (random.nextInt() >>> 8) * 0x1p-22f + bias;
    }
  }
}
