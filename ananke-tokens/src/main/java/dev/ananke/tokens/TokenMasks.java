package dev.ananke.tokens;

/**
 * Helpers for token masks: a mask is a {@code long[]} bitset, bit {@code id % 64} of word
 * {@code id / 64} set when token {@code id} is allowed. Sized for {@link Vocabulary#modelSize()}.
 */
public final class TokenMasks {
  private TokenMasks() {}

  /** Words needed for {@code bits} bits. */
  public static int words(int bits) {
    return (bits + 63) >>> 6;
  }

  /** A cleared mask for a vocabulary. */
  public static long[] allocate(Vocabulary vocabulary) {
    return new long[words(vocabulary.modelSize())];
  }

  public static boolean get(long[] mask, int id) {
    return (mask[id >>> 6] & (1L << id)) != 0;
  }

  public static void set(long[] mask, int id) {
    mask[id >>> 6] |= 1L << id;
  }

  public static int count(long[] mask) {
    int n = 0;
    for (long w : mask) n += Long.bitCount(w);
    return n;
  }

  /** The allowed ids, ascending (allocates; for tests and diagnostics, not the hot path). */
  public static int[] toIds(long[] mask) {
    int[] ids = new int[count(mask)];
    int k = 0;
    for (int w = 0; w < mask.length; w++) {
      long bits = mask[w];
      while (bits != 0) {
        ids[k++] = (w << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
      }
    }
    return ids;
  }
}
