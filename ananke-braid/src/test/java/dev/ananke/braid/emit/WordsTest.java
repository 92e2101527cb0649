package dev.ananke.braid.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ananke.tokens.Regex;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;

/** The exclusion regex, printed as Lark and compiled by the token engine, against its definition. */
class WordsTest {
  private static final Chars START = Chars.range('a', 'z').union(Chars.of("_"));
  private static final Chars PART = START.union(Chars.range('0', '9'));
  private static final Set<String> WORDS = Set.of("eval", "ev", "exec", "execsync", "a");
  private static final Regex EXCEPT = Regex.compile(Words.identifierExcept(START, PART, WORDS).lark());
  private static final Regex IDENT = Regex.compile("[a-z_][a-z_0-9]*");

  @Property(tries = 2000)
  void acceptsExactlyTheIdentifiersNotExcluded(@ForAll @StringLength(max = 9) @CharRange(from = 'a', to = 'z') @CharRange(from = '0', to = '2') String s) {
    boolean expected = IDENT.matches(s) && !WORDS.contains(s);
    assertEquals(expected, EXCEPT.matches(s), s);
  }

  @Test
  void prefixesAndExtensionsOfExcludedWordsStayIdentifiers() {
    for (String ok : new String[] {"e", "eva", "evaluate", "evals", "exe", "execsyncer", "ab", "b"}) {
      assertEquals(true, EXCEPT.matches(ok), ok);
    }
    for (String no : WORDS) assertEquals(false, EXCEPT.matches(no), no);
  }

  @Test
  void theSameRegexInGbnfHasTheSameLanguage() {
    String gbnf = "root ::= " + Words.identifierExcept(START, PART, WORDS).gbnf() + "\n";
    var g = dev.ananke.tokens.earley.CompiledGrammar.compile(dev.ananke.tokens.grammar.Grammar.gbnf(gbnf));
    for (String s : new String[] {"e", "eva", "evaluate", "exec_sync", "eval", "exec", "a", "ab"}) {
      assertEquals(EXCEPT.matches(s), g.accepts(s), s);
    }
  }
}
