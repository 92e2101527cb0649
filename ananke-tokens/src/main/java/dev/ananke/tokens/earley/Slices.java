package dev.ananke.tokens.earley;

import dev.ananke.tokens.Regex;
import dev.ananke.tokens.RegexAutomaton;
import dev.ananke.tokens.TokenMasks;
import dev.ananke.tokens.TokenTrie;
import dev.ananke.tokens.Vocabulary;
import java.util.Map;
import java.util.WeakHashMap;

/*
 * The slicer (llguidance, docs/optimizations.md "Slicer optimization"). Dense masks come from
 * unconstrained contexts, above all the inside of a JSON string, where a full trie walk visits
 * most of the 128k vocabulary. The vocabulary is cut into slices by regexes of the form
 * C{1,N}, C = any character a JSON string holds unescaped: slice 0 takes the tokens matching
 * C{1,10}, slice 1 those matching C{1,30} and not slice 0, slice 2 those matching C+ and not
 * slices 0-1; the rest is everything else. The slices are nested as languages, so a lexer state
 * that keeps every string of C{1,30} alive also keeps C{1,10} alive: its "level" (how many slices
 * it contains, 0-3) says which tokens are allowed without looking, and only the tokens outside
 * those slices need a walk, over a trie built from them alone.
 */
final class Slices {
  static final String CHAR = "[^\"\\\\\\x00-\\x1F\\x7F]";
  static final RegexAutomaton[] AUTOMATA = {
    RegexAutomaton.of(Regex.compile(CHAR + "{1,10}")),
    RegexAutomaton.of(Regex.compile(CHAR + "{1,30}")),
    RegexAutomaton.of(Regex.compile(CHAR + "+")),
  };
  /**
   * How many (lexer state, slice state) pairs a containment proof may explore, per slice. A JSON
   * string lexeme C* needs a handful; a counted one (maxLength 255) needs one per position, so an
   * unbounded slice would explore every position up to the bound before failing, building lexer
   * states nobody asked for. Small budgets keep that failure cheap.
   */
  static final int[] BUDGET = {400, 1_200, 200};

  private static final Map<Vocabulary, Slices> CACHE = new WeakHashMap<>();

  /** cumulative[k]: the tokens of slices 0..k-1. */
  final long[][] cumulative;
  /** rest[k]: the trie of the tokens outside slices 0..k-1 (rest[0] is the full trie). */
  final TokenTrie[] rest;

  private Slices(long[][] cumulative, TokenTrie[] rest) {
    this.cumulative = cumulative;
    this.rest = rest;
  }

  static synchronized Slices of(Vocabulary v) {
    Slices s = CACHE.get(v);
    if (s == null) CACHE.put(v, s = build(v));
    return s;
  }

  private static Slices build(Vocabulary v) {
    int n = v.size();
    int[] sliceOf = new int[n];
    java.util.Arrays.fill(sliceOf, -1);
    Regex[] res = {Regex.compile(CHAR + "{1,10}"), Regex.compile(CHAR + "{1,30}"), Regex.compile(CHAR + "+")};
    for (int id = 0; id < n; id++) {
      if (!v.isDefined(id) || v.isSpecial(id)) continue;
      byte[] b = v.tokenBytes(id);
      for (int k = 0; k < res.length; k++) {
        if (res[k].matches(b)) {
          sliceOf[id] = k;
          break;
        }
      }
    }
    long[][] cum = new long[4][];
    TokenTrie[] rest = new TokenTrie[4];
    int words = TokenMasks.words(v.modelSize());
    for (int level = 0; level <= 3; level++) {
      long[] m = new long[words];
      byte[][] restBytes = new byte[n][];
      for (int id = 0; id < n; id++) {
        if (!v.isDefined(id) || v.isSpecial(id)) continue;
        if (sliceOf[id] >= 0 && sliceOf[id] < level) TokenMasks.set(m, id);
        else restBytes[id] = v.tokenBytes(id);
      }
      cum[level] = m;
      rest[level] = level == 0 ? v.trie() : Vocabulary.of(restBytes, new int[0], new int[0]).trie();
    }
    return new Slices(cum, rest);
  }

  /** How many slices {@code lexer} state {@code state} contains (0-3), cached per state. */
  static int level(Lexer lexer, int state) {
    int c = lexer.cachedSliceLevel(state);
    if (c >= 0) return c;
    int level = lexer.sliceLevelOf(state, AUTOMATA, BUDGET);
    lexer.rememberSliceLevel(state, level);
    return level;
  }
}
