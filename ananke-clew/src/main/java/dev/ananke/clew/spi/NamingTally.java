package dev.ananke.clew.spi;

import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.NamingStyle;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts, per identifier category, how many names were seen and how many follow each naming
 * style (a name like {@code user} follows several). Tallies of many files add up; the dominant
 * style of a category is then the one most names follow. Not thread-safe.
 */
public final class NamingTally {
  private static final NamingStyle[] STYLES = NamingStyle.values();

  private final Map<IdentifierCategory, int[]> counts = new EnumMap<>(IdentifierCategory.class);

  /** Records one name; names without a letter (such as {@code _}) say nothing about style. */
  public void add(IdentifierCategory category, String name) {
    if (!hasLetter(name)) return;
    int[] c = counts.computeIfAbsent(category, k -> new int[2 * STYLES.length + 1]);
    c[STYLES.length]++;
    int matched = -1;
    int matches = 0;
    int followed = styles(name);
    for (int i = 0; i < STYLES.length; i++) {
      if ((followed & (1 << i)) != 0) {
        c[i]++;
        matched = i;
        matches++;
      }
    }
    if (matches == 1) c[STYLES.length + 1 + matched]++;
  }

  private static boolean hasLetter(String name) {
    for (int i = 0, n = name.length(); i < n; i++) {
      if (Character.isLetter(name.charAt(i))) return true;
    }
    return false; // by UTF-16 unit, as ever: a letter outside the BMP does not count
  }

  /**
   * Names (of any category) that follow this style and no other: {@code getUser} is only
   * camelCase, {@code get_user} only snake_case, while {@code user} is both. Breaks ties between
   * styles that ambiguous names follow equally.
   */
  public int exclusive(NamingStyle style) {
    int sum = 0;
    for (int[] c : counts.values()) sum += c[STYLES.length + 1 + style.ordinal()];
    return sum;
  }

  /**
   * The styles {@code name} follows, as a mask of {@link NamingStyle} ordinals: each style's
   * regex, decided by one scan of the name for the four styles we know (a regex per style and
   * name was a tenth of the extraction time of small files); any other style falls back to its
   * regex.
   */
  static int styles(String name) {
    int i = 0;
    int n = name.length();
    while (i < n && name.charAt(i) == '_') i++;
    boolean lower = false, upper = false, hasLower = false, hasUpper = false, hasUnderscore = false, other = i == n;
    if (i < n) {
      char first = name.charAt(i);
      lower = first >= 'a' && first <= 'z';
      upper = first >= 'A' && first <= 'Z';
    }
    for (int k = i + 1; k < n; k++) {
      char ch = name.charAt(k);
      if (ch >= 'a' && ch <= 'z') hasLower = true;
      else if (ch >= 'A' && ch <= 'Z') hasUpper = true;
      else if (ch == '_') hasUnderscore = true;
      else if (!(ch >= '0' && ch <= '9')) other = true;
    }
    int mask = 0;
    for (NamingStyle style : STYLES) {
      boolean follows = !other && switch (style) {
        case CAMEL_CASE -> lower && !hasUnderscore;
        case PASCAL_CASE -> upper && !hasUnderscore;
        case SNAKE_CASE -> lower && !hasUpper;
        case SCREAMING_SNAKE_CASE -> upper && !hasLower;
        default -> style.matches(name);
      };
      if (follows) mask |= 1 << style.ordinal();
    }
    return mask;
  }

  /** Whether {@code name} follows {@code style} (its regex). */
  static boolean follows(NamingStyle style, String name) {
    return (styles(name) & (1 << style.ordinal())) != 0;
  }

  public void addAll(NamingTally other) {
    other.counts.forEach((category, theirs) -> {
      int[] mine = counts.computeIfAbsent(category, k -> new int[2 * STYLES.length + 1]);
      for (int i = 0; i < mine.length; i++) mine[i] += theirs[i];
    });
  }

  /** Names seen in the category. */
  public int total(IdentifierCategory category) {
    int[] c = counts.get(category);
    return c == null ? 0 : c[STYLES.length];
  }

  /** Names of the category that follow the style. */
  public int conforming(IdentifierCategory category, NamingStyle style) {
    int[] c = counts.get(category);
    return c == null ? 0 : c[style.ordinal()];
  }

  public boolean isEmpty() {
    return counts.isEmpty();
  }
}
