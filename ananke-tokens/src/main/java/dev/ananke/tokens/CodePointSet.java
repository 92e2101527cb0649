package dev.ananke.tokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of Unicode scalar values as sorted, disjoint, non-adjacent ranges, and its compilation
 * to UTF-8: the set becomes a union of byte-range sequences (the classic utf8-ranges split: cut
 * at encoding-length boundaries, then where continuation bytes stop covering their full range).
 */
final class CodePointSet {
  static final int MAX = 0x10FFFF;

  private final List<int[]> ranges = new ArrayList<>();

  CodePointSet add(int lo, int hi) {
    ranges.add(new int[] {lo, hi});
    return this;
  }

  CodePointSet addAll(CodePointSet other) {
    ranges.addAll(other.ranges);
    return this;
  }

  boolean isEmpty() {
    return normalized().isEmpty();
  }

  /** Sorted, merged ranges with the surrogates (not encodable in UTF-8) removed. */
  List<int[]> normalized() {
    List<int[]> sorted = new ArrayList<>(ranges);
    sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] r : sorted) {
      if (!merged.isEmpty() && r[0] <= merged.getLast()[1] + 1) {
        merged.getLast()[1] = Math.max(merged.getLast()[1], r[1]);
      } else {
        merged.add(new int[] {r[0], r[1]});
      }
    }
    List<int[]> out = new ArrayList<>();
    for (int[] r : merged) {
      if (r[1] < 0xD800 || r[0] > 0xDFFF) {
        out.add(r);
      } else {
        if (r[0] < 0xD800) out.add(new int[] {r[0], 0xD7FF});
        if (r[1] > 0xDFFF) out.add(new int[] {0xE000, r[1]});
      }
    }
    return out;
  }

  CodePointSet complement() {
    CodePointSet c = new CodePointSet();
    int next = 0;
    for (int[] r : normalized()) {
      if (r[0] > next) c.add(next, r[0] - 1);
      next = r[1] + 1;
    }
    if (next <= MAX) c.add(next, MAX);
    return c;
  }

  /** The set as a byte-level regex: one alternative per UTF-8 byte-range sequence. */
  RegexNode toUtf8() {
    List<RegexNode> alts = new ArrayList<>();
    long[] ascii = new long[4];
    for (int[] r : normalized()) utf8(r[0], r[1], alts, ascii);
    if ((ascii[0] | ascii[1]) != 0) {
      alts.addFirst(new RegexNode.Bytes(ascii[0], ascii[1], 0, 0));
    }
    return alts.size() == 1 ? alts.getFirst() : new RegexNode.Alt(List.copyOf(alts));
  }

  private static void utf8(int lo, int hi, List<RegexNode> out, long[] ascii) {
    if (lo > hi) return;
    for (int max : new int[] {0x7F, 0x7FF, 0xFFFF}) {
      if (lo <= max && hi > max) {
        utf8(lo, max, out, ascii);
        utf8(max + 1, hi, out, ascii);
        return;
      }
    }
    if (hi <= 0x7F) {
      for (int b = lo; b <= hi; b++) ascii[b >>> 6] |= 1L << b;
      return;
    }
    int n = length(lo);
    for (int i = 1; i < n; i++) {
      int m = (1 << (6 * i)) - 1;
      if ((lo & ~m) != (hi & ~m)) {
        if ((lo & m) != 0) {
          utf8(lo, lo | m, out, ascii);
          utf8((lo | m) + 1, hi, out, ascii);
          return;
        }
        if ((hi & m) != m) {
          utf8(lo, (hi & ~m) - 1, out, ascii);
          utf8(hi & ~m, hi, out, ascii);
          return;
        }
      }
    }
    byte[] a = encode(lo);
    byte[] b = encode(hi);
    List<RegexNode> seq = new ArrayList<>(n);
    for (int k = 0; k < n; k++) seq.add(RegexNode.Bytes.range(a[k] & 0xFF, b[k] & 0xFF));
    out.add(new RegexNode.Seq(List.copyOf(seq)));
  }

  private static int length(int cp) {
    return cp <= 0x7F ? 1 : cp <= 0x7FF ? 2 : cp <= 0xFFFF ? 3 : 4;
  }

  static byte[] encode(int cp) {
    return new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int[] r : normalized()) sb.append(Arrays.toString(r));
    return sb.append(']').toString();
  }
}
