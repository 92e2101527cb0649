package dev.ananke.tokens.earley;

import dev.ananke.core.error.BadInputException;
import dev.ananke.tokens.RegexAutomaton;
import dev.ananke.tokens.grammar.Lexeme;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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

  int step(int state, int b) {
    int t = trans[(state << 8) | b];
    return t >= 0 ? t : slowStep(state, b);
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
    int[][] next = new int[256][];
    Map<Key, Integer> local = new HashMap<>();
    int[] row = new int[256];
    for (int x = 0; x < 256; x++) {
      int[] v = new int[m.length];
      int k = 0;
      for (int i = 0; i < pairs; i++) {
        int s = automaton(m[2 * i]).step(m[2 * i + 1], x);
        if (s != RegexAutomaton.DEAD) {
          v[k++] = m[2 * i];
          v[k++] = s;
        }
      }
      if (k == 0) {
        row[x] = DEAD;
        continue;
      }
      Key key = new Key(k == v.length ? v : Arrays.copyOf(v, k));
      Integer target = local.get(key);
      if (target == null) {
        target = intern(key.a());
        local.put(key, target);
      }
      row[x] = target;
    }
    int[] table = trans; // intern may have grown it
    System.arraycopy(row, 0, table, state << 8, 256);
    return row[b];
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
      Arrays.fill(sl, s, cap, (byte) -1);
      int[] t = Arrays.copyOf(trans, cap * 256);
      Arrays.fill(t, s * 256, cap * 256, -1);
      accepts = acc;
      sliceLevel = sl;
      trans = t;
    }
    members[s] = pairs;
    int n = 0;
    for (int i = 0; i < pairs.length; i += 2) if (automaton(pairs[i]).isAccepting(pairs[i + 1])) n++;
    int[] acc = new int[n];
    n = 0;
    for (int i = 0; i < pairs.length; i += 2) if (automaton(pairs[i]).isAccepting(pairs[i + 1])) acc[n++] = pairs[i];
    accepts[s] = acc;
    ids.put(key, s);
    return s;
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
   * (lexeme, state) and a new combined state costs a few map lookups. Proving it on combined
   * states instead built combined states for every key prefix the search touched.
   */
  private final Map<Long, Integer> memberLevels = new HashMap<>();

  /** The highest slice level any member of {@code state} proves. */
  synchronized int sliceLevelOf(int state, RegexAutomaton[] slices, int[] budgets) {
    int[] m = members[state];
    int best = 0;
    for (int i = 0; i < m.length && best < slices.length; i += 2) {
      long key = ((long) m[i] << 32) | m[i + 1];
      Integer lv = memberLevels.get(key);
      if (lv == null) {
        int level = 0;
        while (level < slices.length && memberContains(automaton(m[i]), m[i + 1], slices[level], budgets[level])) level++;
        memberLevels.put(key, lv = level);
      }
      best = Math.max(best, lv);
    }
    return best;
  }

  /**
   * Whether every prefix of every string the slice automaton accepts keeps {@code dfa} alive from
   * {@code state}: breadth first over (dfa state, slice state) pairs, at most {@code budget}.
   */
  private static boolean memberContains(RegexAutomaton dfa, int state, RegexAutomaton slice, int budget) {
    Map<Long, Boolean> seen = new HashMap<>();
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    int s0 = slice.start();
    seen.put(((long) state << 32) | s0, Boolean.TRUE);
    queue.add(new long[] {state, s0});
    while (!queue.isEmpty()) {
      long[] p = queue.poll();
      int ds = (int) p[0];
      int ss = (int) p[1];
      for (int b = 0; b < 256; b++) {
        int ss2 = slice.step(ss, b);
        if (ss2 == RegexAutomaton.DEAD) continue;
        int ds2 = dfa.step(ds, b);
        if (ds2 == RegexAutomaton.DEAD) return false;
        long key = ((long) ds2 << 32) | ss2;
        if (seen.putIfAbsent(key, Boolean.TRUE) == null) {
          if (seen.size() > budget) return false;
          queue.add(new long[] {ds2, ss2});
        }
      }
    }
    return true;
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
