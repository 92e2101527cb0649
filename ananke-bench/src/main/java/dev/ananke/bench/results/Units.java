package dev.ananke.bench.results;

import org.jspecify.annotations.Nullable;

/**
 * JMH's units as costs: a time per operation in seconds, a rate turned into seconds per unit of
 * work, a size in bytes. A cost is lower when better, whatever the unit was.
 */
public final class Units {
  private Units() {}

  /** The cost in base units (s/op, s per counted unit, bytes), or null for a unit we do not know. */
  public static @Nullable Double cost(double score, String unit) {
    String[] parts = unit.split("/", 2);
    if (parts.length == 2 && parts[1].equals("op")) {
      Double seconds = seconds(parts[0]);
      if (seconds != null) return score * seconds;
      if (parts[0].equals("B")) return score;
      return null;
    }
    if (parts.length == 2) {
      Double seconds = seconds(parts[1]);
      return seconds == null || score == 0 ? null : seconds / score;
    }
    return switch (unit) {
      case "B" -> score;
      case "KB" -> score * 1024;
      case "MB" -> score * 1024 * 1024;
      default -> null;
    };
  }

  /** True when two units measure the same kind of thing (both times per operation, both rates, both sizes). */
  public static boolean comparable(String a, String b) {
    return kind(a).equals(kind(b));
  }

  private static String kind(String unit) {
    String[] parts = unit.split("/", 2);
    if (parts.length == 2 && parts[1].equals("op")) return parts[0].equals("B") ? "size" : "time";
    if (parts.length == 2) return "rate";
    return "size";
  }

  /** A time per operation ({@code ns/op} ... {@code s/op}) in seconds; NaN for any other unit. */
  public static double secondsPerOperation(double value, String unit) {
    String[] parts = unit.split("/", 2);
    Double seconds = parts.length == 2 && parts[1].equals("op") ? seconds(parts[0]) : null;
    return seconds == null ? Double.NaN : value * seconds;
  }

  private static @Nullable Double seconds(String unit) {
    return switch (unit) {
      case "ns" -> 1e-9;
      case "us" -> 1e-6;
      case "ms" -> 1e-3;
      case "s" -> 1.0;
      case "min" -> 60.0;
      default -> null;
    };
  }
}
