package dev.ananke.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.error.BadInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexTest {
  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
    "[a-z][a-zA-Z0-9]* => fooBar => true",
    "[a-z][a-zA-Z0-9]* => FooBar => false",
    "[a-z][a-zA-Z0-9]* => '' => false",
    "-?(0|[1-9][0-9]*) => -120 => true",
    "-?(0|[1-9][0-9]*) => 012 => false",
    "\"([^\"\\\\]|\\\\.)*\" => \"a\\\"b\" => true",
    "\"([^\"\\\\]|\\\\.)*\" => \"a\"b\" => false",
    "a{2,3} => aaa => true",
    "a{2,3} => aaaa => false",
    "a{2,} => aaaaaa => true",
    "(?:ab)+ => ababab => true",
    "(?<name>x)y => xy => true",
    "[\\u4e00-\\u9fff]+ => 日本 => true",
    "[^a] => 日 => true",
    "[^a] => a => false",
    "\\p{Lu}\\p{Ll}+ => Éva => true",
    "^abc$ => abc => true",
    "a*?b => aab => true",
    "\\Qa.b\\E => a.b => true",
    "\\Qa.b\\E => axb => false",
    "x* => '' => true",
  })
  void matchesWholeInput(String pattern, String input, boolean expected) {
    assertEquals(expected, Regex.compile(pattern).matches(input), pattern + " on " + input);
  }

  @Test
  void dotIsAnyCharacterButNewline() {
    assertFalse(Regex.compile(".").matches("\n"));
    assertTrue(Regex.compile(".").matches("🎉"));
    assertTrue(Regex.compile(".").matches("\r"));
  }

  @Test
  void errorsNameThePosition() {
    BadInputException e = assertThrows(BadInputException.class, () -> Regex.compile("ab(?=c)"));
    assertEquals("regex at position 2", e.location());
    assertEquals("lookahead is not supported: a token mask needs a regular language\n  ab(?=c)\n    ^", e.detail());

    e = assertThrows(BadInputException.class, () -> Regex.compile("(a)\\1"));
    assertEquals("regex at position 3", e.location());
    assertTrue(e.detail().startsWith("backreferences are not supported"));

    e = assertThrows(BadInputException.class, () -> Regex.compile("x(?<=a)"));
    assertTrue(e.detail().startsWith("lookbehind is not supported"));

    e = assertThrows(BadInputException.class, () -> Regex.compile("a(b"));
    assertEquals("regex at position 1", e.location());
    assertTrue(e.detail().startsWith("missing ')' for this '('"));

    e = assertThrows(BadInputException.class, () -> Regex.compile("[a-"));
    assertTrue(e.detail().startsWith("unclosed character class"), e.detail());

    e = assertThrows(BadInputException.class, () -> Regex.compile("*a"));
    assertEquals("regex at position 0", e.location());

    e = assertThrows(BadInputException.class, () -> Regex.compile("[z-a]"));
    assertTrue(e.detail().startsWith("invalid range"));

    e = assertThrows(BadInputException.class, () -> Regex.compile("a{3,1}"));
    assertTrue(e.detail().startsWith("repetition {3,1} has max below min"));

    e = assertThrows(BadInputException.class, () -> Regex.compile("a\\bb"));
    assertTrue(e.detail().startsWith("anchor \\b is not supported"));

    e = assertThrows(BadInputException.class, () -> Regex.compile("(?i)a"));
    assertTrue(e.detail().startsWith("inline flags"));

    e = assertThrows(BadInputException.class, () -> Regex.compile("a)"));
    assertEquals("regex at position 1: unmatched ')'\n  a)\n   ^", e.getMessage());

    e = assertThrows(BadInputException.class, () -> Regex.compile("a{5000}"));
    assertTrue(e.detail().startsWith("repetition count above the limit of 1000"));
  }

  @Test
  void dfaStateLimitFailsClearly() {
    // (a|b)*a(a|b){12}: the DFA must remember the last 13 letters, 2^13 states
    Regex r = Regex.compile("(a|b)*a(a|b){12}", RegexLimits.DEFAULT.withMaxDfaStates(500));
    StringBuilder s = new StringBuilder();
    java.util.Random rnd = new java.util.Random(1);
    for (int i = 0; i < 5000; i++) s.append(rnd.nextBoolean() ? 'a' : 'b');
    BadInputException e = assertThrows(BadInputException.class, () -> r.matches(s));
    assertEquals("regex /(a|b)*a(a|b){12}/", e.location());
    assertTrue(e.detail().startsWith("its DFA would need more than 500 states"), e.detail());
    // with the default limit it just works
    assertTrue(Regex.compile("(a|b)*a(a|b){3}").matches("bbabab"));
  }

  @Test
  void intersectionComplementEmptiness() {
    Regex camel = Regex.compile("[a-z][a-zA-Z0-9]*");
    Regex snake = Regex.compile("[a-z][a-z0-9]*(_[a-z0-9]+)+");
    assertTrue(camel.and(snake).isEmpty(), "no camelCase name is also snake_case with an underscore");
    assertFalse(camel.and(Regex.compile("get[A-Z].*")).isEmpty());
    assertTrue(Regex.literal("getUser").isSubsetOf(camel));
    assertFalse(Regex.literal("get_user").isSubsetOf(camel));
    assertTrue(Regex.literal("get_user").isSubsetOf(snake));

    Regex notEval = Regex.compile(".*eval\\(.*").not();
    assertTrue(notEval.matches("x = 1"));
    assertFalse(notEval.matches("eval(x)"));
    assertTrue(camel.not().not().and(camel.not()).isEmpty());
    assertTrue(Regex.compile("a+").and(Regex.compile("b+")).isEmpty());
    assertFalse(Regex.compile("a+").or(Regex.compile("b+")).isEmpty());

    assertArrayEquals("get".getBytes(StandardCharsets.UTF_8),
        Regex.compile("get[A-Z]?").and(Regex.compile("g.*")).shortestMatch().orElseThrow());
    assertTrue(Regex.compile("[a-c]{2}").and(Regex.compile("[c-e]{2}")).matches("cc"));
    assertTrue(Regex.compile("x").and(Regex.compile("y")).shortestMatch().isEmpty());
  }

  @Test
  void unicodeClassesCompileToUtf8() {
    Regex r = Regex.compile("[^\"]*");
    assertTrue(r.matches("héllo 日本 🎉"));
    // an invalid UTF-8 byte never matches a character class
    assertFalse(r.matches(new byte[] {(byte) 0xFF}));
    // a truncated sequence is a viable prefix, not a match
    byte[] ri = "日".getBytes(StandardCharsets.UTF_8);
    assertTrue(r.matchesPrefix(new byte[] {ri[0]}));
    assertFalse(r.matches(new byte[] {ri[0]}));
    assertFalse(Regex.compile("[\\u0000-\\uffff]").matches("🎉"));
    assertTrue(Regex.compile("[\\x{1F389}]").matches("🎉"));
  }
}
