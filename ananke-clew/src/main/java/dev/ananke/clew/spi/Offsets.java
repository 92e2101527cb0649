package dev.ananke.clew.spi;

import java.util.Arrays;

/**
 * A set of byte offsets (nodes' start bytes) that an extractor marks while it visits matches, in
 * document order, and asks about later: kept as a sorted int array, so a look-up neither boxes
 * an {@code Integer} nor hashes one.
 */
public final class Offsets {
  private int[] offsets = new int[16];
  private int size;

  /** Adds an offset; in document order that is an append, but any order is kept sorted. */
  public void add(int offset) {
    int at = Arrays.binarySearch(offsets, 0, size, offset);
    if (at >= 0) return;
    at = -at - 1;
    if (size == offsets.length) offsets = Arrays.copyOf(offsets, 2 * size);
    System.arraycopy(offsets, at, offsets, at + 1, size - at);
    offsets[at] = offset;
    size++;
  }

  public boolean contains(int offset) {
    return Arrays.binarySearch(offsets, 0, size, offset) >= 0;
  }
}
