package dev.ananke.braid.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.tokens.Regex;
import dev.ananke.tokens.earley.CompiledGrammar;
import dev.ananke.tokens.grammar.Grammar;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One terminal, two dialects: what the Lark regex accepts, the GBNF rule accepts too. */
class RxTest {

  private static void sameLanguage(Rx rx, List<String> samples) {
    Regex lark = Regex.compile(rx.lark());
    CompiledGrammar gbnf = CompiledGrammar.compile(Grammar.gbnf("root ::= " + rx.gbnf() + "\n"));
    for (String s : samples) assertEquals(lark.matches(s), gbnf.accepts(s), rx.lark() + " on «" + s + "»");
  }

  @Test
  void stringsWithEscapesAndEveryAwkwardCharacter() {
    Rx str = Syntax.quoted("\"", false);
    sameLanguage(str, List.of("\"\"", "\"a\\\"b\"", "\"a\nb\"", "\"[]^-\\\\\"", "\"é€😀\"", "\"unterminated", "\"a\"b\""));
    assertTrue(Regex.compile(str.lark()).matches("\"caf\u00e9 \\n\""));
    assertFalse(Regex.compile(str.lark()).matches("\"line\nbreak\""));
  }

  @Test
  void commentsAndTripleQuotes() {
    sameLanguage(Syntax.blockComment(), List.of("/**/", "/* a */", "/* a * / b */", "/* a */ b */", "/***/", "/*/"));
    sameLanguage(Syntax.tripleQuoted("\""), List.of("\"\"\"\"\"\"", "\"\"\"a\"b\"\"c\"\"\"", "\"\"\"a\"\"\"\"\"\"", "\"\"\"\\\"\"\"\"\"\""));
    assertTrue(Regex.compile(Syntax.blockComment().lark()).matches("/* a ** b **/"));
  }

  @Test
  void classesPrintEveryRangeWithoutSurrogates() {
    Chars notQuote = Chars.of("\"").negate();
    assertFalse(notQuote.contains(0xD800));
    assertTrue(notQuote.contains(0x10FFFF));
    sameLanguage(Rx.plus(Rx.cls(notQuote)), List.of("abc", "a\"", "\u0000\u007f", "😀"));
  }

  @Test
  void larkStringsEscapeQuotesBackslashesAndControls() {
    assertEquals("\"a\\\"b\\\\c\\nd\\x01\"", CodeGrammar.larkString("a\"b\\c\nd\u0001"));
  }
}
