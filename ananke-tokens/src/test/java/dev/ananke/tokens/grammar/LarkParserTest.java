package dev.ananke.tokens.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.error.BadInputException;
import dev.ananke.tokens.earley.CompiledGrammar;
import org.junit.jupiter.api.Test;

class LarkParserTest {
  private static CompiledGrammar lark(String g) {
    return CompiledGrammar.compile(Grammar.lark(g));
  }

  private static String error(String g) {
    return assertThrows(BadInputException.class, () -> Grammar.lark(g)).getMessage();
  }

  @Test
  void rulesTerminalsLiteralsAndRegexes() {
    CompiledGrammar g = lark("""
        // a comment
        start: greeting NAME "!"?
        greeting: "hello" | "hi"
        NAME: /[A-Z][a-z]+/
        %ignore " "
        """);
    assertTrue(g.accepts("hello World"));
    assertTrue(g.accepts("hi Bob!"));
    assertFalse(g.accepts("hey Bob"));
    assertFalse(g.accepts("hi bob"));
  }

  @Test
  void continuationLinesGroupsOptionalsAndRepetition() {
    CompiledGrammar g = lark("""
        start: item ("," item)*
             | "[" [item] "]"
        item: DIGIT+ | WORD{1,2}
        %import common.DIGIT
        %import common.WORD
        """);
    assertTrue(g.accepts("1,22,333"));
    assertTrue(g.accepts("[]"));
    assertTrue(g.accepts("[7]"));
    assertFalse(g.accepts("1,"));
  }

  @Test
  void terminalsComposeOtherTerminals() {
    CompiledGrammar g = lark("""
        start: FLOATISH
        FLOATISH: INT "." INT | INT
        INT: "0".."9"+
        """);
    assertTrue(g.accepts("12.5"));
    assertTrue(g.accepts("7"));
    assertFalse(g.accepts("1."));
  }

  @Test
  void importsFromCommon() {
    CompiledGrammar g = lark("""
        start: "[" (value ("," value)*)? "]"
        value: SIGNED_NUMBER | ESCAPED_STRING | CNAME
        %import common (SIGNED_NUMBER, ESCAPED_STRING, CNAME, WS)
        %ignore WS
        """);
    assertTrue(g.accepts("[ -1.5e3, \"a\\\"b\", foo_1 ]"));
    assertFalse(g.accepts("[1 2]"));
  }

  @Test
  void caseInsensitiveLiteral() {
    CompiledGrammar g = lark("start: \"select\"i");
    assertTrue(g.accepts("SeLeCt"));
  }

  @Test
  void errorsNameLineAndColumn() {
    assertEquals("line 2, column 12: expected the end of the line, found ')'",
        error("start: a\na: \"x\" | b )\nb: \"y\""));
    assertEquals("line 1, column 8: undefined rule 'missing'", error("start: missing"));
    assertEquals("line 1, column 8: undefined terminal 'NOPE'", error("start: NOPE"));
    assertEquals("line 1, column 8: unterminated string", error("start: \"abc"));
    assertEquals("line 2, column 1: unknown directive '%include' (supported: %ignore, %import)",
        error("start: \"a\"\n%include foo"));
    assertEquals("line 1, column 1: no 'start' rule", error("other: \"a\""));
    assertEquals("line 1, column 8: expected a rule, terminal, string, regex, '(' or '[', found '%'", error("start: %"));
    assertEquals("line 1, column 12: regex flag 'x' is not supported", error("start: /a+/x"));
    assertEquals("line 2, column 1: rule 'a' is defined twice", error("a: \"x\"\na: \"y\"\nstart: a"));
  }

  @Test
  void badRegexIsLocated() {
    String m = error("start: A\nA: /a(?=b)/");
    assertTrue(m.startsWith("line 2, column 1: bad regex /(?:(?:a(?=b)))/: regex at position 7: lookahead is not supported"), m);
  }
}
