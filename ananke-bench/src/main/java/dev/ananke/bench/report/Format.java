package dev.ananke.bench.report;

import java.util.Locale;

/** Numbers for people: three significant digits, times in the unit that reads best. */
final class Format {
  private Format() {}

  static String number(double v) {
    if (Double.isNaN(v)) return "n/a";
    double a = Math.abs(v);
    if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
    if (a >= 100) return String.format(Locale.ROOT, "%.0f", v);
    if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
    if (a >= 1) return String.format(Locale.ROOT, "%.2f", v);
    return String.format(Locale.ROOT, "%.3g", v);
  }

  static String seconds(double s) {
    if (Double.isNaN(s)) return "-";
    if (s >= 1) return number(s) + " s";
    if (s >= 1e-3) return number(s * 1e3) + " ms";
    if (s >= 1e-6) return number(s * 1e6) + " us";
    return number(s * 1e9) + " ns";
  }

  static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
