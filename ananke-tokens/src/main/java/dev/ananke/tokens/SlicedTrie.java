package dev.ananke.tokens;

import java.util.List;

/*
 * The vocabulary cut into disjoint slices, after llguidance's "slicer" (its docs/optimizations.md).
 * A slice is a regex S over token bytes; in order, each slice claims the tokens S matches
 * entirely and that no earlier slice claimed, and gets its own flat trie. The tokens no slice
 * claims form the remainder, also a trie.
 *
 * When a DFA state q survives every viable prefix of S (no byte string that S can still complete
 * takes q to the dead state), every token of the slice is allowed from q, so its precomputed set
 * is OR-ed in and its trie is not walked. Otherwise its trie is walked as usual; tries of slices
 * that q rejects on the first byte cost a few dozen node visits. So
 *
 *   mask(q) = OR of covered slices' sets  |  walk(uncovered slices' tries and the remainder, q)
 *
 * Inside a JSON string every slice below is covered and only the remainder (tokens with a quote,
 * a backslash, a control character or a partial UTF-8 sequence) is walked; in the middle of an
 * identifier both alphanumeric slices are covered. Which slices cover a state is decided once per
 * state by exploring the product of the slice's DFA and the regex's DFA.
 */
final class SlicedTrie {
  /**
   * Lowercase words, then lowercase- and uppercase-led alphanumeric runs (identifiers, camelCase
   * heads), the same led by a space (the next word of a signature or a sentence), string-safe text
   * led by a space, string-safe text (JSON string bodies), then any text without a newline
   * (comments, string bodies that allow escapes). The text slices also take tokens that end in
   * the first bytes of a multi-byte UTF-8 character (see {@link #text}): from a state inside a
   * string or a comment those are viable too, and they would otherwise be walked in the remainder.
   */
  static final List<Regex> DEFAULT_SLICES = List.of(
      Regex.compile("[a-z]+"),
      Regex.compile("[a-z][a-zA-Z0-9]*"),
      Regex.compile("[A-Z][a-zA-Z0-9]*"),
      Regex.compile(" [a-z][a-zA-Z0-9]*"),
      Regex.compile(" [A-Z][a-zA-Z0-9]*"),
      text(" [^\"\\\\\\x00-\\x1F\\x7F]*"),
      text("[^\"\\\\\\x00-\\x1F\\x7F]*"),
      text("[^\\n]*"),
      lineBreaking());

  /**
   * {@code pattern} optionally followed by an incomplete UTF-8 character: the proper prefixes of
   * the encodings of U+0080..U+10FFFF without the surrogates, exactly (so that a state that
   * accepts any such character keeps every one of these prefixes alive).
   */
  static Regex text(String pattern) {
    RegexNode cont = RegexNode.Bytes.range(0x80, 0xBF);
    List<RegexNode> tails = List.of(
        RegexNode.Bytes.range(0xC2, 0xDF),
        seq(RegexNode.Bytes.of(0xE0), opt(RegexNode.Bytes.range(0xA0, 0xBF))),
        seq(RegexNode.Bytes.range(0xE1, 0xEC), opt(cont)),
        seq(RegexNode.Bytes.of(0xED), opt(RegexNode.Bytes.range(0x80, 0x9F))),
        seq(RegexNode.Bytes.range(0xEE, 0xEF), opt(cont)),
        seq(RegexNode.Bytes.of(0xF0), opt(seq(RegexNode.Bytes.range(0x90, 0xBF), opt(cont)))),
        seq(RegexNode.Bytes.range(0xF1, 0xF3), opt(seq(cont, opt(cont)))),
        seq(RegexNode.Bytes.of(0xF4), opt(seq(RegexNode.Bytes.range(0x80, 0x8F), opt(cont)))));
    RegexNode tree = seq(RegexParser.parse(pattern, RegexLimits.DEFAULT), opt(new RegexNode.Alt(tails)));
    return Regex.ofTree(pattern + "(incomplete UTF-8)?", tree);
  }

  /**
   * Text up to a first newline, then any bytes: most of what the text slices leave (".\n",
   * ");\n", "  \n"). A state that refuses a newline inside a string or a comment refuses every
   * one of these tokens; {@link #coverage} proves that once per state and the slice is skipped,
   * where walking it would step through every prefix up to the newline.
   */
  static Regex lineBreaking() {
    RegexNode tree = new RegexNode.Seq(List.of(RegexParser.parse("[^\\n]*", RegexLimits.DEFAULT),
        RegexNode.Bytes.of('\n'), new RegexNode.Repeat(RegexNode.Bytes.range(0, 255), 0, -1)));
    return Regex.ofTree("[^\\n]*\\n(any bytes)*", tree);
  }

  private static RegexNode seq(RegexNode a, RegexNode b) {
    return new RegexNode.Seq(List.of(a, b));
  }

  private static RegexNode opt(RegexNode a) {
    return new RegexNode.Repeat(a, 0, 1);
  }

  private static final int MAX_PAIRS = 20_000;

  private final Regex[] regexes;
  private final long[][] sets;
  private final int[] firstWord;
  private final int[] lastWord;
  private final int[] counts;
  private final TokenTrie[] tries;
  private final TokenTrie remainder;

  private SlicedTrie(Regex[] regexes, long[][] sets, int[] counts, TokenTrie[] tries, TokenTrie remainder) {
    this.regexes = regexes;
    this.sets = sets;
    this.counts = counts;
    this.tries = tries;
    this.remainder = remainder;
    this.unions = new long[1 << sets.length][];
    this.firstWord = new int[sets.length];
    this.lastWord = new int[sets.length];
    for (int k = 0; k < sets.length; k++) {
      int lo = 0;
      int hi = sets[k].length - 1;
      while (lo <= hi && sets[k][lo] == 0) lo++;
      while (hi >= lo && sets[k][hi] == 0) hi--;
      firstWord[k] = lo;
      lastWord[k] = hi;
    }
  }

  static SlicedTrie build(Vocabulary v, List<Regex> patterns) {
    int n = patterns.size();
    if (n > 15) throw new IllegalArgumentException("at most 15 slices");
    Regex[] regexes = new Regex[n];
    long[][] sets = new long[n][];
    int[] counts = new int[n];
    TokenTrie[] tries = new TokenTrie[n];
    long[] claimed = new long[TokenMasks.words(v.modelSize())];
    for (int k = 0; k < n; k++) {
      regexes[k] = patterns.get(k);
      long[] set = new long[claimed.length];
      for (int id = 0; id < v.size(); id++) {
        byte[] b = v.rawBytes(id);
        if (b == null || b.length == 0 || v.isSpecial(id) || TokenMasks.get(claimed, id)) continue;
        if (regexes[k].matches(b)) {
          TokenMasks.set(set, id);
          TokenMasks.set(claimed, id);
          counts[k]++;
        }
      }
      sets[k] = set;
      tries[k] = TokenTrie.build(v, id -> TokenMasks.get(set, id));
    }
    TokenTrie remainder = TokenTrie.build(v, id -> !TokenMasks.get(claimed, id));
    return new SlicedTrie(regexes, sets, counts, tries, remainder);
  }

  int sliceCount() {
    return regexes.length;
  }

  Regex regex(int k) {
    return regexes[k];
  }

  int tokenCount(int k) {
    return counts[k];
  }

  int nodeCount(int k) {
    return k == regexes.length ? remainder.nodeCount() : tries[k].nodeCount();
  }

  /**
   * Bit k set when slice k covers {@code state} (see the class comment); bit 16 + k when it
   * rejects it: no string of the slice leaves {@code state} alive, so none of its tokens is
   * allowed and its trie need not be walked.
   */
  int coverage(LazyDfa dfa, int state) {
    int bits = 0;
    for (int k = 0; k < regexes.length; k++) {
      if (covers(regexes[k].dfa(), dfa, state)) bits |= 1 << k;
      else if (rejects(regexes[k].dfa(), dfa, state)) bits |= 1 << (16 + k);
    }
    return bits;
  }

  /** Whether every string of the slice takes {@code state} to the dead state (product search). */
  private static boolean rejects(LazyDfa slice, LazyDfa dfa, int state) {
    LongIntMap seen = new LongIntMap();
    long[] queue = new long[16];
    int head = 0;
    int tail = 0;
    long first = ((long) slice.start() << 32) | state;
    seen.put(first, 1);
    queue[tail++] = first;
    while (head < tail) {
      long pq = queue[head++];
      int ps = (int) (pq >>> 32);
      int qs = (int) pq;
      for (int b = 0; b < 256; b++) {
        int p = slice.step(ps, b);
        if (p == LazyDfa.DEAD) continue;
        int q = dfa.step(qs, b);
        if (q == LazyDfa.DEAD) continue;
        if (slice.isAccepting(p)) return false; // a string of the slice that keeps the state alive
        long key = ((long) p << 32) | q;
        if (seen.get(key) == LongIntMap.MISSING) {
          seen.put(key, 1);
          if (seen.size() > MAX_PAIRS) return false;
          if (tail == queue.length) queue = java.util.Arrays.copyOf(queue, tail * 2);
          queue[tail++] = key;
        }
      }
    }
    return true;
  }

  private static boolean covers(LazyDfa slice, LazyDfa dfa, int state) {
    LongIntMap seen = new LongIntMap();
    long[] queue = new long[16];
    int head = 0;
    int tail = 0;
    long first = ((long) slice.start() << 32) | state;
    seen.put(first, 1);
    queue[tail++] = first;
    while (head < tail) {
      long pq = queue[head++];
      int ps = (int) (pq >>> 32);
      int qs = (int) pq;
      for (int b = 0; b < 256; b++) {
        int p = slice.step(ps, b);
        if (p == LazyDfa.DEAD) continue;
        int q = dfa.step(qs, b);
        if (q == LazyDfa.DEAD) return false;
        long key = ((long) p << 32) | q;
        if (seen.get(key) == LongIntMap.MISSING) {
          seen.put(key, 1);
          if (seen.size() > MAX_PAIRS) return false;
          if (tail == queue.length) queue = java.util.Arrays.copyOf(queue, tail * 2);
          queue[tail++] = key;
        }
      }
    }
    return true;
  }

  /** unions[bits]: the tokens of the slices in {@code bits}, built on first use. */
  private final long[][] unions;

  private long[] union(int bits) {
    long[] u = unions[bits];
    if (u == null) {
      u = new long[sets[0].length];
      for (int k = 0; k < sets.length; k++) {
        if ((bits & (1 << k)) != 0) for (int w = firstWord[k], end = lastWord[k]; w <= end; w++) u[w] |= sets[k][w];
      }
      unions[bits] = u; // racy publication is fine: every thread builds the same array
    }
    return u;
  }

  /**
   * Writes the allowed tokens of {@code state} into {@code out} (all of it: words beyond the
   * vocabulary are cleared), given its coverage; {@code all} is the whole vocabulary's trie,
   * walked instead of every slice's trie when no slice covers the state (the slices' tries would
   * each repeat the prefixes they share).
   */
  void computeMask(LazyDfa dfa, int state, int coverage, long[] out, int[] stack, TokenTrie all) {
    if (coverage == 0) {
      java.util.Arrays.fill(out, 0L);
      all.computeMask(dfa, state, out, stack);
      return;
    }
    int covered = coverage & 0xFFFF;
    if (covered != 0) {
      long[] u = union(covered);
      System.arraycopy(u, 0, out, 0, u.length);
      if (out.length > u.length) java.util.Arrays.fill(out, u.length, out.length, 0L);
    } else {
      java.util.Arrays.fill(out, 0L);
    }
    int walk = ~(covered | (coverage >>> 16));
    for (int k = 0; k < regexes.length; k++) {
      if ((walk & (1 << k)) != 0) tries[k].computeMask(dfa, state, out, stack);
    }
    remainder.computeMask(dfa, state, out, stack);
  }
}
