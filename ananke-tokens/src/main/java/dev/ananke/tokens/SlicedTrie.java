package dev.ananke.tokens;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
   * Lowercase-led and uppercase-led alphanumeric runs (identifiers), string-safe text (JSON string
   * bodies), then any text without a newline (comments, string bodies that allow escapes).
   */
  static final List<String> DEFAULT_SLICES = List.of(
      "[a-z][a-zA-Z0-9]*", "[A-Z][a-zA-Z0-9]*", "[^\"\\\\\\x00-\\x1F\\x7F]*", "[^\\n]*");

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

  static SlicedTrie build(Vocabulary v, List<String> patterns) {
    int n = patterns.size();
    if (n > 30) throw new IllegalArgumentException("at most 30 slices");
    Regex[] regexes = new Regex[n];
    long[][] sets = new long[n][];
    int[] counts = new int[n];
    TokenTrie[] tries = new TokenTrie[n];
    long[] claimed = new long[TokenMasks.words(v.modelSize())];
    for (int k = 0; k < n; k++) {
      regexes[k] = Regex.compile(patterns.get(k));
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

  /** Bit k set when slice k covers {@code state} (see the class comment). */
  int coverage(LazyDfa dfa, int state) {
    int bits = 0;
    for (int k = 0; k < regexes.length; k++) if (covers(regexes[k].dfa(), dfa, state)) bits |= 1 << k;
    return bits;
  }

  private static boolean covers(LazyDfa slice, LazyDfa dfa, int state) {
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    Set<Long> seen = new HashSet<>();
    queue.add(new long[] {slice.start(), state});
    seen.add(((long) slice.start() << 32) | state);
    while (!queue.isEmpty()) {
      long[] pq = queue.poll();
      for (int b = 0; b < 256; b++) {
        int p = slice.step((int) pq[0], b);
        if (p == LazyDfa.DEAD) continue;
        int q = dfa.step((int) pq[1], b);
        if (q == LazyDfa.DEAD) return false;
        if (seen.add(((long) p << 32) | q)) {
          if (seen.size() > MAX_PAIRS) return false;
          queue.add(new long[] {p, q});
        }
      }
    }
    return true;
  }

  /** Sets the allowed tokens of {@code state} in {@code out} (not cleared), given its coverage. */
  void computeMask(LazyDfa dfa, int state, int coverage, long[] out, int[] stack) {
    for (int k = 0; k < regexes.length; k++) {
      if ((coverage & (1 << k)) != 0) {
        long[] set = sets[k];
        for (int w = firstWord[k], end = lastWord[k]; w <= end; w++) out[w] |= set[w];
      } else {
        tries[k].computeMask(dfa, state, out, stack);
      }
    }
    remainder.computeMask(dfa, state, out, stack);
  }
}
