package dev.ananke.bench.gate;

import dev.ananke.bench.results.BenchRun;
import dev.ananke.bench.results.Result;
import dev.ananke.bench.results.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The regression gate: compares a fresh run with the baselines, figure by figure, and fails only
 * when one is slower beyond what the two measurements' own errors allow. Faster never fails.
 *
 * <p>Machine noise is cancelled by normalising: every time is divided by the calibration
 * benchmark measured just before its suite in the same run, so a machine that is twice as slow
 * today (another tenant, a slower CPU of the same class) doubles both and the ratio stays. The
 * tolerance is the combined relative error of the four figures involved (fresh, baseline and their
 * two calibrations, each JMH's 99.9% confidence half-width), added in quadrature, but never below
 * {@code floor}: calibration cannot cancel everything, and a few percent is below what a 2-core
 * shared machine can resolve. Sizes (bytes per operation, MB) are compared as they are.
 */
public final class Gate {
  /** The default floor of the tolerance. */
  public static final double DEFAULT_FLOOR = 0.05;

  private final double floor;

  public Gate(double floor) {
    if (!(floor >= 0)) throw new IllegalArgumentException("the tolerance floor must be >= 0, not " + floor);
    this.floor = floor;
  }

  /**
   * Judges every figure of {@code fresh} against {@code baseline}; figures of the baseline whose
   * suite is in {@code fresh.suites()} but which the fresh run lacks are {@code MISSING}.
   */
  public GateReport check(BenchRun baseline, BenchRun fresh) {
    Map<String, Result> base = new LinkedHashMap<>();
    for (Result r : baseline.results()) base.put(r.key(), r);
    List<Verdict> verdicts = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Result r : fresh.results()) {
      seen.add(r.key());
      Result b = base.get(r.key());
      verdicts.add(b == null ? new Verdict(r.key(), Verdict.Status.NEW, Double.NaN, Double.NaN, "no baseline") : judge(b, r));
    }
    for (Result b : baseline.results()) {
      if (fresh.suites().contains(b.suite()) && !seen.contains(b.key())) {
        verdicts.add(new Verdict(b.key(), Verdict.Status.MISSING, Double.NaN, Double.NaN, "its suite ran but it did not"));
      }
    }
    return new GateReport(verdicts, baseline.machine().describe(), fresh.machine().describe());
  }

  Verdict judge(Result base, Result fresh) {
    if (fresh.measuresDifference()) { // the goals on it are read from the report
      return new Verdict(fresh.key(), Verdict.Status.UNJUDGED, Double.NaN, Double.NaN,
          "a difference in per cent: reported, not gated (" + base.score() + " -> " + fresh.score() + ")");
    }
    @Nullable Double baseCost = Units.cost(base.score(), base.unit());
    @Nullable Double freshCost = Units.cost(fresh.score(), fresh.unit());
    if (baseCost == null || freshCost == null || !Units.comparable(base.unit(), fresh.unit())) {
      return new Verdict(fresh.key(), Verdict.Status.UNJUDGED, Double.NaN, Double.NaN,
          "units " + base.unit() + " and " + fresh.unit() + " cannot be compared");
    }
    double ratio = freshCost / baseCost;
    double variance = square(relative(base.error(), base.score())) + square(relative(fresh.error(), fresh.score()));
    String normalised = "";
    if (fresh.measuresSpeed()) {
      if (Double.isFinite(base.calibration()) && Double.isFinite(fresh.calibration()) && base.calibration() > 0
          && fresh.calibration() > 0) {
        ratio = ratio * base.calibration() / fresh.calibration();
        variance += square(relative(base.calibrationError(), base.calibration()))
            + square(relative(fresh.calibrationError(), fresh.calibration()));
        normalised = String.format(java.util.Locale.ROOT, "calibration %.3f -> %.3f", base.calibration(), fresh.calibration());
      } else {
        normalised = "not normalised: a run has no calibration";
      }
    }
    if (Double.isNaN(variance)) {
      return new Verdict(fresh.key(), Verdict.Status.UNJUDGED, ratio, Double.NaN,
          "no error measured (" + base.samples() + " and " + fresh.samples() + " samples)");
    }
    double tolerance = Math.max(floor, Math.sqrt(variance));
    Verdict.Status status = ratio > 1 + tolerance ? Verdict.Status.SLOWER
        : ratio < 1 / (1 + tolerance) ? Verdict.Status.FASTER
        : Verdict.Status.UNCHANGED;
    return new Verdict(fresh.key(), status, ratio, tolerance, normalised);
  }

  private static double relative(double error, double score) {
    return score == 0 ? Double.NaN : Math.abs(error / score);
  }

  private static double square(double x) {
    return x * x;
  }
}
