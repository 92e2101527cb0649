package dev.ananke.tokens.earley;

import dev.ananke.core.error.BadInputException;
import dev.ananke.tokens.Regex;
import dev.ananke.tokens.RegexAutomaton;
import dev.ananke.tokens.grammar.Lexeme;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/*
 * The lexer: one lazily built DFA over all lexemes at once, as in llguidance (docs/optimizations.md,
 * "Lexer construction"). A lexer state is the set of (lexeme, state of that lexeme's own DFA) pairs
 * still alive; stepping a byte steps every pair and drops the dead ones. State 0 is the empty set
 * (dead). The Earley parser starts the lexer in the state holding exactly the lexemes it can accept
 * next, so the lexer only ever tracks lexemes that matter.
 *
 * Hot path: step() is one load from trans[state << 8 | byte]; -1 means not computed yet and takes
 * the synchronized slow path, which steps the pairs and interns the resulting set. The table only
 * grows by copy-then-publish, and entries only go from -1 to their final value, so a reader with a
 * stale table at worst takes the slow path (the same discipline as LazyDfa in part 1).
 */
final class Lexer {
  static final int DEAD = 0;

  final Lexeme[] lexemes;
  private final RegexAutomaton[] autos;
  private final int maxStates;
  private final Map<Key, Integer> ids = new HashMap<>();
  private final Map<Key, Integer> starts = new HashMap<>();
  private int[][] members = new int[16][];
  private volatile int[][] accepts = new int[16][];
  /** Per state: whether some member lexeme has a check (its outcome depends on the bytes). */
  private volatile boolean[] checkedMember = new boolean[16];
  private volatile boolean[] acceptChecked = new boolean[16];
  private volatile int[] trans = new int[16 * 256];
  private volatile byte[] sliceLevel = new byte[16];
  private int count;

  Lexer(Lexeme[] lexemes, int maxStates) {
    this.lexemes = lexemes;
    this.maxStates = maxStates;
    this.autos = new RegexAutomaton[lexemes.length];
    // automata are built on first use: a lexeme with & or ~ (JSON keys minus the listed ones)
    // costs an emptiness search when its DFA is created, and many lexemes are never reached
    Arrays.fill(trans, -1);
    Arrays.fill(sliceLevel, (byte) -1);
    synchronized (this) {
      intern(new int[0]);
      Arrays.fill(trans, 0, 256, DEAD);
    }
  }

  /**
   * The transition table, {@code -1} where not computed yet (then call {@link #slowStep}). A copy
   * stays valid for the states it was read with; after a call that may create states (slowStep,
   * start, or a parser push) read it again.
   */
  int[] table() {
    return trans;
  }

  int step(int state, int b) {
    int t = trans[(state << 8) | b];
    return t >= 0 ? t : slowStep(state, b);
  }

  /** Whether some lexeme complete in {@code state} has a check. */
  boolean acceptsChecked(int state) {
    return acceptChecked[state];
  }

  boolean hasCheckedMember(int state) {
    return checkedMember[state];
  }

  /** Lexemes complete in {@code state} (empty array when none). */
  int[] accepts(int state) {
    return accepts[state];
  }

  synchronized int stateCount() {
    return count;
  }

  /** The state recognizing exactly {@code lexemeIds[0..n)} (sorted, distinct) from their start. */
  synchronized int start(int[] lexemeIds, int n) {
    Key probe = new Key(Arrays.copyOf(lexemeIds, n));
    Integer s = starts.get(probe);
    if (s != null) return s;
    int[] pairs = new int[2 * n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      int st = automaton(lexemeIds[i]).start();
      if (st == RegexAutomaton.DEAD) continue;
      pairs[k++] = lexemeIds[i];
      pairs[k++] = st;
    }
    int id = intern(Arrays.copyOf(pairs, k));
    starts.put(probe, id);
    return id;
  }

  /*
   * A miss computes the state's whole row at once: for each byte, the members' next states (table
   * loads in their own DFAs once warm) are hashed, and bytes with the same successor vector share
   * one interned target. Interning per byte instead cost about 1 us each, 256 per new state,
   * which dominated masks inside counted strings (maxLength), where every position is a new state.
   */
  synchronized int slowStep(int state, int b) {
    int t = trans[(state << 8) | b];
    if (t >= 0) return t;
    int[] m = members[state];
    int pairs = m.length / 2;
    // next[i][x]: member i's state after byte x; bytes with equal columns share a target
    int[][] next = new int[pairs][256];
    long[] hash = new long[256];
    for (int i = 0; i < pairs; i++) {
      RegexAutomaton a = automaton(m[2 * i]);
      int st = m[2 * i + 1];
      int[] col = next[i];
      for (int x = 0; x < 256; x++) {
        int s = a.step(st, x);
        col[x] = s;
        hash[x] = (hash[x] + s + 1) * 0x9E3779B97F4A7C15L;
      }
    }
    int[] row = new int[256];
    int[] repOf = new int[512]; // open addressing by hash: representative byte + 1, 0 free
    for (int x = 0; x < 256; x++) {
      int h = (int) (hash[x] ^ (hash[x] >>> 32)) & 511;
      int rep = -1;
      while (repOf[h] != 0) {
        int y = repOf[h] - 1;
        if (hash[y] == hash[x] && sameColumn(next, x, y)) {
          rep = y;
          break;
        }
        h = (h + 1) & 511;
      }
      if (rep >= 0) {
        row[x] = row[rep];
        continue;
      }
      repOf[h] = x + 1;
      int[] v = new int[m.length];
      int k = 0;
      for (int i = 0; i < pairs; i++) {
        int s = next[i][x];
        if (s != RegexAutomaton.DEAD) {
          v[k++] = m[2 * i];
          v[k++] = s;
        }
      }
      row[x] = k == 0 ? DEAD : intern(k == v.length ? v : Arrays.copyOf(v, k));
    }
    int[] table = trans; // intern may have grown it
    System.arraycopy(row, 0, table, state << 8, 256);
    return row[b];
  }

  private static boolean sameColumn(int[][] next, int x, int y) {
    for (int[] col : next) if (col[x] != col[y]) return false;
    return true;
  }

  private RegexAutomaton automaton(int lexeme) {
    RegexAutomaton a = autos[lexeme];
    if (a == null) autos[lexeme] = a = RegexAutomaton.of(lexemes[lexeme].regex());
    return a;
  }

  private int intern(int[] pairs) {
    Key key = new Key(pairs);
    Integer id = ids.get(key);
    if (id != null) return id;
    if (count >= maxStates) {
      throw new BadInputException("grammar", "its lexer would need more than " + maxStates
          + " states (GrammarLimits.maxLexerStates)");
    }
    int s = count++;
    if (s == members.length) {
      int cap = s * 2;
      members = Arrays.copyOf(members, cap);
      int[][] acc = Arrays.copyOf(accepts, cap);
      byte[] sl = Arrays.copyOf(sliceLevel, cap);
      checkedMember = Arrays.copyOf(checkedMember, cap);
      acceptChecked = Arrays.copyOf(acceptChecked, cap);
      Arrays.fill(sl, s, cap, (byte) -1);
      int[] t = Arrays.copyOf(trans, cap * 256);
      Arrays.fill(t, s * 256, cap * 256, -1);
      accepts = acc;
      sliceLevel = sl;
      trans = t;
    }
    members[s] = pairs;
    boolean checked = false;
    for (int i = 0; i < pairs.length; i += 2) if (lexemes[pairs[i]].check() != null) checked = true;
    checkedMember[s] = checked;
    int n = 0;
    for (int i = 0; i < pairs.length; i += 2) if (automaton(pairs[i]).isAccepting(pairs[i + 1])) n++;
    int[] acc = new int[n];
    n = 0;
    for (int i = 0; i < pairs.length; i += 2) if (automaton(pairs[i]).isAccepting(pairs[i + 1])) acc[n++] = pairs[i];
    boolean accChecked = false;
    for (int l : acc) if (lexemes[l].check() != null) accChecked = true;
    acceptChecked[s] = accChecked;
    accepts[s] = acc;
    ids.put(key, s);
    return s;
  }

  /**
   * What a lexer state is, independently of this lexer's numbering: its members' regexes (by
   * identity) and their DFA states. Two lexers whose states have equal member sets step, accept
   * and die alike on every byte string, so whatever depends on the lexer state alone (a
   * LexerWalk) can be shared between grammars that share regexes.
   */
  record MemberSet(Regex[] regexes, int[] states, int hash) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof MemberSet m) || m.hash != hash || !Arrays.equals(states, m.states)) return false;
      for (int i = 0; i < regexes.length; i++) if (regexes[i] != m.regexes[i]) return false;
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private MemberSet[] memberSets = new MemberSet[16];

  synchronized MemberSet memberSet(int state) {
    if (state >= memberSets.length) memberSets = Arrays.copyOf(memberSets, Math.max(state + 1, memberSets.length * 2));
    MemberSet m = memberSets[state];
    if (m == null) {
      int[] p = members[state];
      Regex[] rs = new Regex[p.length / 2];
      int[] st = new int[p.length / 2];
      int h = 1;
      for (int i = 0; i < rs.length; i++) {
        rs[i] = lexemes[p[2 * i]].regex();
        st[i] = p[2 * i + 1];
        h = 31 * (31 * h + System.identityHashCode(rs[i])) + st[i];
      }
      memberSets[state] = m = new MemberSet(rs, st, h);
    }
    return m;
  }

  synchronized String describe(int state) {
    StringBuilder b = new StringBuilder();
    int[] m = members[state];
    for (int i = 0; i < m.length && i < 20; i += 2) b.append(lexemes[m[i]].key(), 0, Math.min(60, lexemes[m[i]].key().length())).append('@').append(m[i + 1]).append(' ');
    return b.append(m.length / 2).append(" members").toString();
  }

  // ---- slicer support

  /** Cached slice level of a state, or -1 when not computed yet. */
  int cachedSliceLevel(int state) {
    return sliceLevel[state];
  }

  synchronized void rememberSliceLevel(int state, int level) {
    sliceLevel[state] = (byte) level;
  }

  /*
   * Slice containment is proven per member lexeme, not on the combined state: if one member's
   * own DFA stays alive on every string of the slice, so does the combined state. Member DFA
   * states are shared by every combined state holding them (the JSON string lexeme after its
   * opening quote is one state for all string values of a schema), so the proof is cached per
   * (lexeme regex, state) and a new combined state costs a few map lookups. Proving it on combined
   * states instead built combined states for every key prefix the search touched.
   *
   * The cache is keyed by the Regex object, not by this lexer: grammars that share a Regex (the
   * JSON Schema compiler shares them between schemas) share its DFA, whose state numbers are
   * therefore the same, and so share the proofs too. The slices and budgets are fixed (Slices), so
   * a proof depends on nothing else. Weak keys: the proofs go with the last grammar using them.
   */
  private static final Map<Regex, Map<Integer, Integer>> MEMBER_LEVELS = new WeakHashMap<>();

  /** The bit set of slices some member of {@code state} covers on its own. */
  synchronized int sliceLevelOf(int state, RegexAutomaton[] slices, int[] budgets, int[] subsets) {
    int[] m = members[state];
    int bits = 0;
    for (int i = 0; i < m.length; i += 2) {
      Regex re = lexemes[m[i]].regex();
      Integer lv;
      synchronized (MEMBER_LEVELS) {
        lv = MEMBER_LEVELS.computeIfAbsent(re, k -> new HashMap<>()).get(m[i + 1]);
      }
      if (lv == null) {
        // a literal has one live byte per state, so it covers no slice (each starts with many
        // bytes); left out of the search, which also keeps its call sites on DFAs only
        RegexAutomaton a = automaton(m[i]);
        int b = a.isLiteral() ? 0 : memberLevel(a, m[i + 1], slices, budgets, subsets);
        lv = b;
        synchronized (MEMBER_LEVELS) {
          MEMBER_LEVELS.computeIfAbsent(re, k -> new HashMap<>()).put(m[i + 1], lv);
        }
      }
      bits |= lv;
    }
    return bits;
  }

  /*
   * The slices one member covers, largest slices first: covering a slice covers its subsets
   * (subsets[k]), and a slice not proven is not proven again inside a larger one. Inside an
   * unanchored pattern (a DFA tracking partial matches), C+ is proven within its small budget
   * while the counted C{1,30} ran out of its large one: the first mask paid the failed search
   * and then walked the C{1,30} trie for nothing.
   */
  private static int memberLevel(RegexAutomaton a, int state, RegexAutomaton[] slices, int[] budgets, int[] subsets) {
    Integer[] order = new Integer[slices.length];
    for (int k = 0; k < order.length; k++) order[k] = k;
    // larger languages first: more subsets
    Arrays.sort(order, (x, y) -> Integer.bitCount(subsets[y]) - Integer.bitCount(subsets[x]));
    int covered = 0;
    int failed = 0;
    for (int k : order) {
      if ((covered & (1 << k)) != 0) continue;
      if ((subsets[k] & failed) != 0) continue; // a subset was not proven: neither is this
      if (memberContains(a, state, slices[k], budgets[k])) covered |= subsets[k];
      else failed |= 1 << k;
    }
    return covered;
  }

  /**
   * Whether every prefix of every string the slice automaton accepts keeps {@code dfa} alive from
   * {@code state}: breadth first over (dfa state, slice state) pairs, at most {@code budget}.
   */
  private static boolean memberContains(RegexAutomaton dfa, int state, RegexAutomaton slice, int budget) {
    LongSet seen = new LongSet();
    long[] queue = new long[16];
    int head = 0;
    int tail = 0;
    long first = ((long) state << 32) | slice.start();
    seen.add(first);
    queue[tail++] = first;
    while (head < tail) {
      long p = queue[head++];
      int ds = (int) (p >>> 32);
      int ss = (int) p;
      for (int b = 0; b < 256; b++) {
        int ss2 = slice.step(ss, b);
        if (ss2 == RegexAutomaton.DEAD) continue;
        int ds2 = dfa.step(ds, b);
        if (ds2 == RegexAutomaton.DEAD) return false;
        long key = ((long) ds2 << 32) | ss2;
        if (seen.add(key)) {
          if (seen.size() > budget) return false;
          if (tail == queue.length) queue = Arrays.copyOf(queue, tail * 2);
          queue[tail++] = key;
        }
      }
    }
    return true;
  }

  /** A set of non-negative longs by open addressing (the containment search's seen set). */
  private static final class LongSet {
    private long[] keys = new long[64];
    private int size;

    LongSet() {
      Arrays.fill(keys, -1L);
    }

    int size() {
      return size;
    }

    /** Adds {@code key} (>= 0); whether it was new. */
    boolean add(long key) {
      int mask = keys.length - 1;
      long h = key * 0x9E3779B97F4A7C15L;
      int i = (int) (h ^ (h >>> 32)) & mask;
      while (keys[i] != -1L) {
        if (keys[i] == key) return false;
        i = (i + 1) & mask;
      }
      keys[i] = key;
      if (++size * 2 > keys.length) {
        long[] old = keys;
        keys = new long[old.length * 2];
        Arrays.fill(keys, -1L);
        size = 0;
        for (long k : old) if (k != -1L) add(k);
      }
      return true;
    }
  }

  private record Key(int[] a) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(a, k.a);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(a);
    }
  }
}
