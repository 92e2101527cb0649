package dev.ananke.tokens.grammar;

import java.util.List;

/**
 * A grammar expression: what a rule's right-hand side is made of. The Lark and GBNF front ends
 * and the JSON Schema compiler all produce these; the Earley engine lowers them to flat
 * productions (a repetition or a nested alternation becomes a fresh nonterminal).
 */
public sealed interface Expr {
  /** Concatenation; empty is the empty string. */
  record Seq(List<Expr> items) implements Expr {
    public Seq {
      items = List.copyOf(items);
    }
  }

  /** Alternation; must have at least one option. */
  record Alt(List<Expr> options) implements Expr {
    public Alt {
      options = List.copyOf(options);
      if (options.isEmpty()) throw new IllegalArgumentException("an alternation needs an option");
    }
  }

  /** {@code body{min,max}}; {@code max == -1} is unbounded. */
  record Repeat(Expr body, int min, int max) implements Expr {
    public Repeat {
      if (min < 0 || (max != -1 && max < min)) {
        throw new IllegalArgumentException("bad repetition {" + min + "," + max + "}");
      }
    }
  }

  /** A reference to a rule by name. */
  record Ref(String rule) implements Expr {}

  /** A lexeme (terminal) of the lexer. */
  record Terminal(Lexeme lexeme) implements Expr {}

  Expr EMPTY = new Seq(List.of());

  static Expr seq(Expr... items) {
    return items.length == 1 ? items[0] : new Seq(List.of(items));
  }

  static Expr alt(List<Expr> options) {
    return options.size() == 1 ? options.getFirst() : new Alt(options);
  }

  static Expr optional(Expr body) {
    return new Repeat(body, 0, 1);
  }

  static Expr star(Expr body) {
    return new Repeat(body, 0, -1);
  }
}
