package dev.ananke.tokens;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * An independent reference for prefix questions: a Thompson NFA over bytes built from the parsed
 * tree (no derivatives, no DFA, no trie). "Some continuation of p matches" is decided exactly:
 * after reading p, some reachable NFA state can still reach the accepting state.
 */
final class NfaOracle {
  private final List<long[]> byteSets = new ArrayList<>(); // per state: bytes of its one edge, or null
  private final List<Integer> byteTarget = new ArrayList<>();
  private final List<List<Integer>> eps = new ArrayList<>();
  private final int start;
  private final int accept;
  private final BitSet coReachable;

  NfaOracle(String pattern) {
    RegexNode tree = RegexParser.parse(pattern, RegexLimits.DEFAULT);
    int[] frag = build(tree);
    start = frag[0];
    accept = frag[1];
    coReachable = coReach();
  }

  private int newState() {
    byteSets.add(null);
    byteTarget.add(-1);
    eps.add(new ArrayList<>());
    return eps.size() - 1;
  }

  /** Returns {start, end}. */
  private int[] build(RegexNode n) {
    switch (n) {
      case RegexNode.Bytes b -> {
        int s = newState();
        int e = newState();
        byteSets.set(s, b.words());
        byteTarget.set(s, e);
        return new int[] {s, e};
      }
      case RegexNode.Seq seq -> {
        int s = newState();
        int cur = s;
        for (RegexNode item : seq.items()) {
          int[] f = build(item);
          eps.get(cur).add(f[0]);
          cur = f[1];
        }
        return new int[] {s, cur};
      }
      case RegexNode.Alt alt -> {
        int s = newState();
        int e = newState();
        for (RegexNode o : alt.options()) {
          int[] f = build(o);
          eps.get(s).add(f[0]);
          eps.get(f[1]).add(e);
        }
        return new int[] {s, e};
      }
      case RegexNode.Repeat r -> {
        int s = newState();
        int cur = s;
        for (int i = 0; i < r.min(); i++) {
          int[] f = build(r.body());
          eps.get(cur).add(f[0]);
          cur = f[1];
        }
        int e = newState();
        eps.get(cur).add(e);
        if (r.max() < 0) {
          int[] f = build(r.body());
          eps.get(cur).add(f[0]);
          eps.get(f[1]).add(cur);
        } else {
          for (int i = r.min(); i < r.max(); i++) {
            int[] f = build(r.body());
            eps.get(cur).add(f[0]);
            cur = f[1];
            eps.get(cur).add(e);
          }
        }
        return new int[] {s, e};
      }
      case RegexNode.And a -> throw new UnsupportedOperationException("oracle has no intersection");
      case RegexNode.Not x -> throw new UnsupportedOperationException("oracle has no complement");
    }
  }

  private BitSet coReach() {
    int n = eps.size();
    BitSet co = new BitSet(n);
    co.set(accept);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int s = 0; s < n; s++) {
        if (co.get(s)) continue;
        boolean reach = false;
        for (int t : eps.get(s)) reach |= co.get(t);
        long[] set = byteSets.get(s);
        if (set != null && (set[0] | set[1] | set[2] | set[3]) != 0 && co.get(byteTarget.get(s))) reach = true;
        if (reach) {
          co.set(s);
          changed = true;
        }
      }
    }
    return co;
  }

  private BitSet closure(BitSet states) {
    BitSet out = (BitSet) states.clone();
    List<Integer> stack = new ArrayList<>();
    states.stream().forEach(stack::add);
    while (!stack.isEmpty()) {
      int s = stack.removeLast();
      for (int t : eps.get(s)) if (!out.get(t)) {
        out.set(t);
        stack.add(t);
      }
    }
    return out;
  }

  private BitSet run(byte[] input) {
    BitSet cur = new BitSet();
    cur.set(start);
    cur = closure(cur);
    for (byte x : input) {
      int b = x & 0xFF;
      BitSet next = new BitSet();
      for (int s = cur.nextSetBit(0); s >= 0; s = cur.nextSetBit(s + 1)) {
        long[] set = byteSets.get(s);
        if (set != null && (set[b >>> 6] & (1L << b)) != 0) next.set(byteTarget.get(s));
      }
      cur = closure(next);
    }
    return cur;
  }

  boolean matches(byte[] input) {
    return run(input).get(accept);
  }

  /** Whether some continuation of {@code prefix} matches. */
  boolean viablePrefix(byte[] prefix) {
    return run(prefix).intersects(coReachable);
  }
}
