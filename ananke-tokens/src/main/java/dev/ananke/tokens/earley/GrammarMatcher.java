package dev.ananke.tokens.earley;

import dev.ananke.tokens.TokenMasks;
import dev.ananke.tokens.TokenMatcher;
import dev.ananke.tokens.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** The {@link TokenMatcher} of a grammar: token bookkeeping over an {@link EarleyParser}. */
final class GrammarMatcher implements TokenMatcher {
  private static final int MAX_FORCED_BYTES = 256;

  private final GrammarConstraint constraint;
  private final Vocabulary vocabulary;
  private final EarleyParser parser;
  private final int[] eos;
  /** tokenDepth[i]: the parser's byte depth after token i; eos at the end if consumed. */
  private int[] tokenDepth = new int[32];
  private int position;
  private boolean eosConsumed;
  /*
   * Masks of parser states seen before in this sequence, by EarleyParser.stateKey(): inside a
   * string or a number the state repeats from token to token (same rows, same lexer state), and
   * the mask with it. A few entries, replaced round-robin.
   */
  private static final int MEMO = 4;
  private final long[] memoKey = {-1, -1, -1, -1};
  private final long[][] memoMask = new long[MEMO][];
  private int memoNext;

  GrammarMatcher(GrammarConstraint constraint, EarleyParser parser) {
    this.constraint = constraint;
    this.vocabulary = constraint.vocabulary;
    this.parser = parser;
    this.eos = vocabulary.eosTokenIds();
  }

  @Override
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public void computeMask(long[] mask) {
    long key = eosConsumed ? -1 : parser.stateKey();
    if (key >= 0) {
      for (int k = 0; k < MEMO; k++) {
        if (memoKey[k] == key && memoMask[k].length == mask.length) {
          System.arraycopy(memoMask[k], 0, mask, 0, mask.length);
          return;
        }
      }
    }
    Arrays.fill(mask, 0L);
    if (eosConsumed) {
      for (int e : eos) TokenMasks.set(mask, e);
      return;
    }
    Slices slices = constraint.slices;
    int covered = Slices.covered(constraint.grammar.lexer, parser.lexerState());
    if (covered != 0) {
      long[] set = slices.union(covered);
      System.arraycopy(set, 0, mask, 0, set.length);
    }
    int n = slices.tries.length;
    if (covered == 0) {
      // one walk of the whole trie: the slices' tries would each repeat the shared prefixes
      walk(slices.all, n + 1, mask);
    } else {
      for (int k = 0; k < n; k++) {
        if ((covered & (1 << k)) == 0) walk(slices.tries[k], k, mask);
      }
      walk(slices.remainder, n, mask);
    }
    if (parser.isAccepting()) for (int e : eos) TokenMasks.set(mask, e);
    if (key >= 0) {
      int k = memoNext;
      memoNext = (k + 1) % MEMO;
      long[] copy = memoMask[k];
      if (copy == null || copy.length != mask.length) memoMask[k] = copy = new long[mask.length];
      System.arraycopy(mask, 0, copy, 0, mask.length);
      memoKey[k] = key;
    }
  }

  /**
   * Walks {@code trie} (numbered {@code trieId} in the slices) from the parser's state: the first
   * time from a lexer state (from its member set, in any grammar over this vocabulary) recording
   * what the lexer alone decided, later replaying that record when it was kept (see LexerWalk).
   */
  private void walk(FlatTrie trie, int trieId, long[] mask) {
    Slices slices = constraint.slices;
    Lexer.MemberSet members = constraint.grammar.lexer.memberSet(parser.lexerState());
    LexerWalk w = slices.walk(members, trieId);
    if (w == null) {
      LexerWalk.Recorder rec = new LexerWalk.Recorder(mask.length);
      parser.walk(trie, mask, rec);
      slices.remember(members, trieId, rec);
    } else if (w == Slices.NOT_KEPT) {
      parser.walk(trie, mask);
    } else {
      parser.replay(trie, w, mask);
    }
  }

  @Override
  public boolean isAllowed(int token) {
    if (eosConsumed) return isEos(token);
    if (isEos(token)) return parser.isAccepting();
    if (!vocabulary.isDefined(token) || vocabulary.isSpecial(token)) return false;
    int len = vocabulary.tokenLength(token);
    if (len == 0) return false;
    int d = parser.depth;
    for (int i = 0; i < len; i++) {
      if (!parser.push(vocabulary.tokenByte(token, i))) {
        parser.truncate(d);
        return false;
      }
    }
    parser.truncate(d);
    return true;
  }

  @Override
  public boolean consume(int token) {
    if (eosConsumed) return false;
    if (isEos(token)) {
      if (!parser.isAccepting()) return false;
      eosConsumed = true;
      record(parser.depth);
      return true;
    }
    if (!vocabulary.isDefined(token) || vocabulary.isSpecial(token)) return false;
    int len = vocabulary.tokenLength(token);
    if (len == 0) return false;
    int d = parser.depth;
    for (int i = 0; i < len; i++) {
      if (!parser.push(vocabulary.tokenByte(token, i))) {
        parser.truncate(d);
        return false;
      }
    }
    record(parser.depth);
    return true;
  }

  private void record(int depth) {
    if (position == tokenDepth.length) tokenDepth = Arrays.copyOf(tokenDepth, position * 2);
    tokenDepth[position++] = depth;
  }

  @Override
  public int validate(int[] tokens) {
    int start = position;
    int n = consumeAll(tokens);
    rollback(position - start);
    return n;
  }

  @Override
  public void rollback(int n) {
    if (n < 0 || n > position) throw new IllegalArgumentException("cannot roll back " + n + " of " + position + " tokens");
    if (n == 0) return;
    if (eosConsumed) eosConsumed = false;
    position -= n;
    parser.truncate(position == 0 ? 0 : tokenDepth[position - 1]);
  }

  @Override
  public int position() {
    return position;
  }

  @Override
  public void reset() {
    rollback(position);
  }

  @Override
  public boolean isAccepting() {
    return eosConsumed || parser.isAccepting();
  }

  @Override
  public boolean isTerminated() {
    if (eosConsumed) return true;
    if (!parser.isAccepting()) return false;
    for (int b = 0; b < 256; b++) {
      if (parser.push(b)) {
        parser.pop(1);
        return false;
      }
    }
    return true;
  }

  @Override
  public int[] forcedTokens() {
    if (eosConsumed) return new int[0];
    int d = parser.depth;
    byte[] forced = new byte[MAX_FORCED_BYTES];
    int n = 0;
    while (n < MAX_FORCED_BYTES && !parser.isAccepting()) {
      int only = -1;
      for (int b = 0; b < 256; b++) {
        if (parser.push(b)) {
          parser.pop(1);
          if (only >= 0) {
            only = -2;
            break;
          }
          only = b;
        }
      }
      if (only < 0) break;
      parser.push(only);
      forced[n++] = (byte) only;
    }
    parser.truncate(d);
    if (n == 0) return new int[0];
    // greedy longest-prefix tokenization of the forced bytes; the last token is left out, since
    // a longer token could still merge it with what the model writes next
    Map<String, Integer> ids = constraint.tokenOfBytes();
    String s = new String(forced, 0, n, StandardCharsets.ISO_8859_1);
    int[] out = new int[n];
    int k = 0;
    int i = 0;
    while (i < n) {
      int len = Math.min(n - i, 64);
      Integer id = null;
      for (; len > 0; len--) {
        id = ids.get(s.substring(i, i + len));
        if (id != null) break;
      }
      if (id == null) break;
      out[k++] = id;
      i += len;
    }
    return Arrays.copyOf(out, Math.max(0, k - 1));
  }

  @Override
  public TokenMatcher fork() {
    GrammarMatcher m = new GrammarMatcher(constraint, parser.copy());
    m.tokenDepth = tokenDepth.clone();
    m.position = position;
    m.eosConsumed = eosConsumed;
    return m;
  }

  private boolean isEos(int token) {
    for (int e : eos) if (e == token) return true;
    return false;
  }

  @Override
  public String toString() {
    return "GrammarMatcher[position=" + position + ", bytes=" + parser.depth + "]";
  }
}
