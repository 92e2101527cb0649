package dev.ananke.tokens.earley;

import dev.ananke.core.error.BadInputException;
import dev.ananke.tokens.grammar.Expr;
import dev.ananke.tokens.grammar.Grammar;
import dev.ananke.tokens.grammar.Lexeme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/*
 * A grammar lowered to flat productions, the form the Earley parser walks.
 *
 * Symbols: a nonterminal is n >= 0, lexeme l is ~l (negative). Every production's right-hand
 * side is laid out in one int array, followed by an END marker; an Earley item's "dot" is an index
 * into that array, so dotSym[dot] is the symbol after the dot and dot + 1 moves over it. A
 * repetition or nested alternation becomes a fresh nonterminal (structurally equal sub-expressions
 * share one). Production 0 is the augmented start S' -> S.
 */
final class Cfg {
  static final int END = Integer.MIN_VALUE;

  final Lexeme[] lexemes;
  final boolean[] ignoredLexeme;
  final int[] dotSym;
  final int[] dotLhs;
  final int[][] prodsOf;
  final boolean[] nullable;
  final int acceptDot;
  final int nonterminals;

  private Cfg(Lexeme[] lexemes, boolean[] ignored, int[] dotSym, int[] dotLhs, int[][] prodsOf,
      boolean[] nullable, int acceptDot) {
    this.lexemes = lexemes;
    this.ignoredLexeme = ignored;
    this.dotSym = dotSym;
    this.dotLhs = dotLhs;
    this.prodsOf = prodsOf;
    this.nullable = nullable;
    this.acceptDot = acceptDot;
    this.nonterminals = prodsOf.length;
  }

  static Cfg lower(Grammar g, GrammarLimits limits) {
    return new Builder(g, limits).build();
  }

  int productionCount() {
    int n = 0;
    for (int[] p : prodsOf) n += p.length;
    return n;
  }

  private static final class Builder {
    private final Grammar grammar;
    private final GrammarLimits limits;
    private final Map<String, Integer> lexemeIds = new LinkedHashMap<>();
    private final List<Lexeme> lexemes = new ArrayList<>();
    private final Map<String, Integer> ruleIds = new HashMap<>();
    private final Map<Expr, Integer> anon = new java.util.IdentityHashMap<>();
    private final List<List<int[]>> prods = new ArrayList<>();
    private int symbolsUsed;

    Builder(Grammar g, GrammarLimits limits) {
      this.grammar = g;
      this.limits = limits;
    }

    Cfg build() {
      for (Lexeme l : grammar.ignore()) lexemeId(l);
      int ignoredCount = lexemes.size();
      int startPrime = newNt();
      for (String name : grammar.rules().keySet()) ruleIds.put(name, newNt());
      for (var e : grammar.rules().entrySet()) defineRule(ruleIds.get(e.getKey()), e.getValue());
      prods.get(startPrime).add(new int[] {ruleIds.get(grammar.start())});

      int total = 0;
      for (List<int[]> ps : prods) for (int[] p : ps) total += p.length + 1;
      int[] dotSym = new int[total];
      int[] dotLhs = new int[total];
      int[][] prodsOf = new int[prods.size()][];
      int at = 0;
      int acceptDot = -1;
      for (int nt = 0; nt < prods.size(); nt++) {
        List<int[]> ps = prods.get(nt);
        prodsOf[nt] = new int[ps.size()];
        for (int k = 0; k < ps.size(); k++) {
          int[] rhs = ps.get(k);
          prodsOf[nt][k] = at;
          for (int s : rhs) {
            dotSym[at] = s;
            dotLhs[at++] = nt;
          }
          if (nt == startPrime) acceptDot = at;
          dotSym[at] = END;
          dotLhs[at++] = nt;
        }
      }
      boolean[] nullable = new boolean[prods.size()];
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int nt = 0; nt < prods.size(); nt++) {
          if (nullable[nt]) continue;
          for (int[] rhs : prods.get(nt)) {
            boolean all = true;
            for (int s : rhs) if (s < 0 || !nullable[s]) { all = false; break; }
            if (all) { nullable[nt] = true; changed = true; break; }
          }
        }
      }
      boolean[] ignored = new boolean[lexemes.size()];
      Arrays.fill(ignored, 0, ignoredCount, true);
      return new Cfg(lexemes.toArray(new Lexeme[0]), ignored, dotSym, dotLhs, prodsOf, nullable, acceptDot);
    }

    private int newNt() {
      prods.add(new ArrayList<>());
      if (prods.size() > limits.maxNonterminals()) {
        throw new BadInputException("grammar", "more than " + limits.maxNonterminals()
            + " nonterminals after expanding repetitions (GrammarLimits.maxNonterminals)");
      }
      return prods.size() - 1;
    }

    private void addProd(int nt, int[] rhs) {
      symbolsUsed += rhs.length + 1;
      if (symbolsUsed > limits.maxGrammarSymbols()) {
        throw new BadInputException("grammar", "more than " + limits.maxGrammarSymbols()
            + " symbols in its productions (GrammarLimits.maxGrammarSymbols)");
      }
      prods.get(nt).add(rhs);
    }

    private void defineRule(int nt, Expr body) {
      if (body instanceof Expr.Alt a) {
        for (Expr o : a.options()) addProd(nt, sequence(o));
      } else {
        addProd(nt, sequence(body));
      }
    }

    private int[] sequence(Expr e) {
      if (e instanceof Expr.Seq s) {
        List<Integer> out = new ArrayList<>();
        flatten(s, out);
        int[] r = new int[out.size()];
        for (int i = 0; i < r.length; i++) r[i] = out.get(i);
        return r;
      }
      return new int[] {symbol(e)};
    }

    private void flatten(Expr.Seq s, List<Integer> out) {
      for (Expr x : s.items()) {
        if (x instanceof Expr.Seq inner) flatten(inner, out);
        else out.add(symbol(x));
      }
    }

    private int symbol(Expr e) {
      return switch (e) {
        case Expr.Terminal t -> ~lexemeId(t.lexeme());
        case Expr.Ref r -> ruleIds.get(r.rule());
        case Expr.Seq s -> anonymous(e, nt -> addProd(nt, sequence(s)));
        case Expr.Alt a -> anonymous(e, nt -> { for (Expr o : a.options()) addProd(nt, sequence(o)); });
        case Expr.Repeat r -> anonymous(e, nt -> repeat(nt, r));
      };
    }

    private int anonymous(Expr e, java.util.function.IntConsumer define) {
      Integer id = anon.get(e);
      if (id != null) return id;
      int nt = newNt();
      anon.put(e, nt);
      define.accept(nt);
      return nt;
    }

    private void repeat(int nt, Expr.Repeat r) {
      int body = symbol(r.body());
      int min = r.min();
      int max = r.max();
      if (max == -1) {
        if (min <= 1) {
          // left recursion: cheap in Earley (no item growth per element)
          addProd(nt, min == 0 ? new int[0] : new int[] {body});
          addProd(nt, new int[] {nt, body});
        } else {
          int star = symbol(new Expr.Repeat(r.body(), 0, -1));
          int[] rhs = new int[min + 1];
          Arrays.fill(rhs, 0, min, body);
          rhs[min] = star;
          addProd(nt, rhs);
        }
        return;
      }
      if (min == max) {
        int[] rhs = new int[min];
        Arrays.fill(rhs, body);
        addProd(nt, rhs);
        return;
      }
      // body{min,max} = body^min opt_(max-min), opt_k = eps | body opt_(k-1)
      int tail = -1;
      for (int k = 1; k <= max - min; k++) {
        int opt = newNt();
        addProd(opt, new int[0]);
        addProd(opt, tail < 0 ? new int[] {body} : new int[] {body, tail});
        tail = opt;
      }
      int[] rhs = new int[min + 1];
      Arrays.fill(rhs, 0, min, body);
      rhs[min] = tail;
      addProd(nt, rhs);
    }

    private int lexemeId(Lexeme l) {
      Integer id = lexemeIds.get(l.key());
      if (id != null) return id;
      lexemeIds.put(l.key(), lexemes.size());
      lexemes.add(l);
      if (lexemes.size() > limits.maxLexemes()) {
        throw new BadInputException("grammar", "more than " + limits.maxLexemes() + " distinct lexemes (GrammarLimits.maxLexemes)");
      }
      return lexemes.size() - 1;
    }
  }
}
