package dev.ananke.tokens.earley;

import dev.ananke.tokens.Regex;
import dev.ananke.tokens.RegexAutomaton;
import dev.ananke.tokens.TokenMasks;
import dev.ananke.tokens.Vocabulary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/*
 * The slicer (llguidance, docs/optimizations.md "Slicer optimization"). Dense masks come from
 * unconstrained contexts, above all the inside of a JSON string, where a full trie walk visits
 * most of the 128k vocabulary. The vocabulary is cut into disjoint slices: in order, each slice
 * regex claims the tokens it matches entirely that no earlier slice claimed, and gets its own
 * trie; the unclaimed tokens form the remainder trie. When a lexer state provably keeps every
 * string of a slice alive, no lexeme can end inside such a token, so all of the slice's tokens
 * are allowed whatever the parser's state: its precomputed set is OR-ed in and its trie skipped.
 * The others are walked as usual (a slice the state refuses on the first byte costs a few dozen
 * node visits).
 *
 * Slices: identifier-like runs (as in part 1's regex slicer: they cover URI and identifier
 * patterns), then JSON string text in three lengths, so that strings with a maxLength of at
 * least 10 or 30 are covered too.
 */
final class Slices {
  static final String CHAR = "[^\"\\\\\\x00-\\x1F\\x7F]";
  static final String[] PATTERNS = {
    "[a-z][a-zA-Z0-9]*", "[A-Z][a-zA-Z0-9]*", CHAR + "{1,10}", CHAR + "{1,30}", CHAR + "+",
  };
  static final RegexAutomaton[] AUTOMATA = new RegexAutomaton[PATTERNS.length];
  /**
   * How many (lexeme state, slice state) pairs a containment proof may explore, per slice. A JSON
   * string lexeme needs a handful per counted position; small budgets keep failures cheap.
   */
  static final int[] BUDGET = {200, 200, 400, 1_200, 200};

  /**
   * SUBSETS[k]: the slices whose pattern's language is contained in slice k's (k included). A
   * state that keeps every prefix of slice k alive keeps theirs alive too, so one containment
   * proof on C+ answers for C{1,10}, C{1,30} and the identifier runs; and a subset that could
   * not be proven is not tried again as part of a larger slice (see Lexer.sliceLevelOf).
   */
  static final int[] SUBSETS = new int[PATTERNS.length];

  static {
    Regex[] res = new Regex[PATTERNS.length];
    for (int k = 0; k < PATTERNS.length; k++) {
      res[k] = Regex.compile(PATTERNS[k]);
      AUTOMATA[k] = RegexAutomaton.of(res[k]);
    }
    for (int k = 0; k < PATTERNS.length; k++) {
      for (int j = 0; j < PATTERNS.length; j++) if (res[j].isSubsetOf(res[k])) SUBSETS[k] |= 1 << j;
    }
  }

  private static final Map<Vocabulary, Slices> CACHE = new WeakHashMap<>();

  /** sets[k]: the tokens slice k claimed. */
  final long[][] sets;
  final FlatTrie[] tries;
  final FlatTrie remainder;
  /** The whole vocabulary in one trie: walked instead of every slice's when none is covered. */
  final FlatTrie all;

  /** unions[bits]: the tokens of the covered slices, built on first use (one OR per mask). */
  private final long[][] unions;

  private Slices(long[][] sets, FlatTrie[] tries, FlatTrie remainder, FlatTrie all) {
    this.sets = sets;
    this.tries = tries;
    this.remainder = remainder;
    this.all = all;
    this.unions = new long[1 << sets.length][];
  }

  long[] union(int bits) {
    long[] u = unions[bits];
    if (u == null) {
      u = new long[sets[0].length];
      for (int k = 0; k < sets.length; k++) {
        if ((bits & (1 << k)) != 0) for (int i = 0; i < u.length; i++) u[i] |= sets[k][i];
      }
      unions[bits] = u; // racy publication is fine: any thread computes the same array
    }
    return u;
  }

  /*
   * Lexer walks (LexerWalk) by lexer member set and trie, shared by every grammar over this
   * vocabulary: a walk's lexer-only part depends on the members' regexes and DFA states, not on
   * the grammar, and schemas share their string, number and format regexes (JSON Schema's
   * compiler shares them), so the first masks inside a schema's strings replay walks that other
   * schemas made. A walk is kept only when replaying saves most of its work: it visited many
   * nodes, few of them boundaries. Inside a plain string only the remainder trie is walked (the
   * slices cover the rest) and nearly all of it is boundaries: such walks are not kept. Least
   * recently used first out past WALK_BUDGET bytes (16 KiB of tokens per walk plus its frontier).
   */
  static final long WALK_BUDGET = 32L << 20;
  static final int WALK_MIN_NODES = 4096;
  static final int WALK_NODES_PER_BOUNDARY = 8;
  static final LexerWalk NOT_KEPT = new LexerWalk.Recorder(0).finish();

  private record WalkKey(Lexer.MemberSet members, int trie) {}

  private final LinkedHashMap<WalkKey, LexerWalk> walks = new LinkedHashMap<>(256, 0.75f, true);
  private long walkBytes;

  /** The kept walk from a lexer state with these members over trie {@code trie}, NOT_KEPT, or null. */
  synchronized LexerWalk walk(Lexer.MemberSet members, int trie) {
    return walks.get(new WalkKey(members, trie));
  }

  /** Keeps what {@code rec} recorded when replaying it pays, else remembers NOT_KEPT. */
  synchronized void remember(Lexer.MemberSet members, int trie, LexerWalk.Recorder rec) {
    LexerWalk w = NOT_KEPT;
    if (rec.visited >= WALK_MIN_NODES && rec.visited >= WALK_NODES_PER_BOUNDARY * rec.boundaries()) w = rec.finish();
    LexerWalk old = walks.put(new WalkKey(members, trie), w);
    walkBytes += w.bytes() - (old == null ? 0 : old.bytes());
    var it = walks.values().iterator();
    while (walkBytes > WALK_BUDGET && it.hasNext()) {
      walkBytes -= it.next().bytes();
      it.remove();
    }
  }

  static synchronized Slices of(Vocabulary v) {
    Slices s = CACHE.get(v);
    if (s == null) CACHE.put(v, s = build(v));
    return s;
  }

  private static Slices build(Vocabulary v) {
    int n = v.size();
    int k = PATTERNS.length;
    Regex[] res = new Regex[k];
    for (int i = 0; i < k; i++) res[i] = Regex.compile(PATTERNS[i]);
    byte[][][] bytes = new byte[k + 1][n][];
    long[][] sets = new long[k][TokenMasks.words(v.modelSize())];
    for (int id = 0; id < n; id++) {
      if (!v.isDefined(id) || v.isSpecial(id)) continue;
      byte[] b = v.tokenBytes(id);
      int slice = k;
      for (int i = 0; i < k; i++) {
        if (res[i].matches(b)) {
          slice = i;
          TokenMasks.set(sets[i], id);
          break;
        }
      }
      bytes[slice][id] = b;
    }
    FlatTrie[] tries = new FlatTrie[k];
    for (int i = 0; i < k; i++) tries[i] = FlatTrie.of(bytes[i]);
    byte[][] every = new byte[n][];
    for (int i = 0; i <= k; i++) {
      for (int id = 0; id < n; id++) if (bytes[i][id] != null) every[id] = bytes[i][id];
    }
    return new Slices(sets, tries, FlatTrie.of(bytes[k]), FlatTrie.of(every));
  }

  /** The bit set of slices {@code lexer} state {@code state} covers, cached per state. */
  static int covered(Lexer lexer, int state) {
    int c = lexer.cachedSliceLevel(state);
    if (c >= 0) return c;
    int bits = lexer.sliceLevelOf(state, AUTOMATA, BUDGET, SUBSETS);
    lexer.rememberSliceLevel(state, bits);
    return bits;
  }
}
