package dev.ananke.braid.conflict;

import dev.ananke.core.error.BadInputException;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.RequiredPattern;
import dev.ananke.tokens.Regex;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/*
 * The regex questions conflict detection asks, and caches of what they compile.
 *
 * "Required pattern R against forbidden pattern F" asks: does every text that contains a match
 * of R contain a match of F? Both are matched anywhere in the code, so the question is whether
 * L(R) ⊆ Σ* L(F) Σ* ("contains" semantics): if some match r of R contains no match of F, the
 * code consisting of r alone satisfies both; if every one does, no code can. With the token
 * engine that is R ∧ ¬(Σ* F Σ*) = ∅, where Σ* is (?:.|\n)* (the engine's `.` is any code point
 * but \n, so this is every UTF-8 text, and L(R) holds only UTF-8 texts).
 *
 * Clew writes its forbidden patterns for java.util.regex ((?i), \b), which the engine rejects.
 * When R is a literal that does not matter: "does every text containing r contain a match of F"
 * is "does F find a match inside r whatever surrounds r", and since \b and \B look one character
 * beyond the match, it is enough to try the four surroundings word/non-word character on each
 * side (the region's transparent bounds let \b see them; anchors do not match at the region's
 * edges). Patterns with lookarounds, which can look further, are not checked. When R is a regex
 * the engine cannot read, the pair is reported unchecked, never passed as "no conflict".
 *
 * Compiled patterns (and compile failures) are cached per pattern text: a constraint set comes
 * back compile after compile with the same few patterns.
 */
final class Patterns {
  private Patterns() {}

  /** Yes, no, or unknown with the reason. */
  record Answer(boolean yes, @Nullable String unknown) {
    static final Answer YES = new Answer(true, null);
    static final Answer NO = new Answer(false, null);

    static Answer unknown(String why) {
      return new Answer(false, why);
    }
  }

  private static final int CACHE_LIMIT = 1024;
  private static final Map<String, Object> ENGINE = new ConcurrentHashMap<>();
  private static final Map<String, Object> CONTAINS = new ConcurrentHashMap<>();
  private static final Map<String, Object> JAVA = new ConcurrentHashMap<>();
  private static final String ANY = "(?:.|\\n)*";
  private static final String[] SIDES = {"a", " "};

  private record Pair(RequiredPattern required, ForbiddenPattern forbidden) {}

  private static final Map<Pair, Answer> ANSWERS = new ConcurrentHashMap<>();

  /**
   * Whether every text containing a match of {@code r} contains a match of {@code f}. Answers
   * are cached per pair: a set repeats its patterns (one forbidden pattern per file it was found
   * in), and even the java.util.regex path costs a microsecond or more a pair.
   */
  static Answer alwaysContains(RequiredPattern r, ForbiddenPattern f) {
    Pair key = new Pair(r, f);
    Answer a = ANSWERS.get(key);
    if (a == null) {
      a = decide(r, f);
      if (ANSWERS.size() >= CACHE_LIMIT) ANSWERS.clear();
      ANSWERS.put(key, a);
    }
    return a;
  }

  private static Answer decide(RequiredPattern r, ForbiddenPattern f) {
    String fEngine = f.syntax() == PatternSyntax.LITERAL ? quote(f.pattern()) : f.pattern();
    if (r.syntax() == PatternSyntax.LITERAL) {
      String text = r.pattern();
      if (f.syntax() == PatternSyntax.LITERAL) return text.contains(f.pattern()) ? Answer.YES : Answer.NO;
      Object contains = contains(fEngine);
      if (contains instanceof Regex c) {
        try {
          return c.matches(text) ? Answer.YES : Answer.NO;
        } catch (BadInputException e) {
          return Answer.unknown("forbidden pattern /" + f.pattern() + "/ is too large to decide: " + e.getMessage());
        }
      }
      return findsInEveryContext(text, f.pattern());
    }
    Object required = engine(r.pattern());
    if (!(required instanceof Regex req)) {
      return Answer.unknown("required pattern /" + r.pattern() + "/ is not in the token engine's dialect ("
          + ((BadInputException) required).detail() + ")");
    }
    Object contains = contains(fEngine);
    if (!(contains instanceof Regex c)) {
      return Answer.unknown("forbidden pattern /" + f.pattern() + "/ is not in the token engine's dialect ("
          + ((BadInputException) contains).detail() + ")");
    }
    try {
      return req.isSubsetOf(c) ? Answer.YES : Answer.NO;
    } catch (BadInputException e) {
      return Answer.unknown("deciding /" + r.pattern() + "/ against /" + f.pattern() + "/ went over the engine's limits: "
          + e.detail());
    }
  }

  /** Whether no name follows both styles; decided once per pair by the engine. */
  static boolean disjoint(NamingStyle a, NamingStyle b) {
    return Styles.DISJOINT[a.ordinal()][b.ordinal()];
  }

  /**
   * {@link NamingStyle#matches}, without a regex: a compile checks every HARD name against every
   * HARD convention of its category, and java.util.regex costs ~100 ns a name where this loop
   * costs a few. Used only while the style's regex is the one this loop was written for; a
   * changed regex falls back to the style's own matcher (a test compares both).
   */
  static boolean follows(NamingStyle style, String name) {
    if (!Styles.HAND_CODED[style.ordinal()]) return style.matches(name);
    int i = 0;
    int n = name.length();
    while (i < n && name.charAt(i) == '_') i++;
    if (i == n) return false;
    char first = name.charAt(i++);
    boolean upperFirst = switch (style) {
      case CAMEL_CASE, SNAKE_CASE -> false;
      case PASCAL_CASE, SCREAMING_SNAKE_CASE -> true;
    };
    if (upperFirst ? first < 'A' || first > 'Z' : first < 'a' || first > 'z') return false;
    for (; i < n; i++) {
      char c = name.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean lower = c >= 'a' && c <= 'z';
      boolean upper = c >= 'A' && c <= 'Z';
      boolean ok = switch (style) {
        case CAMEL_CASE, PASCAL_CASE -> digit || lower || upper;
        case SNAKE_CASE -> digit || lower || c == '_';
        case SCREAMING_SNAKE_CASE -> digit || upper || c == '_';
      };
      if (!ok) return false;
    }
    return true;
  }

  private static final class Styles {
    static final boolean[][] DISJOINT = compute();
    static final boolean[] HAND_CODED = handCoded();

    private static boolean[] handCoded() {
      NamingStyle[] all = NamingStyle.values();
      boolean[] out = new boolean[all.length];
      for (NamingStyle s : all) {
        String expected = switch (s) {
          case CAMEL_CASE -> "_*[a-z][a-zA-Z0-9]*";
          case PASCAL_CASE -> "_*[A-Z][a-zA-Z0-9]*";
          case SNAKE_CASE -> "_*[a-z][a-z0-9_]*";
          case SCREAMING_SNAKE_CASE -> "_*[A-Z][A-Z0-9_]*";
        };
        out[s.ordinal()] = s.regex().equals(expected);
      }
      return out;
    }

    private static boolean[][] compute() {
      NamingStyle[] all = NamingStyle.values();
      boolean[][] out = new boolean[all.length][all.length];
      for (NamingStyle a : all) {
        for (NamingStyle b : all) {
          out[a.ordinal()][b.ordinal()] = Regex.compile(a.regex()).and(Regex.compile(b.regex())).isEmpty();
        }
      }
      return out;
    }
  }

  /** F finds a match inside {@code text} with a word and a non-word character on either side. */
  private static Answer findsInEveryContext(String text, String pattern) {
    if (pattern.contains("(?=") || pattern.contains("(?!") || pattern.contains("(?<=") || pattern.contains("(?<!")) {
      return Answer.unknown("forbidden pattern /" + pattern + "/ has lookarounds, which may look beyond the required text");
    }
    Object compiled = JAVA.get(pattern);
    if (compiled == null) {
      try {
        compiled = Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        compiled = e;
      }
      put(JAVA, pattern, compiled);
    }
    if (!(compiled instanceof Pattern p)) {
      return Answer.unknown("forbidden pattern /" + pattern + "/ is not a valid regex: "
          + ((PatternSyntaxException) compiled).getDescription());
    }
    for (String left : SIDES) {
      for (String right : SIDES) {
        Matcher m = p.matcher(left + text + right);
        m.region(1, 1 + text.length()).useTransparentBounds(true).useAnchoringBounds(false);
        if (!m.find()) return Answer.NO;
      }
    }
    return Answer.YES;
  }

  private static Object engine(String pattern) {
    Object r = ENGINE.get(pattern);
    if (r == null) {
      r = compile(pattern);
      put(ENGINE, pattern, r);
    }
    return r;
  }

  /** Σ* F Σ* for F in the engine's dialect. */
  private static Object contains(String pattern) {
    Object r = CONTAINS.get(pattern);
    if (r == null) {
      // Check F alone first, so that an error points into F, not into the wrapper.
      r = engine(pattern) instanceof BadInputException e ? e : compile(ANY + "(?:" + pattern + ")" + ANY);
      put(CONTAINS, pattern, r);
    }
    return r;
  }

  private static Object compile(String pattern) {
    try {
      return Regex.compile(pattern);
    } catch (BadInputException e) {
      return e;
    }
  }

  private static void put(Map<String, Object> cache, String key, Object value) {
    // Patterns are few and recur; a set that brings thousands of distinct ones starts over
    // rather than growing the cache without bound.
    if (cache.size() >= CACHE_LIMIT) cache.clear();
    cache.put(key, value);
  }

  /** {@code text} as an engine regex matching exactly it. */
  static String quote(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    text.codePoints().forEach(cp -> {
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_' || cp == ' ') {
        sb.append((char) cp);
      } else {
        sb.append("\\x{").append(Integer.toHexString(cp)).append('}');
      }
    });
    return sb.toString();
  }
}
