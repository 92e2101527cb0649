package dev.ananke.maze.local;

import dev.ananke.tokens.TokenMasks;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Temperature and top-p sampling over the tokens a mask allows. */
final class Sampler {
  private Sampler() {}

  /** A token id the mask allows, or -1 when it allows none. Temperature 0 is greedy. */
  static int sample(float[] logits, long[] mask, double temperature, double topP, SplittableRandom random) {
    int count = 0;
    int[] ids = new int[64];
    for (int w = 0; w < mask.length; w++) {
      long bits = mask[w];
      while (bits != 0) {
        int id = (w << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        if (id >= logits.length) continue;
        if (count == ids.length) ids = Arrays.copyOf(ids, count * 2);
        ids[count++] = id;
      }
    }
    if (count == 0) return -1;
    int best = ids[0];
    for (int i = 1; i < count; i++) if (logits[ids[i]] > logits[best]) best = ids[i];
    if (temperature <= 0) return best;
    double[] p = new double[count];
    double max = logits[best];
    double sum = 0;
    for (int i = 0; i < count; i++) {
      p[i] = Math.exp((logits[ids[i]] - max) / temperature);
      sum += p[i];
    }
    // top-p: the most likely tokens whose mass reaches topP; sorted as primitive keys (no boxing)
    long[] order = new long[count];
    for (int i = 0; i < count; i++) order[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits((float) p[i])) << 32) | i;
    if (topP < 1) Arrays.sort(order);
    double kept = 0;
    int keep = 0;
    while (keep < count && kept < topP * sum) kept += p[(int) order[keep++]];
    double r = random.nextDouble() * kept;
    for (int i = 0; i < keep; i++) {
      r -= p[(int) order[i]];
      if (r <= 0) return ids[(int) order[i]];
    }
    return ids[(int) order[keep - 1]];
  }
}
