package dev.ananke.braid.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Identifiers except a finite set of words, as a plain regex (no complement operator, which
 * GBNF lacks): the words' trie is unfolded so that every path either leaves the trie or goes on
 * past a word's end. {@code eval} excluded still allows {@code evaluate} and {@code ev}.
 */
final class Words {
  private Words() {}

  static Rx identifierExcept(Chars start, Chars cont, Set<String> words) {
    Node root = new Node();
    for (String w : words) {
      if (w.isEmpty() || !start.contains(w.codePointAt(0)) || !w.codePoints().skip(1).allMatch(cont::contains)) {
        continue; // not an identifier of this language: nothing to exclude
      }
      Node n = root;
      for (int cp : w.codePoints().toArray()) n = n.children.computeIfAbsent(cp, k -> new Node());
      n.word = true;
    }
    return below(root, start, cont, true);
  }

  private static Rx below(Node node, Chars first, Chars cont, boolean root) {
    List<Rx> options = new ArrayList<>();
    Chars branching = Chars.NONE;
    for (int cp : node.children.keySet()) branching = branching.union(Chars.range(cp, cp));
    Chars other = first.minus(branching);
    if (!other.isEmpty()) options.add(Rx.seq(Rx.cls(other), Rx.star(Rx.cls(cont))));
    node.children.forEach((cp, child) -> options.add(Rx.seq(Rx.lit(Character.toString(cp)), below(child, cont, cont, false))));
    Rx rx = Rx.alt(options);
    // a prefix of an excluded word that is not itself excluded is an identifier too
    return !root && !node.word ? Rx.opt(rx) : rx;
  }

  private static final class Node {
    final TreeMap<Integer, Node> children = new TreeMap<>();
    boolean word;
  }
}
