package dev.ananke.braid.emit;

import java.util.List;

/** The right-hand side of a rule of a {@link CodeGrammar}. */
sealed interface Sym {
  /** A terminal (lexeme) of the grammar, by name. */
  record Term(String name) implements Sym {}

  /** Exact text, its own anonymous lexeme. */
  record Lit(String text) implements Sym {}

  /** A rule, by name. */
  record Ref(String name) implements Sym {}

  record Seq(List<Sym> items) implements Sym {}

  record Alt(List<Sym> options) implements Sym {}

  /** {@code max < 0}: unbounded. */
  record Rep(Sym body, int min, int max) implements Sym {}

  /** The empty sequence. */
  Sym EMPTY = new Seq(List.of());

  static Sym term(String name) {
    return new Term(name);
  }

  static Sym lit(String text) {
    return new Lit(text);
  }

  static Sym ref(String name) {
    return new Ref(name);
  }

  static Sym seq(Sym... items) {
    return items.length == 1 ? items[0] : new Seq(List.of(items));
  }

  static Sym alt(List<Sym> options) {
    return options.size() == 1 ? options.getFirst() : new Alt(List.copyOf(options));
  }

  static Sym alt(Sym... options) {
    return alt(List.of(options));
  }

  static Sym star(Sym body) {
    return new Rep(body, 0, -1);
  }

  static Sym opt(Sym body) {
    return new Rep(body, 0, 1);
  }
}
