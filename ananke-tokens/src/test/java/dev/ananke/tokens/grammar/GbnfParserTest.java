package dev.ananke.tokens.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.error.BadInputException;
import dev.ananke.tokens.earley.CompiledGrammar;
import org.junit.jupiter.api.Test;

class GbnfParserTest {
  private static CompiledGrammar gbnf(String g) {
    return CompiledGrammar.compile(Grammar.gbnf(g));
  }

  @Test
  void llamaCppStyleGrammar() {
    CompiledGrammar g = gbnf("""
        # a list of moves
        root ::= move (", " move)*
        move ::= piece square
        piece ::= [KQRBN]?
        square ::= [a-h] [1-8]
        """);
    assertTrue(g.accepts("e4"));
    assertTrue(g.accepts("Nf3, e5, Qh5"));
    assertFalse(g.accepts("Nf9"));
    assertFalse(g.accepts("e4,e5"));
  }

  @Test
  void overlappingLiteralsNeedNoLexerChoice() {
    // as a Lark grammar the greedy lexer would take "ab" and fail; GBNF has no lexer
    CompiledGrammar g = gbnf("root ::= (\"a\" | \"ab\") \"bc\"");
    assertTrue(g.accepts("abc"));
    assertTrue(g.accepts("abbc"));
  }

  @Test
  void classesEscapesAnyCharAndCounts() {
    CompiledGrammar g = gbnf("""
        root ::= "\\"" [^"\\\\\\n]{0,5} "\\"" tail
        tail ::= . | [\\x41-\\x43]+
        """);
    assertTrue(g.accepts("\"héllo\"x"));
    assertTrue(g.accepts("\"\"ABCA"));
    assertFalse(g.accepts("\"toolong\"x"));
  }

  @Test
  void multiLineRulesAndRecursion() {
    CompiledGrammar g = gbnf("""
        root ::= "(" inner
          ")"
        inner ::= root*
        """);
    assertTrue(g.accepts("(()(()))"));
    assertFalse(g.accepts("(()"));
  }

  @Test
  void errorsNameLineAndColumn() {
    assertEquals("line 2, column 11: undefined rule 'missing'",
        assertThrows(BadInputException.class, () -> Grammar.gbnf("root ::= a\na ::= \"x\" missing")).getMessage());
    assertEquals("line 1, column 6: expected '::=' after rule name 'root'",
        assertThrows(BadInputException.class, () -> Grammar.gbnf("root := \"x\"")).getMessage());
    assertEquals("line 1, column 1: no 'root' rule",
        assertThrows(BadInputException.class, () -> Grammar.gbnf("start ::= \"x\"")).getMessage());
    assertEquals("line 1, column 10: unterminated string",
        assertThrows(BadInputException.class, () -> Grammar.gbnf("root ::= \"abc")).getMessage());
  }
}
