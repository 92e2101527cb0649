package dev.ananke.tokens;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A regex paired with a vocabulary: the shared, thread-safe part of regex-constrained decoding.
 * Create one per (regex, vocabulary) and a {@link TokenMatcher} per sequence with {@link
 * #newMatcher()}.
 *
 * <p>Cost: the first mask of a DFA state is a walk of the vocabulary trie, shortened by slices
 * (precomputed token sets; see {@code docs/tokens.md}): a few to a few dozen microseconds at 128k
 * tokens. A regex matcher's mask depends only on its DFA state, so masks are then memoized per
 * state (up to {@link #maxCachedMasks()}, each {@code modelSize / 8} bytes: 16 KiB at 128k), and
 * later visits cost a copy. The first constraint on a vocabulary builds the vocabulary's slices
 * (about half a second at 128k, once per vocabulary).
 */
public final class RegexConstraint {
  private static final long DEFAULT_CACHE_BYTES = 64L << 20;

  private final Regex regex;
  private final Vocabulary vocabulary;
  private final TokenTrie trie;
  private final LazyDfa dfa;
  private final int maskWords;
  private final int maxCachedMasks;
  private final @Nullable SlicedTrie sliced;
  private volatile long[][] masks = new long[16][];
  /** Per DFA state: -1 not decided yet, else the bits of the slices that cover it. */
  private volatile int[] coverageOf = new int[0];

  private RegexConstraint(Regex regex, Vocabulary vocabulary, int maxCachedMasks, boolean useSlices) {
    this.regex = regex;
    this.vocabulary = vocabulary;
    this.trie = vocabulary.trie();
    this.dfa = regex.dfa();
    this.maskWords = TokenMasks.words(vocabulary.modelSize());
    this.maxCachedMasks = maxCachedMasks;
    this.sliced = useSlices ? vocabulary.slicedTrie() : null;
  }

  /** The constraint with masks memoized within 64 MiB, and slices. */
  public static RegexConstraint of(Regex regex, Vocabulary vocabulary) {
    int perMask = TokenMasks.words(vocabulary.modelSize()) * 8;
    return new RegexConstraint(regex, vocabulary, (int) Math.max(4, DEFAULT_CACHE_BYTES / perMask), true);
  }

  /**
   * The constraint with at most {@code maxCachedMasks} memoized masks (0: compute every mask),
   * with or without slices (precomputed token sets that shorten dense trie walks). Both knobs
   * change cost only, never the masks.
   */
  public static RegexConstraint of(Regex regex, Vocabulary vocabulary, int maxCachedMasks, boolean useSlices) {
    return new RegexConstraint(regex, vocabulary, maxCachedMasks, useSlices);
  }

  public Regex regex() {
    return regex;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  public int maxCachedMasks() {
    return maxCachedMasks;
  }

  /** A matcher at the start of the regex. */
  public TokenMatcher newMatcher() {
    return new RegexMatcher(this);
  }

  LazyDfa dfa() {
    return dfa;
  }

  TokenTrie trie() {
    return trie;
  }

  /**
   * Writes the mask of DFA state {@code state} into {@code out} (cleared first). {@code stack} is
   * the caller's scratch space for the trie walk.
   */
  void maskOf(int state, long[] out, int[] stack) {
    long[][] cache = masks;
    long[] cached = state < cache.length ? cache[state] : null;
    if (cached != null) {
      System.arraycopy(cached, 0, out, 0, maskWords);
      if (out.length > maskWords) Arrays.fill(out, maskWords, out.length, 0L);
      return;
    }
    SlicedTrie st = sliced;
    if (state == LazyDfa.DEAD) {
      Arrays.fill(out, 0L);
    } else {
      if (st != null) {
        st.computeMask(dfa, state, coverage(st, state), out, stack, trie);
      } else {
        Arrays.fill(out, 0L);
        trie.computeMask(dfa, state, out, stack);
      }
      if (dfa.isAccepting(state)) for (int e : vocabulary.eosTokenIds()) TokenMasks.set(out, e);
    }
    if (state < maxCachedMasks) remember(state, Arrays.copyOf(out, maskWords));
  }

  /** Which slices cover {@code state}; decided once per state. */
  private int coverage(SlicedTrie st, int state) {
    int[] known = coverageOf;
    if (state < known.length && known[state] != -1) return known[state];
    synchronized (this) {
      known = coverageOf;
      if (state >= known.length) {
        int old = known.length;
        known = Arrays.copyOf(known, Math.max(state + 1, old * 2));
        Arrays.fill(known, old, known.length, -1);
      }
      int bits = st.coverage(dfa, state);
      known[state] = bits;
      coverageOf = known;
      return bits;
    }
  }

  private synchronized void remember(int state, long[] mask) {
    long[][] cache = masks;
    if (state >= cache.length) cache = Arrays.copyOf(cache, Math.max(state + 1, cache.length * 2));
    cache[state] = mask;
    masks = cache;
  }

  @Override
  public String toString() {
    return "RegexConstraint[" + regex + ", " + vocabulary + "]";
  }
}
