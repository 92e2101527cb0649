package dev.ananke.bench.gate;

import java.util.Locale;

/**
 * The gate's judgement of one figure.
 *
 * @param key the figure's key ({@code Result.key()})
 * @param ratio fresh over baseline, both as a cost (time per operation, bytes) normalised to the
 *     calibration of their run: above 1 is slower; NaN when not computed
 * @param tolerance the relative change the two runs' measured errors allow (at least the floor)
 * @param detail why, in words
 */
public record Verdict(String key, Status status, double ratio, double tolerance, String detail) {

  public enum Status {
    /** Slower beyond the tolerance: fails the gate. */
    SLOWER(true),
    /** In the baseline, in a suite that ran, but not in the fresh run: fails the gate. */
    MISSING(true),
    /** Within the tolerance either way. */
    UNCHANGED(false),
    /** Faster beyond the tolerance: never a failure. */
    FASTER(false),
    /** Not in the baseline: nothing to compare with. */
    NEW(false),
    /** No error could be measured for one side (a single sample), or the units cannot be compared. */
    UNJUDGED(false);

    private final boolean fails;

    Status(boolean fails) {
      this.fails = fails;
    }

    public boolean fails() {
      return fails;
    }
  }

  public String render() {
    String change = Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, " %+.1f%% (tolerance ±%.1f%%)",
        (ratio - 1) * 100, tolerance * 100);
    return String.format(Locale.ROOT, "%-9s %s%s%s", status, key, change, detail.isEmpty() ? "" : ": " + detail);
  }
}
