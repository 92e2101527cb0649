package dev.ananke.tokens;

/**
 * The constraint state of one generated sequence, with the interface inference engines use:
 * before each step {@link #computeMask}, after sampling {@link #consume}; speculative decoding
 * {@link #rollback}s rejected drafts; {@link #forcedTokens} lets the engine skip the model when
 * only one continuation exists.
 *
 * <p>Regexes implement it through {@link RegexConstraint#newMatcher()}; grammar and JSON Schema
 * constraints implement the same interface. Not thread-safe: one matcher per sequence (they are
 * cheap; the expensive parts are shared by the constraint that created them).
 *
 * <p>EOS (every id in {@link Vocabulary#eosTokenIds()}) is allowed exactly when the output so far
 * is accepted. Special tokens and padding ids are never allowed. After EOS the matcher is
 * terminated; its mask holds only the EOS ids, and consuming EOS again is allowed (for engines
 * that pad with EOS).
 */
public interface TokenMatcher {
  Vocabulary vocabulary();

  /**
   * Clears {@code mask} and sets the bit of every token that may come next. The mask must have at
   * least {@link TokenMasks#words TokenMasks.words(vocabulary().modelSize())} words.
   */
  void computeMask(long[] mask);

  /** Whether {@code token} may come next (cheaper than a mask for one token). */
  boolean isAllowed(int token);

  /**
   * Appends {@code token} to the output. Returns false, leaving the state unchanged, when it is
   * not allowed.
   */
  boolean consume(int token);

  /**
   * Consumes tokens in order until one is not allowed; returns how many were consumed.
   */
  default int consumeAll(int[] tokens) {
    for (int i = 0; i < tokens.length; i++) if (!consume(tokens[i])) return i;
    return tokens.length;
  }

  /**
   * The length of the longest prefix of {@code tokens} that could be consumed from here, without
   * changing the state.
   */
  int validate(int[] tokens);

  /** Undoes the last {@code n} consumed tokens ({@code 0 <= n <= position()}). */
  void rollback(int n);

  /** Tokens consumed since the start (or the last {@link #reset()}). */
  int position();

  /** Back to the initial state. */
  void reset();

  /** Whether the output so far is complete: EOS is allowed now. */
  boolean isAccepting();

  /** Whether nothing can follow: EOS was consumed, or the output is complete and cannot grow. */
  boolean isTerminated();

  /**
   * Tokens that must come next whatever the model prefers, when the constraint leaves a single
   * byte sequence (e.g. the rest of a keyword); empty when there is a choice. Tokens that a longer
   * token could still merge with are left out, so consuming these never forces a bad tokenization.
   */
  int[] forcedTokens();

  /** An independent copy of this matcher in its current state (e.g. for beam search). */
  TokenMatcher fork();
}
