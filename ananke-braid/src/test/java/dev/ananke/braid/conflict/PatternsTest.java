package dev.ananke.braid.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.RequiredPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The regex questions of conflict detection, against their definitions. */
class PatternsTest {

  @Test
  void handCodedStylesAgreeWithTheStylesRegexes() {
    List<String> names = new ArrayList<>(List.of("", "_", "__", "user", "User", "getUser", "get_user", "GET_USER", "_private",
        "__init__", "x1", "X1", "a_B", "A_b", "Émile", "user-id", "9lives", "camelCase9", "SCREAMING_9"));
    Random random = new Random(42);
    String alphabet = "aZ_9b-Y";
    for (int k = 0; k < 5000; k++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(7);
      for (int i = 0; i < len; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      names.add(sb.toString());
    }
    for (NamingStyle style : NamingStyle.values()) {
      for (String name : names) {
        assertEquals(style.matches(name), Patterns.follows(style, name), style + " on '" + name + "'");
      }
    }
  }

  @Test
  void styleIntersectionsAreDecidedByTheEngine() {
    assertTrue(Patterns.disjoint(NamingStyle.CAMEL_CASE, NamingStyle.PASCAL_CASE));
    assertTrue(Patterns.disjoint(NamingStyle.SNAKE_CASE, NamingStyle.SCREAMING_SNAKE_CASE));
    assertFalse(Patterns.disjoint(NamingStyle.CAMEL_CASE, NamingStyle.SNAKE_CASE), "user follows both");
    assertFalse(Patterns.disjoint(NamingStyle.PASCAL_CASE, NamingStyle.SCREAMING_SNAKE_CASE), "ID follows both");
  }

  @Test
  void containmentUnderEveryContext() {
    ForbiddenPattern wordEval = new ForbiddenPattern("\\beval\\s*\\(", PatternSyntax.REGEX, "r");
    assertTrue(ask("x = eval (y)", PatternSyntax.LITERAL, wordEval).yes());
    assertFalse(ask("medieval(y)", PatternSyntax.LITERAL, wordEval).yes());
    // The match touches the literal's start: text before it may be a word character.
    assertFalse(ask("eval(y)", PatternSyntax.LITERAL, new ForbiddenPattern("\\Beval\\(", PatternSyntax.REGEX, "r")).yes());
    assertFalse(ask("eval(y)", PatternSyntax.LITERAL, wordEval).yes(), "the code xeval(y) contains the literal, not the pattern");
    // Anchors never match inside: the code may have text before the literal.
    assertFalse(ask("eval(y)", PatternSyntax.LITERAL, new ForbiddenPattern("^eval", PatternSyntax.REGEX, "r")).yes());
    assertTrue(ask("eval(y)", PatternSyntax.LITERAL, new ForbiddenPattern("(?=e)eval", PatternSyntax.REGEX, "r")).unknown()
        .contains("lookarounds"));
    // Regexes by the engine, literal forbidden text quoted.
    assertTrue(ask("a\\.b(c|d)", PatternSyntax.REGEX, new ForbiddenPattern(".b", PatternSyntax.LITERAL, "r")).yes());
    assertFalse(ask("a\\.b(c|d)", PatternSyntax.REGEX, new ForbiddenPattern(".bc", PatternSyntax.LITERAL, "r")).yes());
    assertTrue(ask("f\\(x\\)", PatternSyntax.REGEX, new ForbiddenPattern("(x)", PatternSyntax.LITERAL, "r")).yes());
    assertTrue(ask("x[0-9]+y", PatternSyntax.REGEX, new ForbiddenPattern("[0-9]y", PatternSyntax.REGEX, "r")).yes());
    assertFalse(ask("x[0-9]*y", PatternSyntax.REGEX, new ForbiddenPattern("[0-9]y", PatternSyntax.REGEX, "r")).yes());
    assertTrue(ask("line\\nnext", PatternSyntax.REGEX, new ForbiddenPattern("next", PatternSyntax.LITERAL, "r")).yes(),
        "contains spans new lines");
    assertEquals("a\\x{2e}b\\x{28}\\x{1f600}", Patterns.quote("a.b(\uD83D\uDE00"));
  }

  private static Patterns.Answer ask(String required, PatternSyntax syntax, ForbiddenPattern f) {
    return Patterns.alwaysContains(new RequiredPattern(required, syntax, "r"), f);
  }
}
