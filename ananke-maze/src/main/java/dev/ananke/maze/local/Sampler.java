package dev.ananke.maze.local;

import dev.ananke.tokens.TokenMasks;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Temperature and top-p sampling over the tokens a mask allows. */
final class Sampler {
  private Sampler() {}

  /** A token id the mask allows, or -1 when it allows none. Temperature 0 is greedy. */
  static int sample(float[] logits, long[] mask, double temperature, double topP, SplittableRandom random) {
    if (temperature > 0 && topP >= 1) {
      int t = byRejection(logits, mask, temperature, random);
      if (t != UNDECIDED) return t;
    }
    return exactly(logits, mask, temperature, topP, random);
  }

  private static final int UNDECIDED = -2;
  /** Proposals before giving up on rejection: a peaked distribution rejects almost everything. */
  private static final int PROPOSALS = 64;

  /*
   * Without top-p the softmax needs no sorting, and rejection sampling needs no pass that
   * exponentiates every allowed token (a code grammar allows most of a 128k vocabulary, and the
   * exact pass cost more than the mask): propose an allowed token uniformly, accept it with
   * probability exp((logit - max) / T). An accepted token has exactly the softmax distribution,
   * and so does the exact pass that follows when every proposal is rejected, so the mixture is
   * exact too.
   */
  private static int byRejection(float[] logits, long[] mask, double temperature, SplittableRandom random) {
    int words = Math.min(mask.length, (logits.length + 63) >>> 6);
    int count = 0;
    float max = Float.NEGATIVE_INFINITY;
    for (int w = 0; w < words; w++) {
      long bits = mask[w];
      if (bits == 0) continue;
      if (w == words - 1 && (logits.length & 63) != 0) bits &= (1L << (logits.length & 63)) - 1;
      count += Long.bitCount(bits);
      while (bits != 0) {
        float l = logits[(w << 6) + Long.numberOfTrailingZeros(bits)];
        if (l > max) max = l;
        bits &= bits - 1;
      }
    }
    if (count == 0) return -1;
    for (int k = 0; k < PROPOSALS; k++) {
      int id = nthAllowed(mask, words, logits.length, random.nextInt(count));
      if (random.nextDouble() < Math.exp((logits[id] - max) / temperature)) return id;
    }
    return UNDECIDED;
  }

  /** The id of the {@code n}-th (0-based) allowed token below {@code limit}. */
  private static int nthAllowed(long[] mask, int words, int limit, int n) {
    for (int w = 0; w < words; w++) {
      long bits = mask[w];
      if (w == words - 1 && (limit & 63) != 0) bits &= (1L << (limit & 63)) - 1;
      int c = Long.bitCount(bits);
      if (n < c) {
        for (int k = 0; k < n; k++) bits &= bits - 1;
        return (w << 6) + Long.numberOfTrailingZeros(bits);
      }
      n -= c;
    }
    throw new IllegalStateException("fewer allowed tokens than counted");
  }

  private static int exactly(float[] logits, long[] mask, double temperature, double topP, SplittableRandom random) {
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
