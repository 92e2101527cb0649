package dev.ananke.braid.emit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Sequences of items as left-recursive rules generated from a small automaton over what the
 * previous item ended with. The automaton forbids what would let a grammar be bypassed:
 *
 * <ul>
 *   <li>a word right after a word (GBNF, having no lexer, could otherwise read {@code const} as
 *       {@code con}+{@code st} and dodge a keyword rule; Lark's greedy lexer never produces it);
 *   <li>with {@code colonEq}, {@code =} right after {@code :}, so that Go's {@code :=} is only
 *       reachable through a short declaration whose names were checked;
 *   <li>with {@code pythonAssign}, a bare identifier at the start of a line followed by {@code =}
 *       (not {@code ==}), so that Python assignments go through the checked assignment item.
 * </ul>
 *
 * Rules are left-recursive ({@code s_2: s_1 item | s_2 item | item}), which Earley parsers (ours
 * and llguidance's) handle in linear time, where right recursion would cost quadratic time.
 */
final class ItemSequences {
  private static final int START = 0;
  private static final int WORD = 1;
  private static final int COLON = 2;
  private static final int OTHER = 3;
  private static final int LEAD_IDENT = 4;
  private static final int LEAD_IDENT_SPACE = 5;
  private static final int LEAD_EQ = 6;
  private static final int TYPE_PREFIX = 7;
  private static final int COMMA = 8;
  private static final int STATES = 9;

  private ItemSequences() {}

  /**
   * Defines rule {@code name} (one or more items) in {@code g} and returns a symbol for zero or
   * more of them.
   */
  static Sym define(CodeGrammar g, String name, List<Item> items, boolean colonEq, boolean pythonAssign) {
    int[][] next = new int[STATES][items.size()];
    for (int s = 0; s < STATES; s++) {
      for (int i = 0; i < items.size(); i++) next[s][i] = step(s, items.get(i), colonEq, pythonAssign);
    }
    BitSet reachable = new BitSet();
    reachable.set(START);
    for (boolean grew = true; grew; ) {
      grew = false;
      for (int s = reachable.nextSetBit(0); s >= 0; s = reachable.nextSetBit(s + 1)) {
        for (int i = 0; i < items.size(); i++) {
          int t = next[s][i];
          if (t >= 0 && !reachable.get(t)) {
            reachable.set(t);
            grew = true;
          }
        }
      }
    }
    List<Sym> ends = new ArrayList<>();
    for (int t = 1; t < STATES; t++) {
      if (!reachable.get(t)) continue;
      List<Sym> options = new ArrayList<>();
      for (int s = reachable.nextSetBit(0); s >= 0; s = reachable.nextSetBit(s + 1)) {
        for (int i = 0; i < items.size(); i++) {
          if (next[s][i] != t) continue;
          Sym item = items.get(i).body();
          options.add(s == START ? item : Sym.seq(Sym.ref(stateRule(name, s)), item));
        }
      }
      if (options.isEmpty()) continue;
      g.rule(stateRule(name, t), Sym.alt(options));
      if (t != LEAD_EQ) ends.add(Sym.ref(stateRule(name, t)));
    }
    g.rule(name, Sym.alt(ends));
    return Sym.opt(Sym.ref(name));
  }

  private static String stateRule(String name, int state) {
    return name + "_" + state;
  }

  private static int step(int s, Item item, boolean colonEq, boolean pythonAssign) {
    Item.Edge first = item.first();
    if (s == LEAD_EQ) return first == Item.Edge.EQ && item.role() == Item.Role.PLAIN ? OTHER : -1;
    if ((s == WORD || s == LEAD_IDENT) && first == Item.Edge.WORD) return -1;
    if (colonEq && s == COLON && first == Item.Edge.EQ) return -1;
    if (item.role() == Item.Role.ASSIGNMENT && s != START) return -1;
    if (item.role() == Item.Role.QUALIFIER && s != TYPE_PREFIX) return -1;
    if (item.role() == Item.Role.NAME_LIST && s == COMMA) return -1;
    if (s == COMMA && item.role() == Item.Role.SPACE) return COMMA;
    if (pythonAssign) {
      if (s == START && item.role() == Item.Role.IDENT) return LEAD_IDENT;
      if (s == START && item.role() == Item.Role.SPACE) return START;
      if ((s == LEAD_IDENT || s == LEAD_IDENT_SPACE) && item.role() == Item.Role.SPACE) return LEAD_IDENT_SPACE;
      if ((s == LEAD_IDENT || s == LEAD_IDENT_SPACE) && first == Item.Edge.EQ) return LEAD_EQ;
    }
    return switch (item.last()) {
      case WORD -> WORD;
      case COLON -> COLON;
      case TYPE_PREFIX -> TYPE_PREFIX;
      case COMMA -> COMMA;
      case EQ, OTHER -> OTHER;
    };
  }
}
