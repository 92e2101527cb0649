package dev.ananke.tokens;

import java.util.List;

/**
 * A parsed regex over bytes: what the parser produces and the expression pool compiles. Unicode is
 * gone by this point: a character class is already a union of UTF-8 byte sequences.
 */
sealed interface RegexNode {
  /** One byte from a set of 256 bits (four words, bit {@code b % 64} of word {@code b / 64}). */
  record Bytes(long w0, long w1, long w2, long w3) implements RegexNode {
    static Bytes range(int lo, int hi) {
      long[] w = new long[4];
      for (int b = lo; b <= hi; b++) w[b >>> 6] |= 1L << b;
      return new Bytes(w[0], w[1], w[2], w[3]);
    }

    static Bytes of(int b) {
      return range(b, b);
    }

    long[] words() {
      return new long[] {w0, w1, w2, w3};
    }
  }

  /** Concatenation; empty is the empty string. */
  record Seq(List<RegexNode> items) implements RegexNode {}

  /** Alternation; empty matches nothing. */
  record Alt(List<RegexNode> options) implements RegexNode {}

  /** {@code body{min,max}}; {@code max == -1} is unbounded. */
  record Repeat(RegexNode body, int min, int max) implements RegexNode {}

  /** Intersection: strings both match. */
  record And(RegexNode left, RegexNode right) implements RegexNode {}

  /** Complement over all byte strings. */
  record Not(RegexNode body) implements RegexNode {}

  RegexNode EMPTY_STRING = new Seq(List.of());
  RegexNode NOTHING = new Alt(List.of());
}
