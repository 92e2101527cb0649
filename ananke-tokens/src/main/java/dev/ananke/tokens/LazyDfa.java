package dev.ananke.tokens;

import dev.ananke.core.error.BadInputException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/*
 * The DFA of a regex, built one transition at a time. A state is a derivative expression of the
 * pool; state 0 is the dead state (∅, or any expression that can no longer reach a match).
 *
 * Hot path: step() is one load from a flat int table, trans[state * 256 + byte], where -1 means
 * "not computed yet". A miss takes the lock, computes the derivative for the byte's equivalence
 * class (bytes every byte set in the state treats alike) and fills the whole class at once, so a
 * state costs one derivative per class, not per byte.
 *
 * Publication: the table only grows (copy, then volatile write), and entries only go from -1 to
 * their final value. A reader that got state t from some table got it from a table that already
 * had t's row, so indexing that same table with t stays in bounds; a reader that sees -1 in a
 * stale table just takes the slow path.
 */
final class LazyDfa {
  static final int DEAD = 0;
  static final int UNKNOWN = -1;

  private final ExprPool pool;
  private final int maxStates;
  private final String owner;
  /** stateOfExpr[e]: the state of expression e, or 0 when none (only ∅ is state 0). */
  private int[] stateOfExpr = new int[64];
  private final Map<Integer, Boolean> liveMemo = new HashMap<>();
  private final int start;
  private volatile int[] trans;
  private volatile boolean[] accepting;
  private int[] exprOf;
  private byte[][] classes;
  /** Per state: -2 unknown, -1 none, else the only byte with a live transition. */
  private int[] forced;
  private int states;

  LazyDfa(RegexNode regex, RegexLimits limits, String owner) {
    this.pool = new ExprPool(limits.maxExpressionNodes(), owner);
    this.maxStates = limits.maxDfaStates();
    this.owner = owner;
    int cap = 16;
    this.trans = new int[cap * 256];
    Arrays.fill(trans, UNKNOWN);
    this.accepting = new boolean[cap];
    this.exprOf = new int[cap];
    this.classes = new byte[cap][];
    this.forced = new int[cap];
    synchronized (this) {
      newState(ExprPool.NOTHING);
      Arrays.fill(trans, 0, 256, DEAD);
      int root = pool.build(regex);
      this.start = live(root) ? stateFor(root) : DEAD;
    }
  }

  int start() {
    return start;
  }

  /** The transition table; see the class comment for how readers may use a stale copy. */
  int[] table() {
    return trans;
  }

  int step(int state, int b) {
    int t = trans[(state << 8) | b];
    return t >= 0 ? t : slowStep(state, b);
  }

  boolean isAccepting(int state) {
    return accepting[state];
  }

  synchronized int stateCount() {
    return states;
  }

  synchronized int slowStep(int state, int b) {
    int[] table = trans;
    int t = table[(state << 8) | b];
    if (t >= 0) return t;
    byte[] cls = classesOf(state);
    int d = pool.derivative(exprOf[state], b);
    int target = live(d) ? stateFor(d) : DEAD;
    table = trans; // stateFor may have grown it
    int c = cls[b];
    int row = state << 8;
    for (int x = 0; x < 256; x++) if (cls[x] == c) table[row | x] = target;
    return target;
  }

  private byte[] classesOf(int state) {
    byte[] c = classes[state];
    if (c == null) classes[state] = c = pool.byteClasses(exprOf[state]);
    return c;
  }

  /** The only byte that leads anywhere from {@code state}, or -1 when there are none or several. */
  synchronized int forcedByte(int state) {
    if (forced[state] != -2) return forced[state];
    int only = -1;
    int count = 0;
    for (int b = 0; b < 256 && count < 2; b++) {
      if (step(state, b) != DEAD) {
        only = b;
        count++;
      }
    }
    forced[state] = count == 1 ? only : -1;
    return forced[state];
  }

  /** Whether any byte leads to a live state. */
  synchronized boolean hasContinuation(int state) {
    if (state == DEAD) return false;
    for (int b = 0; b < 256; b++) if (step(state, b) != DEAD) return true;
    return false;
  }

  private int stateFor(int expr) {
    int s = expr < stateOfExpr.length ? stateOfExpr[expr] : 0;
    return s != 0 || expr == ExprPool.NOTHING ? s : newState(expr);
  }

  private int newState(int expr) {
    if (states >= maxStates) {
      throw new BadInputException("regex " + owner,
          "its DFA would need more than " + maxStates + " states (raise RegexLimits.maxDfaStates,"
              + " or simplify the pattern: counted repetitions of alternatives multiply states)");
    }
    int s = states;
    if (s == exprOf.length) {
      int cap = s * 2;
      int[] t = Arrays.copyOf(trans, cap * 256);
      Arrays.fill(t, s * 256, cap * 256, UNKNOWN);
      exprOf = Arrays.copyOf(exprOf, cap);
      classes = Arrays.copyOf(classes, cap);
      forced = Arrays.copyOf(forced, cap);
      accepting = Arrays.copyOf(accepting, cap);
      trans = t;
    }
    exprOf[s] = expr;
    forced[s] = -2;
    accepting[s] = pool.nullable(expr);
    if (expr >= stateOfExpr.length) stateOfExpr = Arrays.copyOf(stateOfExpr, Math.max(expr + 1, stateOfExpr.length * 2));
    stateOfExpr[expr] = s;
    states++;
    return s;
  }

  /** Whether some string takes {@code expr} to a match. */
  private boolean live(int expr) {
    if (expr == ExprPool.NOTHING) return false;
    if (!pool.hasBooleanOps(expr)) return true; // without & and ¬, only ∅ is empty
    Boolean memo = liveMemo.get(expr);
    if (memo != null) return memo;
    boolean found = shortestPath(expr, true) != null;
    liveMemo.put(expr, found);
    return found;
  }

  /*
   * What a search learns beyond its start: when it finds a match, every expression on the path
   * to it is live; when it finds none, every expression it reached is dead. Remembering both
   * spares the searches of later states (the derivatives of a state are often on its path).
   */
  private void learn(Map<Integer, long[]> parent, int end, boolean found) {
    if (!found) {
      for (int e : parent.keySet()) liveMemo.put(e, Boolean.FALSE);
      return;
    }
    for (long[] p = parent.get(end); ; p = parent.get((int) p[0])) {
      if (p == null) break;
      liveMemo.put((int) p[0], Boolean.TRUE);
    }
    liveMemo.put(end, Boolean.TRUE);
  }

  /** Breadth-first search over derivatives for the shortest string that matches; null if none. */
  private byte[] shortestPath(int from, boolean anyPath) {
    Map<Integer, long[]> parent = new HashMap<>(); // expr -> {previous expr, byte}
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    parent.put(from, null);
    queue.add(from);
    while (!queue.isEmpty()) {
      int e = queue.poll();
      if (pool.nullable(e)) {
        learn(parent, e, true);
        return path(parent, e);
      }
      byte[] cls = pool.byteClasses(e);
      boolean[] done = new boolean[256];
      for (int b = 0; b < 256; b++) {
        int c = cls[b] & 0xFF;
        if (done[c]) continue;
        done[c] = true;
        int d = pool.derivative(e, b);
        if (d == ExprPool.NOTHING || parent.containsKey(d)) continue;
        Boolean known = liveMemo.get(d);
        if (known == Boolean.FALSE) continue;
        if (anyPath && (known == Boolean.TRUE || !pool.hasBooleanOps(d))) {
          // some match lies beyond d: e and everything on the path to it are live
          learn(parent, e, true);
          return new byte[0]; // not the path: callers that asked for anyPath only test for null
        }
        if (parent.size() >= maxStates) {
          throw new BadInputException("regex " + owner,
              "checking whether it can match explores more than " + maxStates + " states");
        }
        parent.put(d, new long[] {e, b});
        queue.add(d);
      }
    }
    learn(parent, -1, false);
    return null;
  }

  private static byte[] path(Map<Integer, long[]> parent, int end) {
    java.io.ByteArrayOutputStream rev = new java.io.ByteArrayOutputStream();
    long[] p = parent.get(end);
    while (p != null) {
      rev.write((int) p[1]);
      p = parent.get((int) p[0]);
    }
    byte[] r = rev.toByteArray();
    for (int i = 0, j = r.length - 1; i < j; i++, j--) {
      byte t = r[i];
      r[i] = r[j];
      r[j] = t;
    }
    return r;
  }

  /** The shortest matching byte string (by length, then by byte order of the search). */
  synchronized Optional<byte[]> shortestMatch() {
    if (start == DEAD) return Optional.empty();
    return Optional.ofNullable(shortestPath(exprOf[start], false));
  }
}
