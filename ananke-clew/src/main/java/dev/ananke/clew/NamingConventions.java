package dev.ananke.clew;

import dev.ananke.clew.spi.NamingTally;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSource;
import dev.ananke.core.Severity;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the names tallied over the whole input into one convention per language and identifier
 * category: the style most names follow, and the share that do. Languages are kept apart
 * (TypeScript functions are camelCase, Python's snake_case).
 */
final class NamingConventions {
  private NamingConventions() {}

  /** Fewer names than this say nothing reliable about a convention. */
  static final int MIN_NAMES = 3;

  private static final NamingStyle[] STYLES = NamingStyle.values();
  private static final IdentifierCategory[] CATEGORIES = IdentifierCategory.values();

  static List<Constraint> conventions(Map<String, NamingTally> byLanguage) {
    List<Constraint> out = new ArrayList<>();
    byLanguage.forEach((language, tally) -> {
      for (IdentifierCategory category : CATEGORIES) {
        int total = tally.total(category);
        if (total < MIN_NAMES) continue;
        // Most conforming names wins; on a tie (names like `user` follow several styles), the
        // style the language's unambiguous names follow; then declaration order.
        NamingStyle best = null;
        int bestCount = -1;
        int bestExclusive = -1;
        for (NamingStyle style : STYLES) {
          int c = tally.conforming(category, style);
          int e = tally.exclusive(style);
          if (c > bestCount || (c == bestCount && e > bestExclusive)) {
            best = style;
            bestCount = c;
            bestExclusive = e;
          }
        }
        if (best == null || bestCount == 0) continue;
        NamingConvention convention = new NamingConvention(category, best, bestCount, total);
        String cat = category.name().toLowerCase(Locale.ROOT);
        out.add(Constraint.builder("naming." + language + "." + cat, convention)
            .description(language + " " + cat + " names are " + best.name().toLowerCase(Locale.ROOT)
                + " (" + bestCount + " of " + total + ", " + percent(100.0 * convention.share()) + "%)")
            .severity(Severity.INFO)
            .confidence(convention.share())
            .source(ConstraintSource.AST_PATTERN)
            .build());
      }
    });
    return out;
  }

  /**
   * {@code String.format("%.0f", p)} for a percentage in [0, 100] (half up, as the formatter
   * rounds), without the formatter, which cost more than the rest of the conventions together.
   */
  static String percent(double p) {
    double floor = Math.floor(p);
    long r = (long) floor;
    if (p - floor >= 0.5) r++; // exact: p - floor(p) is representable for p < 2^52
    return Long.toString(r);
  }
}
