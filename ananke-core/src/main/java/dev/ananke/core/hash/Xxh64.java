package dev.ananke.core.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * XXH64 with seed 0, as the xxHash specification defines it and {@code xxh64sum} computes it:
 * stripes of 32 bytes go through four lanes, the rest (under 32 bytes) through the tail, and an
 * avalanche mixes the result. Constraint ids use it over their canonical bytes.
 */
final class Xxh64 {
  private Xxh64() {}

  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** The hash of {@code bytes[offset, offset + length)}. */
  static long hash(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    int p = offset;
    int end = offset + length;
    long h;
    if (length >= 32) {
      long v1 = P1 + P2;
      long v2 = P2;
      long v3 = 0;
      long v4 = -P1;
      for (int limit = end - 32; p <= limit; p += 32) {
        v1 = round(v1, (long) LONG.get(bytes, p));
        v2 = round(v2, (long) LONG.get(bytes, p + 8));
        v3 = round(v3, (long) LONG.get(bytes, p + 16));
        v4 = round(v4, (long) LONG.get(bytes, p + 24));
      }
      h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      h = merge(h, v1);
      h = merge(h, v2);
      h = merge(h, v3);
      h = merge(h, v4);
    } else {
      h = P5;
    }
    h += length;
    for (; p + 8 <= end; p += 8) {
      h = Long.rotateLeft(h ^ round(0, (long) LONG.get(bytes, p)), 27) * P1 + P4;
    }
    if (p + 4 <= end) {
      h ^= ((int) INT.get(bytes, p) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      p += 4;
    }
    for (; p < end; p++) {
      h ^= (bytes[p] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
    }
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    return h ^ (h >>> 32);
  }

  private static long round(long acc, long input) {
    return Long.rotateLeft(acc + input * P2, 31) * P1;
  }

  private static long merge(long h, long lane) {
    return (h ^ round(0, lane)) * P1 + P4;
  }
}
