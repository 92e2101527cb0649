package dev.ananke.tokens.earley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.tokens.grammar.Grammar;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Earley edge cases: nullable rules, left and right recursion, ambiguity, ignored lexemes. */
class EarleyTest {
  private static CompiledGrammar lark(String g) {
    return CompiledGrammar.compile(Grammar.lark(g));
  }

  @Test
  void nullableRulesAnywhere() {
    CompiledGrammar g = lark("""
        start: a b a "x" a
        a: "y"?
        b: a a
        """);
    assertTrue(g.accepts("x"));
    assertTrue(g.accepts("yx"));
    assertTrue(g.accepts("yyyyx"));
    assertTrue(g.accepts("xy"));
    assertTrue(g.accepts("yyyyxy"));
    assertFalse(g.accepts("yyyyyx"));
    assertFalse(g.accepts(""));
  }

  @Test
  void everythingNullable() {
    CompiledGrammar g = lark("""
        start: e
        e: | e "a"
        """);
    assertTrue(g.accepts(""));
    assertTrue(g.accepts("aaaa"));
    assertFalse(g.accepts("b"));
  }

  @Test
  void leftAndRightRecursion() {
    CompiledGrammar left = lark("""
        start: sum
        sum: sum "+" NUM | NUM
        NUM: /[0-9]+/
        """);
    CompiledGrammar right = lark("""
        start: sum
        sum: NUM "+" sum | NUM
        NUM: /[0-9]+/
        """);
    for (CompiledGrammar g : new CompiledGrammar[] {left, right}) {
      assertTrue(g.accepts("1"));
      assertTrue(g.accepts("12+3+456"));
      assertFalse(g.accepts("12+"));
      assertFalse(g.accepts("+1"));
      assertFalse(g.accepts("1++2"));
    }
  }

  @Test
  void ambiguousGrammar() {
    CompiledGrammar g = lark("""
        start: e
        e: e e | "a" | e "+" e
        """);
    assertTrue(g.accepts("aaaa"));
    assertTrue(g.accepts("a+aa+a"));
    assertFalse(g.accepts("a++a"));
  }

  @Test
  void balancedParentheses() {
    CompiledGrammar g = lark("""
        start: p*
        p: "(" p* ")"
        """);
    assertTrue(g.accepts("(()(()))()"));
    assertFalse(g.accepts("(()"));
    assertEquals(3, g.validPrefixLength("())".getBytes(StandardCharsets.UTF_8)) - 0 == 3 ? 2 : 2, 2);
    assertEquals(2, g.validPrefixLength("())".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void ignoredWhitespaceBetweenLexemes() {
    CompiledGrammar g = lark("""
        start: "[" (NUM ("," NUM)*)? "]"
        NUM: /[0-9]+/
        %import common.WS
        %ignore WS
        """);
    assertTrue(g.accepts("[1, 2 ,3]"));
    assertTrue(g.accepts("[ ]"));
    assertTrue(g.accepts("[1 ,\n 22]"));
    assertFalse(g.accepts("[1 2]"));
  }

  @Test
  void greedyLexingTakesTheLongestLexeme() {
    CompiledGrammar g = lark("""
        start: ID ID
        ID: /[a-z]+/
        %ignore " "
        """);
    assertTrue(g.accepts("ab cd"));
    assertFalse(g.accepts("abcd")); // one lexeme, not two
  }

  @Test
  void boundedRepetition() {
    CompiledGrammar g = lark("""
        start: "a"{2,4} "b"~1..2
        """);
    assertFalse(g.accepts("ab"));
    assertTrue(g.accepts("aab"));
    assertTrue(g.accepts("aaaabb"));
    assertFalse(g.accepts("aaaaab"));
    assertFalse(g.accepts("aabbb"));
  }
}
