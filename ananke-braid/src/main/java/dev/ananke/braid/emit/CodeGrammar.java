package dev.ananke.braid.emit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A grammar as Braid builds it: rules over terminals, printed as Lark (llguidance's dialect:
 * uppercase terminals are lexemes, lexing is greedy) and as GBNF (llama.cpp: no lexer, every
 * terminal becomes a character-level rule). The rules are written so that both readings accept
 * the same strings: no two word-like items are ever adjacent, so GBNF cannot split a word that
 * Lark's greedy lexer would read whole (see {@link ItemSequences}).
 */
final class CodeGrammar {
  private final String start;
  private final Map<String, Sym> rules = new LinkedHashMap<>();
  private final Map<String, Rx> terminals = new LinkedHashMap<>();

  CodeGrammar(String start) {
    this.start = start;
  }

  CodeGrammar rule(String name, Sym body) {
    if (rules.putIfAbsent(name, body) != null) throw new IllegalStateException("rule " + name + " defined twice");
    return this;
  }

  boolean hasRule(String name) {
    return rules.containsKey(name);
  }

  /** Defines a terminal; defining the same terminal again with the same regex is a no-op. */
  CodeGrammar terminal(String name, Rx rx) {
    Rx old = terminals.putIfAbsent(name, rx);
    if (old != null && !old.equals(rx)) throw new IllegalStateException("terminal " + name + " defined twice");
    return this;
  }

  String lark() {
    return "start: " + start + "\n" + larkRules();
  }

  /** Every rule and terminal, without the start line. */
  String larkRules() {
    StringBuilder b = new StringBuilder();
    rules.forEach((name, body) -> b.append(name).append(": ").append(lark(body, false)).append('\n'));
    terminals.forEach((name, rx) -> b.append(name).append(": /").append(rx.lark()).append("/\n"));
    return b.toString();
  }

  String gbnf() {
    return "root ::= " + gbnfName(start) + "\n" + gbnfRules();
  }

  /** Every rule and terminal, without the root line. */
  String gbnfRules() {
    StringBuilder b = new StringBuilder();
    rules.forEach((name, body) -> b.append(gbnfName(name)).append(" ::= ").append(gbnf(body, false)).append('\n'));
    terminals.forEach((name, rx) -> b.append(gbnfName(name)).append(" ::= ").append(rx.gbnf()).append('\n'));
    return b.toString();
  }

  private static String lark(Sym s, boolean tight) {
    return switch (s) {
      case Sym.Term t -> t.name();
      case Sym.Ref r -> r.name();
      case Sym.Lit l -> larkString(l.text());
      case Sym.Seq q -> {
        if (q.items().isEmpty()) yield "\"\"";
        StringBuilder b = new StringBuilder();
        for (Sym item : q.items()) b.append(b.isEmpty() ? "" : " ").append(lark(item, true));
        yield tight && q.items().size() > 1 ? "(" + b + ")" : b.toString();
      }
      case Sym.Alt a -> {
        StringBuilder b = new StringBuilder();
        for (Sym o : a.options()) b.append(b.isEmpty() ? "" : " | ").append(lark(o, false));
        yield tight ? "(" + b + ")" : b.toString();
      }
      case Sym.Rep r -> lark(r.body(), true) + quantifier(r);
    };
  }

  private static String gbnf(Sym s, boolean tight) {
    return switch (s) {
      case Sym.Term t -> gbnfName(t.name());
      case Sym.Ref r -> gbnfName(r.name());
      case Sym.Lit l -> Rx.gbnfString(l.text());
      case Sym.Seq q -> {
        if (q.items().isEmpty()) yield "\"\"";
        StringBuilder b = new StringBuilder();
        for (Sym item : q.items()) b.append(b.isEmpty() ? "" : " ").append(gbnf(item, true));
        yield tight && q.items().size() > 1 ? "(" + b + ")" : b.toString();
      }
      case Sym.Alt a -> {
        StringBuilder b = new StringBuilder();
        for (Sym o : a.options()) b.append(b.isEmpty() ? "" : " | ").append(gbnf(o, false));
        yield tight ? "(" + b + ")" : b.toString();
      }
      case Sym.Rep r -> gbnf(r.body(), true) + quantifier(r);
    };
  }

  private static String quantifier(Sym.Rep r) {
    if (r.min() == 0 && r.max() < 0) return "*";
    if (r.min() == 1 && r.max() < 0) return "+";
    if (r.min() == 0 && r.max() == 1) return "?";
    if (r.max() < 0) return "{" + r.min() + ",}";
    return r.min() == r.max() ? "{" + r.min() + "}" : "{" + r.min() + "," + r.max() + "}";
  }

  /** Lark strings: escape what the string syntax needs; the rest is UTF-8 text. */
  static String larkString(String text) {
    StringBuilder b = new StringBuilder("\"");
    text.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (cp < 0x20) b.append(String.format("\\x%02x", cp));
          else b.appendCodePoint(cp);
        }
      }
    });
    return b.append('"').toString();
  }

  /** GBNF names are {@code [a-z0-9-]}: rule {@code line_items} is {@code line-items}, terminal {@code IDENT} {@code t-ident}. */
  static String gbnfName(String name) {
    boolean terminal = !name.isEmpty() && Character.isUpperCase(name.charAt(0));
    String n = name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return terminal ? "t-" + n : n;
  }
}
