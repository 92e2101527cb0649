package dev.ananke.tokens;

import java.util.Random;

/** Random patterns of the supported dialect and random inputs over a matching alphabet. */
final class RandomRegexes {
  private RandomRegexes() {}

  private static final String[] ATOMS = {
    "a", "b", "c", "0", "1", "é", "日", " ", "[ab]", "[^a]", "[a-c]", "[0-9]", "\\d", "\\w", "\\s",
    "\\D", ".", "[^\\d]", "\\.", "[é日]", "[\\u00e0-\\u00ff]", "[^a-z]", "\\x41", "A", "-", "[-a]"
  };

  /** Inputs draw from these; they cover every class the atoms use, and one character none do. */
  static final String ALPHABET = "abc01é日 A-.\nz\t";

  static String pattern(Random r, int depth) {
    int k = depth <= 0 ? 0 : r.nextInt(6);
    return switch (k) {
      case 0, 1 -> ATOMS[r.nextInt(ATOMS.length)];
      case 2 -> pattern(r, depth - 1) + pattern(r, depth - 1);
      case 3 -> pattern(r, depth - 1) + "|" + pattern(r, depth - 1);
      case 4 -> group(r, pattern(r, depth - 1)) + quantifier(r);
      default -> group(r, pattern(r, depth - 1) + pattern(r, depth - 1));
    };
  }

  private static String group(Random r, String inner) {
    return r.nextBoolean() ? "(" + inner + ")" : "(?:" + inner + ")";
  }

  private static String quantifier(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> "?";
      case 1 -> "*";
      case 2 -> "+";
      case 3 -> "{2}";
      case 4 -> "{1,3}";
      case 5 -> "{0,2}";
      case 6 -> "{2,}";
      default -> "*?";
    };
  }

  static String input(Random r, int maxLength) {
    int n = r.nextInt(maxLength + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    return sb.toString();
  }
}
