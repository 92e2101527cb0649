package dev.ananke.tokens;

import dev.ananke.core.error.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/*
 * Hash-consed regular expressions over bytes with Brzozowski derivatives, in the style of
 * derivre (llguidance's regex crate). Every expression is an int; structurally equal expressions
 * get the same int, and the smart constructors normalise enough (flattened, sorted, deduplicated
 * unions and intersections; right-nested concatenation; ∅ and ε absorbed) that the derivatives
 * of a regex are finitely many distinct ints: they are the DFA's states.
 *
 *   d(b, ∅) = d(b, ε) = ∅              d(b, S) = ε if b ∈ S else ∅
 *   d(b, r s) = d(b, r) s | (ν(r) ? d(b, s) : ∅)
 *   d(b, r*) = d(b, r) r*              d(b, r|s) = d(b,r) | d(b,s)
 *   d(b, r&s) = d(b,r) & d(b,s)        d(b, ¬r) = ¬d(b, r)
 *
 * Intersection and complement are first-class, which is what Braid's conflict checks need.
 * Not thread-safe: the lazy DFA that owns a pool only touches it under its lock.
 */
final class ExprPool {
  static final int NOTHING = 0;
  static final int EPSILON = 1;
  /** ¬∅: every byte string. */
  static final int ANY = 2;

  private static final byte K_NOTHING = 0, K_EPS = 1, K_BYTES = 2, K_CONCAT = 3, K_OR = 4,
      K_AND = 5, K_NOT = 6, K_STAR = 7;

  private record Key(byte kind, int[] args, long[] set) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.kind == kind && Arrays.equals(k.args, args) && Arrays.equals(k.set, set);
    }

    @Override
    public int hashCode() {
      return (kind * 31 + Arrays.hashCode(args)) * 31 + Arrays.hashCode(set);
    }
  }

  private static final int[] NO_ARGS = new int[0];
  private static final long[] NO_SET = new long[0];

  private final int maxNodes;
  private final String owner;
  private final Map<Key, Integer> interned = new HashMap<>();
  private final LongIntMap derivatives = new LongIntMap();
  private byte[] kind = new byte[64];
  private int[][] args = new int[64][];
  private long[][] sets = new long[64][];
  private boolean[] nullable = new boolean[64];
  /** Whether the expression contains & or ¬ (then non-∅ does not imply non-empty). */
  private boolean[] boolOps = new boolean[64];
  /** Scratch for byteClasses: visited[e] == visit when e was seen in the current traversal. */
  private int[] visited = new int[64];
  private int visit;
  private final List<long[]> leaves = new ArrayList<>();
  private int count;

  ExprPool(int maxNodes, String owner) {
    this.maxNodes = maxNodes;
    this.owner = owner;
    intern(K_NOTHING, NO_ARGS, NO_SET, false, false);
    intern(K_EPS, NO_ARGS, NO_SET, true, false);
    intern(K_NOT, new int[] {NOTHING}, NO_SET, true, true);
  }

  int size() {
    return count;
  }

  boolean nullable(int e) {
    return nullable[e];
  }

  boolean hasBooleanOps(int e) {
    return boolOps[e];
  }

  private int intern(byte k, int[] a, long[] s, boolean nul, boolean bool) {
    Key key = new Key(k, a, s);
    Integer id = interned.get(key);
    if (id != null) return id;
    if (count >= maxNodes) {
      throw new BadInputException("regex " + owner,
          "too complex: building its automaton needs more than " + maxNodes + " expressions");
    }
    if (count == kind.length) {
      int n = count * 2;
      kind = Arrays.copyOf(kind, n);
      args = Arrays.copyOf(args, n);
      sets = Arrays.copyOf(sets, n);
      nullable = Arrays.copyOf(nullable, n);
      boolOps = Arrays.copyOf(boolOps, n);
      visited = Arrays.copyOf(visited, n);
    }
    int e = count++;
    kind[e] = k;
    args[e] = a;
    sets[e] = s;
    nullable[e] = nul;
    boolOps[e] = bool;
    interned.put(key, e);
    return e;
  }

  // ---- construction from the parsed tree ----

  int build(RegexNode node) {
    return switch (node) {
      case RegexNode.Bytes b -> bytes(b.words());
      case RegexNode.Seq s -> {
        int e = EPSILON;
        for (int i = s.items().size() - 1; i >= 0; i--) e = concat(build(s.items().get(i)), e);
        yield e;
      }
      case RegexNode.Alt a -> {
        int[] xs = new int[a.options().size()];
        for (int i = 0; i < xs.length; i++) xs[i] = build(a.options().get(i));
        yield or(xs);
      }
      case RegexNode.Repeat r -> repeat(build(r.body()), r.min(), r.max());
      case RegexNode.And a -> and(new int[] {build(a.left()), build(a.right())});
      case RegexNode.Not n -> not(build(n.body()));
    };
  }

  /** e{min,max} as e e ... (e (e ...)?)?: nested optionals keep the derivatives small. */
  private int repeat(int e, int min, int max) {
    int tail;
    if (max < 0) {
      tail = star(e);
    } else {
      tail = EPSILON;
      for (int i = 0; i < max - min; i++) tail = or(new int[] {EPSILON, concat(e, tail)});
    }
    for (int i = 0; i < min; i++) tail = concat(e, tail);
    return tail;
  }

  // ---- smart constructors ----

  int bytes(long[] w) {
    if ((w[0] | w[1] | w[2] | w[3]) == 0) return NOTHING;
    return intern(K_BYTES, NO_ARGS, w.clone(), false, false);
  }

  int concat(int a, int b) {
    if (a == NOTHING || b == NOTHING) return NOTHING;
    if (a == EPSILON) return b;
    if (b == EPSILON) return a;
    if (kind[a] == K_CONCAT) return concat(args[a][0], concat(args[a][1], b));
    return intern(K_CONCAT, new int[] {a, b}, NO_SET, nullable[a] && nullable[b], boolOps[a] || boolOps[b]);
  }

  int star(int a) {
    if (a == NOTHING || a == EPSILON) return EPSILON;
    if (kind[a] == K_STAR) return a;
    return intern(K_STAR, new int[] {a}, NO_SET, true, boolOps[a]);
  }

  int not(int a) {
    if (kind[a] == K_NOT) return args[a][0];
    return intern(K_NOT, new int[] {a}, NO_SET, !nullable[a], true);
  }

  int or(int[] xs) {
    List<Integer> flat = new ArrayList<>();
    long[] merged = null;
    for (int x : xs) {
      if (kind[x] == K_OR) {
        for (int y : args[x]) flat.add(y);
      } else {
        flat.add(x);
      }
    }
    List<Integer> keep = new ArrayList<>();
    for (int x : flat) {
      if (x == ANY) return ANY;
      if (x == NOTHING) continue;
      if (kind[x] == K_BYTES) {
        if (merged == null) merged = new long[4];
        for (int i = 0; i < 4; i++) merged[i] |= sets[x][i];
      } else {
        keep.add(x);
      }
    }
    if (merged != null) keep.add(bytes(merged));
    return combine(K_OR, keep);
  }

  int and(int[] xs) {
    List<Integer> flat = new ArrayList<>();
    for (int x : xs) {
      if (kind[x] == K_AND) {
        for (int y : args[x]) flat.add(y);
      } else {
        flat.add(x);
      }
    }
    List<Integer> keep = new ArrayList<>();
    long[] common = null;
    boolean onlyBytesOrEps = true;
    for (int x : flat) {
      if (x == NOTHING) return NOTHING;
      if (x == ANY) continue;
      if (kind[x] == K_BYTES) {
        if (common == null) common = sets[x].clone();
        else for (int i = 0; i < 4; i++) common[i] &= sets[x][i];
      } else {
        keep.add(x);
      }
    }
    if (common != null) {
      // a single byte and anything else: the byte set, kept as its own conjunct
      int b = bytes(common);
      if (b == NOTHING) return NOTHING;
      keep.add(b);
    }
    if (keep.isEmpty()) return ANY;
    // ε & r is ε when r is nullable, else ∅
    if (keep.contains(EPSILON)) {
      for (int x : keep) if (!nullable[x]) return NOTHING;
      return EPSILON;
    }
    return combine(K_AND, keep);
  }

  private int combine(byte k, List<Integer> xs) {
    int[] a = xs.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    if (a.length == 0) return k == K_OR ? NOTHING : ANY;
    if (a.length == 1) return a[0];
    boolean nul = k == K_AND;
    boolean bool = k == K_AND;
    for (int x : a) {
      nul = k == K_OR ? nul || nullable[x] : nul && nullable[x];
      bool |= boolOps[x];
    }
    return intern(k, a, NO_SET, nul, bool);
  }

  // ---- derivatives ----

  /** The derivative of {@code e} by byte {@code b}: what must follow once {@code b} is read. */
  int derivative(int e, int b) {
    byte k = kind[e];
    if (k == K_NOTHING || k == K_EPS) return NOTHING;
    if (k == K_BYTES) return (sets[e][b >>> 6] & (1L << b)) != 0 ? EPSILON : NOTHING;
    long key = ((long) e << 8) | b;
    int memo = derivatives.get(key);
    if (memo != LongIntMap.MISSING) return memo;
    int[] a = args[e];
    int d = switch (k) {
      case K_CONCAT -> {
        int head = concat(derivative(a[0], b), a[1]);
        yield nullable[a[0]] ? or(new int[] {head, derivative(a[1], b)}) : head;
      }
      case K_STAR -> concat(derivative(a[0], b), e);
      case K_NOT -> not(derivative(a[0], b));
      case K_OR, K_AND -> {
        int[] ds = new int[a.length];
        for (int i = 0; i < a.length; i++) ds[i] = derivative(a[i], b);
        yield k == K_OR ? or(ds) : and(ds);
      }
      default -> throw new AssertionError(k);
    };
    derivatives.put(key, d);
    return d;
  }

  /**
   * Partition of the 256 bytes into classes with equal derivatives: bytes that every byte set
   * the derivative of {@code e} looks at treats alike. Only the sets the derivative can reach
   * count (the head of a concatenation, and its tail only when the head is nullable), not every
   * set in the expression, so a state inside a long literal or a big alternation has few
   * classes. {@code classOf[b]} is the class; classes are numbered from 0 in order of their
   * smallest byte.
   */
  byte[] byteClasses(int e) {
    leaves.clear();
    if (++visit == Integer.MAX_VALUE) {
      Arrays.fill(visited, 0);
      visit = 1;
    }
    collectHeads(e);
    // refine the partition by each set, touching only its members: a class some members of the
    // set are in moves them to a fresh class id (ids are compacted at the end)
    int[] cls = new int[256];
    int next = 1;
    int[] remap = scratchRemap;
    int[] stamp = scratchStamp;
    for (int li = 0; li < leaves.size(); li++) {
      long[] s = leaves.get(li);
      int mark = li + 1;
      for (int w = 0; w < 4; w++) {
        long bits = s[w];
        while (bits != 0) {
          int b = (w << 6) | Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          int c = cls[b];
          if (stamp[c] != mark) {
            stamp[c] = mark;
            if (next == remap.length) {
              remap = scratchRemap = Arrays.copyOf(remap, next * 2);
              stamp = scratchStamp = Arrays.copyOf(stamp, next * 2);
            }
            stamp[next] = 0;
            remap[c] = next++;
          }
          cls[b] = remap[c];
        }
      }
    }
    int[] dense = scratchDense.length >= next ? scratchDense : (scratchDense = new int[next]);
    Arrays.fill(dense, 0, next, -1);
    byte[] out = new byte[256];
    int n = 0;
    for (int b = 0; b < 256; b++) {
      int c = cls[b];
      if (dense[c] < 0) dense[c] = n++;
      out[b] = (byte) dense[c];
    }
    Arrays.fill(stamp, 0, Math.min(stamp.length, next), 0);
    return out;
  }

  private int[] scratchRemap = new int[512];
  private int[] scratchStamp = new int[512];
  private int[] scratchDense = new int[512];

  /** The byte sets derivative(e, b) reads, as its recursion would visit them. */
  private void collectHeads(int e) {
    while (true) {
      if (visited[e] == visit) return;
      visited[e] = visit;
      byte k = kind[e];
      switch (k) {
        case K_NOTHING, K_EPS -> {
          return;
        }
        case K_BYTES -> {
          leaves.add(sets[e]);
          return;
        }
        case K_CONCAT -> {
          int[] a = args[e];
          if (!nullable[a[0]]) {
            e = a[0];
            continue;
          }
          collectHeads(a[0]);
          e = a[1];
        }
        case K_STAR, K_NOT -> e = args[e][0];
        default -> {
          int[] a = args[e];
          for (int i = 0; i < a.length - 1; i++) collectHeads(a[i]);
          e = a[a.length - 1];
        }
      }
    }
  }
}
