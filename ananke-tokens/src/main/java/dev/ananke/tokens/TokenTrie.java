package dev.ananke.tokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The vocabulary as a byte trie laid out flat in depth-first order, for computing token masks.
 * Immutable and thread-safe; get it from {@link Vocabulary#trie()}.
 *
 * <p>Contains every defined, non-special, non-empty token. Tokens with identical bytes share a
 * node (the others are added after the walk); tokens longer than 255 bytes are checked one by
 * one (no real vocabulary has them).
 */
public final class TokenTrie {
  /*
   * Layout (one long per node, pre-order, the root left implicit):
   *   bits  0-7   the byte on the edge into this node
   *   bits  8-15  depth of the parent (0 for children of the root)
   *   bits 16-39  subtree size in nodes, this node included: skipping a dead subtree is i += size
   *   bits 40-63  token id ending here, or 0xFFFFFF
   * The walk keeps the recognizer state of every depth in a small array, so moving from a deep
   * node to the next sibling of an ancestor needs no explicit pops: the next node's parent depth
   * says which state to continue from. One sequential read of 8 bytes per visited node; llguidance's
   * toktrie uses the same idea (docs/toktrie.md) with a different bit split.
   */
  static final int NO_TOKEN = 0xFFFFFF;
  static final int MAX_DEPTH = 256;

  private final Vocabulary vocabulary;
  private final long[] nodes;
  /** Groups of ids with identical bytes: group[0] is in the trie, the rest follow it. */
  private final int[][] duplicates;
  private final int[] longTokens;
  private final int tokenCount;

  private TokenTrie(Vocabulary vocabulary, long[] nodes, int[][] duplicates, int[] longTokens, int tokenCount) {
    this.vocabulary = vocabulary;
    this.nodes = nodes;
    this.duplicates = duplicates;
    this.longTokens = longTokens;
    this.tokenCount = tokenCount;
  }

  static TokenTrie build(Vocabulary v) {
    return build(v, id -> true);
  }

  /** The trie of the tokens {@code include} accepts (among the defined, non-special ones). */
  static TokenTrie build(Vocabulary v, java.util.function.IntPredicate include) {
    List<Integer> ids = new ArrayList<>();
    List<Integer> longOnes = new ArrayList<>();
    for (int id = 0; id < v.size(); id++) {
      byte[] b = v.rawBytes(id);
      if (b == null || b.length == 0 || v.isSpecial(id) || !include.test(id)) continue;
      if (b.length >= MAX_DEPTH) longOnes.add(id);
      else ids.add(id);
    }
    Integer[] order = ids.toArray(new Integer[0]);
    Arrays.sort(order, (a, b) -> {
      int c = Arrays.compareUnsigned(v.rawBytes(a), v.rawBytes(b));
      return c != 0 ? c : Integer.compare(a, b);
    });
    long[] out = new long[Math.max(16, order.length * 2)];
    int n = 0;
    int[] open = new int[MAX_DEPTH + 1]; // node index at each depth along the current path
    int openDepth = 0; // number of open nodes
    byte[] prev = new byte[0];
    List<int[]> dups = new ArrayList<>();
    List<Integer> currentDup = null;
    for (int id : order) {
      byte[] b = v.rawBytes(id);
      int lcp = 0;
      int max = Math.min(prev.length, b.length);
      while (lcp < max && prev[lcp] == b[lcp]) lcp++;
      if (lcp == b.length && lcp == prev.length) {
        // same bytes as the previous token
        int primary = (int) (out[open[openDepth - 1]] >>> 40);
        if (currentDup == null || currentDup.getFirst() != primary) {
          currentDup = new ArrayList<>();
          currentDup.add(primary);
          dups.add(null);
        }
        currentDup.add(id);
        dups.set(dups.size() - 1, currentDup.stream().mapToInt(Integer::intValue).toArray());
        continue;
      }
      while (openDepth > lcp) {
        int closed = open[--openDepth];
        out[closed] |= (long) (n - closed) << 16;
      }
      for (int k = lcp; k < b.length; k++) {
        if (n == out.length) out = Arrays.copyOf(out, n * 2);
        long token = k == b.length - 1 ? id : NO_TOKEN;
        out[n] = (b[k] & 0xFFL) | ((long) k << 8) | (token << 40);
        open[openDepth++] = n;
        n++;
      }
      prev = b;
    }
    while (openDepth > 0) {
      int closed = open[--openDepth];
      out[closed] |= (long) (n - closed) << 16;
    }
    return new TokenTrie(v, Arrays.copyOf(out, n), dups.toArray(new int[0][]),
        longOnes.stream().mapToInt(Integer::intValue).toArray(), order.length + longOnes.size());
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Nodes in the flat trie (the root not counted). */
  public int nodeCount() {
    return nodes.length;
  }

  /** Tokens in the trie (with duplicates and long tokens). */
  public int tokenCount() {
    return tokenCount;
  }

  /**
   * Sets in {@code mask} (without clearing it) the bit of every token all of whose bytes {@code
   * recognizer} accepts from its current state; the recognizer is back in that state afterwards.
   * Cost: one push per visited node; a rejected byte skips its whole subtree.
   */
  public void computeMask(ByteRecognizer recognizer, long[] mask) {
    long[] ns = nodes;
    int n = ns.length;
    int depth = 0; // bytes currently pushed
    int i = 0;
    while (i < n) {
      long x = ns[i];
      int parentDepth = (int) (x >>> 8) & 0xFF;
      if (depth > parentDepth) {
        recognizer.pop(depth - parentDepth);
        depth = parentDepth;
      }
      if (!recognizer.push((int) x & 0xFF)) {
        i += (int) (x >>> 16) & 0xFFFFFF;
        continue;
      }
      depth++;
      int tok = (int) (x >>> 40);
      if (tok != NO_TOKEN) mask[tok >>> 6] |= 1L << tok;
      i++;
    }
    if (depth > 0) recognizer.pop(depth);
    for (int id : longTokens) {
      int pushed = 0;
      int len = vocabulary.tokenLength(id);
      while (pushed < len && recognizer.push(vocabulary.tokenByte(id, pushed))) pushed++;
      if (pushed > 0) recognizer.pop(pushed);
      if (pushed == len) TokenMasks.set(mask, id);
    }
    addDuplicates(mask);
  }

  /** The specialised walk for a lazy DFA; {@code stack} has at least MAX_DEPTH + 1 slots. */
  void computeMask(LazyDfa dfa, int state, long[] mask, int[] stack) {
    long[] ns = nodes;
    int n = ns.length;
    int[] trans = dfa.table();
    stack[0] = state;
    int i = 0;
    while (i < n) {
      long x = ns[i];
      int b = (int) x & 0xFF;
      int parentDepth = (int) (x >>> 8) & 0xFF;
      int s = stack[parentDepth];
      int t = trans[(s << 8) | b];
      if (t <= 0) {
        if (t < 0) {
          t = dfa.slowStep(s, b);
          trans = dfa.table();
        }
        if (t == LazyDfa.DEAD) {
          i += (int) (x >>> 16) & 0xFFFFFF;
          continue;
        }
      }
      int tok = (int) (x >>> 40);
      if (tok != NO_TOKEN) mask[tok >>> 6] |= 1L << tok;
      stack[parentDepth + 1] = t;
      i++;
    }
    for (int id : longTokens) {
      int s = state;
      int len = vocabulary.tokenLength(id);
      for (int k = 0; k < len && s != LazyDfa.DEAD; k++) s = dfa.step(s, vocabulary.tokenByte(id, k));
      if (s != LazyDfa.DEAD) TokenMasks.set(mask, id);
    }
    addDuplicates(mask);
  }

  private void addDuplicates(long[] mask) {
    for (int[] group : duplicates) {
      if (TokenMasks.get(mask, group[0])) {
        for (int k = 1; k < group.length; k++) TokenMasks.set(mask, group[k]);
      }
    }
  }

  /**
   * The longest token whose bytes are a prefix of {@code bytes[from..to)}, as {@code (length << 32)
   * | id}, or -1 when no token starts that way.
   */
  long longestPrefix(byte[] bytes, int from, int to) {
    long best = -1;
    int i = 0;
    int end = nodes.length;
    int k = from;
    while (k < to && i < end) {
      long x = nodes[i];
      int size = (int) (x >>> 16) & 0xFFFFFF;
      if ((int) (x & 0xFF) == (bytes[k] & 0xFF)) {
        int tok = (int) (x >>> 40);
        k++;
        if (tok != NO_TOKEN) best = ((long) (k - from) << 32) | tok;
        end = i + size;
        i++;
      } else {
        i += size;
      }
    }
    return best;
  }
}
