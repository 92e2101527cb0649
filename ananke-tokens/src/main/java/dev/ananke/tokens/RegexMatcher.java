package dev.ananke.tokens;

import java.util.Arrays;

/*
 * A regex matcher is a stack of DFA states, one per consumed token, so rollback is a pointer move.
 * The mask depends only on the top state and comes from the constraint's per-state memo.
 * ENDED marks the state after EOS.
 */
final class RegexMatcher implements TokenMatcher {
  private static final int ENDED = -1;
  private static final int MAX_FORCED_BYTES = 4096;

  private final RegexConstraint constraint;
  private final LazyDfa dfa;
  private final Vocabulary vocab;
  private final int[] scratch = new int[TokenTrie.MAX_DEPTH + 1];
  private int[] states = new int[64];
  private int top; // index of the current state; states[0] is the start

  RegexMatcher(RegexConstraint constraint) {
    this.constraint = constraint;
    this.dfa = constraint.dfa();
    this.vocab = constraint.vocabulary();
    states[0] = dfa.start();
  }

  private RegexMatcher(RegexMatcher other) {
    this.constraint = other.constraint;
    this.dfa = other.dfa;
    this.vocab = other.vocab;
    this.states = other.states.clone();
    this.top = other.top;
  }

  @Override
  public Vocabulary vocabulary() {
    return vocab;
  }

  private int current() {
    return states[top];
  }

  @Override
  public void computeMask(long[] mask) {
    int s = current();
    if (s == ENDED) {
      Arrays.fill(mask, 0L);
      for (int e : vocab.eosTokenIds()) TokenMasks.set(mask, e);
      return;
    }
    constraint.maskOf(s, mask, scratch);
  }

  /** The state after {@code token} from {@code s}, or DEAD; ENDED for an allowed EOS. */
  private int next(int s, int token) {
    // after EOS only EOS again (engines that pad with EOS keep going), as the mask says
    if (s == ENDED) return vocab.isEos(token) ? ENDED : LazyDfa.DEAD;
    if (vocab.isEos(token)) return dfa.isAccepting(s) ? ENDED : LazyDfa.DEAD;
    if (!vocab.isDefined(token) || vocab.isSpecial(token)) return LazyDfa.DEAD;
    int len = vocab.tokenLength(token);
    if (len == 0) return LazyDfa.DEAD;
    for (int i = 0; i < len && s != LazyDfa.DEAD; i++) s = dfa.step(s, vocab.tokenByte(token, i));
    return s;
  }

  @Override
  public boolean isAllowed(int token) {
    return next(current(), token) != LazyDfa.DEAD;
  }

  @Override
  public boolean consume(int token) {
    int t = next(current(), token);
    if (t == LazyDfa.DEAD) return false;
    if (top + 1 == states.length) states = Arrays.copyOf(states, states.length * 2);
    states[++top] = t;
    return true;
  }

  @Override
  public int validate(int[] tokens) {
    int s = current();
    for (int i = 0; i < tokens.length; i++) {
      s = next(s, tokens[i]);
      if (s == LazyDfa.DEAD) return i;
    }
    return tokens.length;
  }

  @Override
  public void rollback(int n) {
    if (n < 0 || n > top) {
      throw new IllegalArgumentException("cannot roll back " + n + " tokens: " + top + " consumed");
    }
    top -= n;
  }

  @Override
  public int position() {
    return top;
  }

  @Override
  public void reset() {
    top = 0;
  }

  @Override
  public boolean isAccepting() {
    int s = current();
    return s != ENDED && dfa.isAccepting(s);
  }

  @Override
  public boolean isTerminated() {
    int s = current();
    return s == ENDED || (dfa.isAccepting(s) && !dfa.hasContinuation(s)) || s == LazyDfa.DEAD;
  }

  @Override
  public int[] forcedTokens() {
    int s = current();
    if (s == ENDED || s == LazyDfa.DEAD) return new int[0];
    byte[] forced = new byte[64];
    int n = 0;
    while (n < MAX_FORCED_BYTES && !dfa.isAccepting(s)) {
      int b = dfa.forcedByte(s);
      if (b < 0) break;
      if (n == forced.length) forced = Arrays.copyOf(forced, n * 2);
      forced[n++] = (byte) b;
      s = dfa.step(s, b);
    }
    if (n == 0) return new int[0];
    // If the forced bytes end the output, no longer token can follow them: keep the last token.
    boolean complete = dfa.isAccepting(s) && !dfa.hasContinuation(s);
    TokenTrie trie = constraint.trie();
    int[] out = new int[n];
    int count = 0;
    int at = 0;
    while (at < n) {
      long hit = trie.longestPrefix(forced, at, n);
      if (hit < 0) break;
      out[count++] = (int) hit;
      at += (int) (hit >>> 32);
    }
    if (at < n || !complete) {
      // the last token could merge with bytes beyond the forced run: let the model choose it
      if (count > 0) count--;
    }
    return Arrays.copyOf(out, count);
  }

  @Override
  public TokenMatcher fork() {
    return new RegexMatcher(this);
  }

  @Override
  public String toString() {
    return "RegexMatcher[" + constraint.regex() + ", position " + top + "]";
  }
}
