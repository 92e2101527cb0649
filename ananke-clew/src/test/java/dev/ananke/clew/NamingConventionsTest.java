package dev.ananke.clew;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The percentage in a convention's description reads as {@code String.format("%.0f")} wrote it. */
class NamingConventionsTest {

  @Test
  void percentRoundsAsTheFormatterDoes() {
    for (int total = 1; total <= 1200; total++) {
      for (int conforming = 0; conforming <= total; conforming++) {
        double p = 100.0 * ((double) conforming / total);
        assertEquals(String.format(Locale.ROOT, "%.0f", p), NamingConventions.percent(p), conforming + " of " + total);
      }
    }
    for (double p : new double[] {0.5, 1.5, 2.5, 12.5, 99.5, 14.499999999999998, 0.49999999999999994, 100.0}) {
      assertEquals(String.format(Locale.ROOT, "%.0f", p), NamingConventions.percent(p), Double.toString(p));
    }
  }
}
