package dev.ananke.tokens;

/**
 * A byte-level recognizer with a stack of states, walked against the vocabulary trie by {@link
 * TokenTrie#computeMask(ByteRecognizer, long[])}: a token is allowed when every one of its bytes
 * can be pushed. Grammar engines implement this; regexes use a faster specialised walk.
 *
 * <p>The walk pushes a byte when descending into a trie node and pops when it leaves the
 * subtree, so implementations should make both O(1).
 */
public interface ByteRecognizer {
  /**
   * Extends the current output by byte {@code b} (0-255) if some valid output continues this way;
   * otherwise returns false and leaves the state unchanged.
   */
  boolean push(int b);

  /** Undoes the last {@code n} successful pushes. */
  void pop(int n);
}
