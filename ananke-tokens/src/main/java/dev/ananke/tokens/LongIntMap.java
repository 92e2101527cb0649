package dev.ananke.tokens;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to {@code int} values, for the memo tables of
 * DFA construction (a boxed {@code HashMap<Long, Integer>} allocated two objects per entry and
 * dominated cold-start profiles). Not thread-safe.
 */
final class LongIntMap {
  static final int MISSING = Integer.MIN_VALUE;
  private static final long FREE = Long.MIN_VALUE;

  private long[] keys;
  private int[] values;
  private int size;

  LongIntMap() {
    keys = new long[64];
    Arrays.fill(keys, FREE);
    values = new int[64];
  }

  int size() {
    return size;
  }

  /** The value of {@code key}, or {@link #MISSING}. {@code key} must not be Long.MIN_VALUE. */
  int get(long key) {
    long[] k = keys;
    int mask = k.length - 1;
    int i = slot(key, mask);
    while (true) {
      long x = k[i];
      if (x == key) return values[i];
      if (x == FREE) return MISSING;
      i = (i + 1) & mask;
    }
  }

  void put(long key, int value) {
    long[] k = keys;
    int mask = k.length - 1;
    int i = slot(key, mask);
    while (true) {
      long x = k[i];
      if (x == key) {
        values[i] = value;
        return;
      }
      if (x == FREE) break;
      i = (i + 1) & mask;
    }
    k[i] = key;
    values[i] = value;
    if (++size * 2 > k.length) grow();
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, FREE);
    values = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      long key = oldKeys[j];
      if (key == FREE) continue;
      int i = slot(key, mask);
      while (keys[i] != FREE) i = (i + 1) & mask;
      keys[i] = key;
      values[i] = oldValues[j];
    }
  }
}
