package dev.ananke.tokens.earley;

import dev.ananke.tokens.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/*
 * A token trie laid out flat in pre-order, one long per node, for the grammar matcher's own walk
 * (part 1's TokenTrie keeps its nodes private and walks through the ByteRecognizer interface):
 *   bits  0-7   the byte on the edge into the node
 *   bits  8-15  depth of the parent (0 for children of the root)
 *   bits 16-39  subtree size in nodes, this node included (a dead byte skips i += size)
 *   bits 40-63  the token ending here, or NONE
 * Tokens with identical bytes share a node; the others are listed in {@code duplicates}. Tokens
 * longer than 255 bytes are left to a slow path ({@code longTokens}).
 */
final class FlatTrie {
  static final int NONE = 0xFFFFFF;
  static final int MAX_DEPTH = 255;

  final long[] nodes;
  final int[][] duplicates;
  final int[] longTokens;
  final byte[][] longBytes;

  private FlatTrie(long[] nodes, int[][] duplicates, int[] longTokens, byte[][] longBytes) {
    this.nodes = nodes;
    this.duplicates = duplicates;
    this.longTokens = longTokens;
    this.longBytes = longBytes;
  }

  /** The trie of the tokens whose entry in {@code bytes} is non-null and non-empty. */
  static FlatTrie of(byte[][] bytes) {
    List<Integer> ids = new ArrayList<>();
    List<Integer> longOnes = new ArrayList<>();
    for (int id = 0; id < bytes.length; id++) {
      byte[] b = bytes[id];
      if (b == null || b.length == 0) continue;
      if (b.length > MAX_DEPTH) longOnes.add(id);
      else ids.add(id);
    }
    Integer[] order = ids.toArray(new Integer[0]);
    Arrays.sort(order, (a, c) -> {
      int r = Arrays.compareUnsigned(bytes[a], bytes[c]);
      return r != 0 ? r : Integer.compare(a, c);
    });
    long[] out = new long[Math.max(16, order.length * 2)];
    int n = 0;
    int[] open = new int[MAX_DEPTH + 1];
    int openDepth = 0;
    byte[] prev = new byte[0];
    List<int[]> dups = new ArrayList<>();
    List<Integer> group = null;
    int groupPrimary = -1;
    for (int id : order) {
      byte[] b = bytes[id];
      int lcp = 0;
      int max = Math.min(prev.length, b.length);
      while (lcp < max && prev[lcp] == b[lcp]) lcp++;
      if (lcp == b.length && lcp == prev.length) {
        int primary = (int) (out[open[openDepth - 1]] >>> 40);
        if (group == null || groupPrimary != primary) {
          if (group != null) dups.add(group.stream().mapToInt(Integer::intValue).toArray());
          group = new ArrayList<>();
          group.add(primary);
          groupPrimary = primary;
        }
        group.add(id);
        continue;
      }
      while (openDepth > lcp) {
        int closed = open[--openDepth];
        out[closed] |= (long) (n - closed) << 16;
      }
      for (int k = lcp; k < b.length; k++) {
        if (n == out.length) out = Arrays.copyOf(out, n * 2);
        long token = k == b.length - 1 ? id : NONE;
        out[n] = (b[k] & 0xFFL) | ((long) k << 8) | (token << 40);
        open[openDepth++] = n++;
      }
      prev = b;
    }
    if (group != null) dups.add(group.stream().mapToInt(Integer::intValue).toArray());
    while (openDepth > 0) {
      int closed = open[--openDepth];
      out[closed] |= (long) (n - closed) << 16;
    }
    int[] longIds = longOnes.stream().mapToInt(Integer::intValue).toArray();
    byte[][] lb = new byte[longIds.length][];
    for (int i = 0; i < longIds.length; i++) lb[i] = bytes[longIds[i]];
    return new FlatTrie(Arrays.copyOf(out, n), dups.toArray(new int[0][]), longIds, lb);
  }

  static FlatTrie of(Vocabulary v) {
    byte[][] bytes = new byte[v.size()][];
    for (int id = 0; id < v.size(); id++) if (v.isDefined(id) && !v.isSpecial(id)) bytes[id] = v.tokenBytes(id);
    return of(bytes);
  }

  int nodeCount() {
    return nodes.length;
  }
}
