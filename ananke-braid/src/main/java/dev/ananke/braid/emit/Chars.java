package dev.ananke.braid.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of code points as sorted, disjoint, non-adjacent ranges. Immutable. Terminals are built
 * from these so that both dialects print the same set: Lark as a regex class, GBNF as a
 * bracket expression.
 */
record Chars(int[] ranges) {
  static final int MAX = 0x10FFFF;
  static final Chars NONE = new Chars(new int[0]);
  /** Every code point UTF-8 can encode (surrogates cannot). */
  static final Chars ANY = new Chars(new int[] {0, 0xD7FF, 0xE000, MAX});

  static Chars of(String chars) {
    Chars c = NONE;
    for (int i = 0; i < chars.length(); ) {
      int cp = chars.codePointAt(i);
      c = c.union(range(cp, cp));
      i += Character.charCount(cp);
    }
    return c;
  }

  static Chars range(int lo, int hi) {
    return new Chars(new int[] {lo, hi});
  }

  /** Letters, digits and underscore: what {@code \w} means in every dialect we print. */
  static Chars word() {
    return range('a', 'z').union(range('A', 'Z')).union(range('0', '9')).union(of("_"));
  }

  boolean isEmpty() {
    return ranges.length == 0;
  }

  boolean contains(int cp) {
    for (int i = 0; i < ranges.length; i += 2) {
      if (cp >= ranges[i] && cp <= ranges[i + 1]) return true;
    }
    return false;
  }

  Chars union(Chars o) {
    List<int[]> all = new ArrayList<>();
    for (int i = 0; i < ranges.length; i += 2) all.add(new int[] {ranges[i], ranges[i + 1]});
    for (int i = 0; i < o.ranges.length; i += 2) all.add(new int[] {o.ranges[i], o.ranges[i + 1]});
    all.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] r : all) {
      if (!merged.isEmpty() && r[0] <= merged.getLast()[1] + 1) {
        merged.getLast()[1] = Math.max(merged.getLast()[1], r[1]);
      } else {
        merged.add(r.clone());
      }
    }
    int[] out = new int[merged.size() * 2];
    for (int i = 0; i < merged.size(); i++) {
      out[2 * i] = merged.get(i)[0];
      out[2 * i + 1] = merged.get(i)[1];
    }
    return new Chars(out);
  }

  Chars complement() {
    List<Integer> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < ranges.length; i += 2) {
      if (ranges[i] > next) {
        out.add(next);
        out.add(ranges[i] - 1);
      }
      next = ranges[i + 1] + 1;
    }
    if (next <= MAX) {
      out.add(next);
      out.add(MAX);
    }
    return new Chars(out.stream().mapToInt(Integer::intValue).toArray());
  }

  Chars minus(Chars o) {
    return complement().union(o).complement();
  }

  /** The code points of {@link #ANY} not in this set. */
  Chars negate() {
    return ANY.minus(this);
  }

  /** Code points in ascending order; only for small sets (used for trie branching). */
  List<Integer> members() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < ranges.length; i += 2) {
      for (int c = ranges[i]; c <= ranges[i + 1]; c++) out.add(c);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Chars c && java.util.Arrays.equals(ranges, c.ranges);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(ranges);
  }

  @Override
  public String toString() {
    return Rx.larkClass(this);
  }
}
