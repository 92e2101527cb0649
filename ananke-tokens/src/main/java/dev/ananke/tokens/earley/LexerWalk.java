package dev.ananke.tokens.earley;

import java.util.Arrays;

/*
 * What a mask walk from one lexer state over one trie decided by the lexer alone, kept so that
 * the next walk from that lexer state under another parser state (another row) only redoes the
 * rest. Most of a walk never involves the parser: a byte the lexer takes is a table load, and a
 * byte it refuses where no lexeme is complete is refused whatever the parser holds. Only at a
 * boundary (the lexer refuses a byte where a lexeme is complete) does the answer depend on the
 * rows. So a walk splits into
 *   - tokens: the tokens reached by lexer steps alone, and
 *   - the frontier: the boundary nodes reached by lexer steps alone, in trie order, each with the
 *     bytes from the walk's root to its parent and its parent node (for the boundary cache).
 * Replaying (EarleyParser.replay) copies the tokens and runs the parser from each frontier node,
 * walking its subtree as usual: the same mask, exactly, because everything else was decided by
 * the lexer state and the trie, which are the same.
 *
 * This is what a first mask in a counted or patterned string costs over and over: the lexer
 * state at the third character of a string with maxLength 10 is the same in every value of that
 * property, while the rows (which value, in which object) are new each time, so the per-parser-
 * state memo of GrammarMatcher misses and the walk visits most of the vocabulary again.
 */
final class LexerWalk {
  final long[] tokens;
  final int[] node;
  final int[] parent;
  /** pathStart[f]..pathStart[f + 1]: the bytes to node[f]'s parent, in paths. */
  final int[] pathStart;
  final byte[] paths;

  private LexerWalk(long[] tokens, int[] node, int[] parent, int[] pathStart, byte[] paths) {
    this.tokens = tokens;
    this.node = node;
    this.parent = parent;
    this.pathStart = pathStart;
    this.paths = paths;
  }

  /** Bytes held, for the constraint's budget. */
  long bytes() {
    return 8L * tokens.length + 12L * node.length + paths.length + 64;
  }

  /** Collects a LexerWalk during a walk (EarleyParser.walkNodes). */
  static final class Recorder {
    final long[] tokens;
    /** Trie nodes the walk visited (to judge whether keeping the record pays). */
    int visited;
    private int[] node = new int[64];
    private int[] parent = new int[64];
    private int[] pathStart = new int[65];
    private byte[] paths = new byte[256];
    private int n;

    Recorder(int maskWords) {
      this.tokens = new long[maskWords];
    }

    /** A boundary at trie node {@code i}, child of {@code parentNode}, below path[0..len). */
    void boundary(int i, int parentNode, byte[] path, int len) {
      if (n + 1 == node.length) {
        node = Arrays.copyOf(node, n * 2);
        parent = Arrays.copyOf(parent, n * 2);
        pathStart = Arrays.copyOf(pathStart, n * 2 + 1);
      }
      int at = pathStart[n];
      if (at + len > paths.length) paths = Arrays.copyOf(paths, Math.max(paths.length * 2, at + len));
      System.arraycopy(path, 0, paths, at, len);
      node[n] = i;
      parent[n] = parentNode;
      pathStart[++n] = at + len;
    }

    int boundaries() {
      return n;
    }

    LexerWalk finish() {
      return new LexerWalk(tokens, Arrays.copyOf(node, n), Arrays.copyOf(parent, n), Arrays.copyOf(pathStart, n + 1),
          Arrays.copyOf(paths, pathStart[n]));
    }
  }
}
