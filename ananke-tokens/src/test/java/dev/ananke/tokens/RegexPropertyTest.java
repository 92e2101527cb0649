package dev.ananke.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class RegexPropertyTest {
  /** Our full match agrees with java.util.regex on random patterns and inputs. */
  @Property(tries = 300)
  void agreesWithJavaUtilRegex(@ForAll long seed) {
    Random r = new Random(seed);
    String pattern = RandomRegexes.pattern(r, 4);
    Regex ours = Regex.compile(pattern);
    Pattern java = Pattern.compile(pattern, Pattern.UNIX_LINES);
    for (int i = 0; i < 40; i++) {
      String s = RandomRegexes.input(r, 8);
      assertEquals(java.matcher(s).matches(), ours.matches(s), () -> "/" + pattern + "/ on \"" + s + "\"");
    }
  }

  /** Strings the pattern generates (found by brute force) are matched too; shrinks the gap above. */
  @Property(tries = 100)
  void prefixViabilityAgreesWithAnNfa(@ForAll long seed) {
    Random r = new Random(seed);
    String pattern = RandomRegexes.pattern(r, 4);
    Regex ours = Regex.compile(pattern);
    NfaOracle nfa = new NfaOracle(pattern);
    for (int i = 0; i < 40; i++) {
      byte[] s = RandomRegexes.input(r, 6).getBytes(StandardCharsets.UTF_8);
      // cut inside multi-byte characters too
      byte[] cut = java.util.Arrays.copyOf(s, r.nextInt(s.length + 1));
      assertEquals(nfa.viablePrefix(cut), ours.matchesPrefix(cut), () -> "/" + pattern + "/ prefix " + java.util.Arrays.toString(cut));
      assertEquals(nfa.matches(s), ours.matches(s));
    }
  }

  /** Intersection and complement agree with evaluating both sides. */
  @Property(tries = 100)
  void booleanOperationsAgreeWithTheirParts(@ForAll long seed) {
    Random r = new Random(seed);
    Regex a = Regex.compile(RandomRegexes.pattern(r, 3));
    Regex b = Regex.compile(RandomRegexes.pattern(r, 3));
    Regex and = a.and(b);
    Regex andNot = a.and(b.not());
    for (int i = 0; i < 30; i++) {
      String s = RandomRegexes.input(r, 6);
      assertEquals(a.matches(s) && b.matches(s), and.matches(s));
      assertEquals(a.matches(s) && !b.matches(s), andNot.matches(s));
    }
    and.shortestMatch().ifPresent(w -> {
      assertEquals(true, a.matches(w) && b.matches(w));
    });
    assertEquals(and.shortestMatch().isEmpty(), and.isEmpty());
  }
}
