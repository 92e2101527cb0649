package dev.ananke.tokens;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/*
 * A slice, after llguidance's "slicer" (docs/optimizations.md there): a regex S over token bytes,
 * the precomputed set of tokens whose bytes S matches entirely, and a trie of all the other
 * tokens. When a DFA state q survives every viable prefix of S (no byte string S can still
 * complete takes q to the dead state), every token of the slice is allowed from q without
 * looking at it, and only the rest trie needs walking:
 *
 *   mask(q) = slice.tokens | walk(rest, q)
 *
 * Inside a JSON string, S = [^"\\\x00-\x1F]* holds ~90% of Llama 3.1's tokens, so the dense walk
 * shrinks to the tokens with a quote, a backslash, a control character or a partial UTF-8
 * sequence. Whether a slice applies to a state is decided once per state, by exploring the
 * product of S's DFA and the regex's DFA (a few hundred pairs at most for the slices below).
 */
final class TokenSlice {
  private static final int MAX_PAIRS = 20_000;

  private final Regex regex;
  private final long[] tokens;
  private final int count;
  private final TokenTrie rest;

  private TokenSlice(Regex regex, long[] tokens, int count, TokenTrie rest) {
    this.regex = regex;
    this.tokens = tokens;
    this.count = count;
    this.rest = rest;
  }

  static TokenSlice build(Vocabulary v, String pattern) {
    Regex regex = Regex.compile(pattern);
    long[] in = new long[TokenMasks.words(v.modelSize())];
    int count = 0;
    for (int id = 0; id < v.size(); id++) {
      byte[] b = v.rawBytes(id);
      if (b == null || b.length == 0 || v.isSpecial(id)) continue;
      if (regex.matches(b)) {
        TokenMasks.set(in, id);
        count++;
      }
    }
    long[] members = in;
    TokenTrie rest = TokenTrie.build(v, id -> !TokenMasks.get(members, id));
    return new TokenSlice(regex, in, count, rest);
  }

  Regex regex() {
    return regex;
  }

  int tokenCount() {
    return count;
  }

  /** Whether every viable prefix of this slice keeps {@code state} alive in {@code dfa}. */
  boolean covers(LazyDfa dfa, int state) {
    LazyDfa s = regex.dfa();
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    Set<Long> seen = new HashSet<>();
    queue.add(new long[] {s.start(), state});
    seen.add(((long) s.start() << 32) | state);
    while (!queue.isEmpty()) {
      long[] pq = queue.poll();
      for (int b = 0; b < 256; b++) {
        int p = s.step((int) pq[0], b);
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

  /** The mask of {@code state}, which this slice {@link #covers}: copy, then walk the rest. */
  void computeMask(LazyDfa dfa, int state, long[] out, int[] stack) {
    System.arraycopy(tokens, 0, out, 0, tokens.length);
    rest.computeMask(dfa, state, out, stack);
  }
}
