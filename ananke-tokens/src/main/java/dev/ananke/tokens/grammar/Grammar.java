package dev.ananke.tokens.grammar;

import dev.ananke.core.error.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A context-free grammar over lexemes: named rules whose bodies are {@link Expr}s, a start rule,
 * and lexemes the lexer skips between any two others ({@code %ignore}). Immutable. Produced by
 * {@link #lark}, {@link #gbnf} and the JSON Schema compiler; turned into token masks by {@code
 * dev.ananke.tokens.earley.GrammarConstraint}.
 *
 * @param start the start rule
 * @param rules every rule by name, in definition order
 * @param ignore lexemes allowed (and skipped) before any lexeme
 */
public record Grammar(String start, Map<String, Expr> rules, List<Lexeme> ignore) {
  public Grammar {
    rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    ignore = List.copyOf(ignore);
    if (!rules.containsKey(start)) throw new IllegalArgumentException("no start rule '" + start + "'");
    for (var e : rules.entrySet()) checkRefs(e.getKey(), e.getValue(), rules);
  }

  private static void checkRefs(String owner, Expr e, Map<String, Expr> rules) {
    switch (e) {
      case Expr.Seq s -> s.items().forEach(x -> checkRefs(owner, x, rules));
      case Expr.Alt a -> a.options().forEach(x -> checkRefs(owner, x, rules));
      case Expr.Repeat r -> checkRefs(owner, r.body(), rules);
      case Expr.Ref r -> {
        if (!rules.containsKey(r.rule())) {
          throw new BadInputException("rule " + owner, "refers to undefined rule '" + r.rule() + "'");
        }
      }
      case Expr.Terminal t -> Objects.requireNonNull(t.lexeme());
    }
  }

  /**
   * Parses a grammar in the Lark dialect llguidance accepts.
   *
   * @throws BadInputException located at {@code line L, column C}
   */
  public static Grammar lark(String text) {
    return new LarkParser(text).parse();
  }

  /**
   * Parses a grammar in llama.cpp's GBNF; the start rule is {@code root}.
   *
   * @throws BadInputException located at {@code line L, column C}
   */
  public static Grammar gbnf(String text) {
    return new GbnfParser(text).parse();
  }

  /** Every distinct lexeme, in first-use order (ignored ones first). */
  public List<Lexeme> lexemes() {
    Map<String, Lexeme> out = new LinkedHashMap<>();
    for (Lexeme l : ignore) out.putIfAbsent(l.key(), l);
    for (Expr e : rules.values()) collect(e, out);
    return new ArrayList<>(out.values());
  }

  private static void collect(Expr e, Map<String, Lexeme> out) {
    switch (e) {
      case Expr.Seq s -> s.items().forEach(x -> collect(x, out));
      case Expr.Alt a -> a.options().forEach(x -> collect(x, out));
      case Expr.Repeat r -> collect(r.body(), out);
      case Expr.Ref r -> {}
      case Expr.Terminal t -> out.putIfAbsent(t.lexeme().key(), t.lexeme());
    }
  }
}
