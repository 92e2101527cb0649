package dev.ananke.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.bench.results.BenchRun;
import dev.ananke.bench.results.Machine;
import dev.ananke.bench.results.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's arithmetic on figures made up to the point: what it flags and what it lets pass. */
class GateTest {
  private static final Machine MACHINE = new Machine("cpu", 2, 1024, "os", "jvm", List.of());
  private final Gate gate = new Gate(Gate.DEFAULT_FLOOR);

  static Result time(String benchmark, double score, double error, double calibration) {
    return new Result("wire", benchmark, Map.of("n", "10"), Result.PRIMARY, "avgt", "us/op", score, error, 5, score,
        null, null, calibration, calibration * 0.01);
  }

  static BenchRun run(Result... results) {
    return new BenchRun("test", "standard", "2026-11-27T00:00:00Z", 0.5, MACHINE, List.of("wire"), List.of(results));
  }

  private Verdict only(BenchRun base, BenchRun fresh) {
    GateReport report = gate.check(base, fresh);
    assertEquals(1, report.verdicts().size(), report.render());
    return report.verdicts().getFirst();
  }

  @Test
  void slowerBeyondTheErrorsFails() {
    Verdict v = only(run(time("a.B.c", 100, 2, 50)), run(time("a.B.c", 130, 3, 50)));
    assertEquals(Verdict.Status.SLOWER, v.status());
    assertEquals(1.30, v.ratio(), 1e-9);
    assertFalse(gate.check(run(time("a.B.c", 100, 2, 50)), run(time("a.B.c", 130, 3, 50))).passed());
  }

  @Test
  void slowerWithinTheMeasuredErrorPasses() {
    // 30% slower, but each figure is only known to +-25%: the tolerance is their quadrature sum
    Verdict v = only(run(time("a.B.c", 100, 25, 50)), run(time("a.B.c", 130, 32.5, 50)));
    assertEquals(Verdict.Status.UNCHANGED, v.status(), v.render());
    assertEquals(Math.sqrt(0.25 * 0.25 * 2 + 0.01 * 0.01 * 2), v.tolerance(), 1e-9);
  }

  @Test
  void fasterNeverFails() {
    for (double factor : new double[] {0.99, 0.9, 0.5, 0.01}) {
      GateReport r = gate.check(run(time("a.B.c", 100, 1, 50)), run(time("a.B.c", 100 * factor, 1, 50)));
      assertTrue(r.passed(), r.render());
    }
    assertEquals(Verdict.Status.FASTER, only(run(time("a.B.c", 100, 1, 50)), run(time("a.B.c", 50, 1, 50))).status());
  }

  @Test
  void aMachineTwiceAsSlowIsNotARegression() {
    // everything, the yardstick included, took twice as long
    Verdict v = only(run(time("a.B.c", 100, 2, 50)), run(time("a.B.c", 200, 4, 100)));
    assertEquals(Verdict.Status.UNCHANGED, v.status(), v.render());
    assertEquals(1.0, v.ratio(), 1e-9);
    // but the same slowdown with an unchanged yardstick is the code's
    assertEquals(Verdict.Status.SLOWER, only(run(time("a.B.c", 100, 2, 50)), run(time("a.B.c", 200, 4, 50))).status());
  }

  @Test
  void throughputIsACostUpsideDown() {
    Result base = new Result("wire", "a.B.c", Map.of(), Result.PRIMARY, "thrpt", "ops/s", 1000, 10, 5, 1000, null, null,
        50, 0.5);
    Result lower = new Result("wire", "a.B.c", Map.of(), Result.PRIMARY, "thrpt", "ops/s", 500, 10, 5, 500, null, null,
        50, 0.5);
    Result higher = new Result("wire", "a.B.c", Map.of(), Result.PRIMARY, "thrpt", "ops/s", 2000, 10, 5, 2000, null, null,
        50, 0.5);
    assertEquals(Verdict.Status.SLOWER, only(run(base), run(lower)).status());
    assertEquals(Verdict.Status.FASTER, only(run(base), run(higher)).status());
  }

  @Test
  void unitsAreConvertedAndSizesAreNotNormalised() {
    Result us = time("a.B.c", 1.0, 0.01, 50);
    Result ns = new Result("wire", "a.B.c", Map.of("n", "10"), Result.PRIMARY, "avgt", "ns/op", 1000, 10, 5, 1000, null, null,
        50, 0.5);
    assertEquals(1.0, only(run(us), run(ns)).ratio(), 1e-9);
    Result bytes = new Result("memory", "a.B.c", Map.of(), "gc.alloc.rate.norm", "avgt", "B/op", 1000, 0, 5, 1000, null, null,
        50, 0.5);
    Result moreBytes = new Result("memory", "a.B.c", Map.of(), "gc.alloc.rate.norm", "avgt", "B/op", 1200, 0, 5, 1200, null,
        null, 10, 0.1);
    Verdict v = only(run(bytes), run(moreBytes));
    assertEquals(Verdict.Status.SLOWER, v.status());
    assertEquals(1.2, v.ratio(), 1e-9);
  }

  @Test
  void aBenchmarkThatStoppedRunningFailsAndANewOneDoesNot() {
    GateReport r = gate.check(run(time("a.B.gone", 100, 1, 50)), run(time("a.B.added", 100, 1, 50)));
    assertFalse(r.passed());
    assertEquals(List.of(Verdict.Status.MISSING, Verdict.Status.NEW), r.verdicts().stream().map(Verdict::status).toList());
  }

  @Test
  void withoutAnErrorNothingIsJudged() {
    Verdict v = only(run(time("a.B.c", 100, Double.NaN, 50)), run(time("a.B.c", 300, 1, 50)));
    assertEquals(Verdict.Status.UNJUDGED, v.status());
    assertTrue(v.detail().contains("no error"), v.detail());
  }

  @Test
  void aDifferenceInPerCentIsReportedNotGated() {
    Result base = new Result("extraction", "a.B.c", Map.of("n", "10"), "overheadPercent", "avgt", "%", 20, 1, 10, 20,
        null, null, 50, 0.5);
    Result fresh = new Result("extraction", "a.B.c", Map.of("n", "10"), "overheadPercent", "avgt", "%", 40, 1, 10, 40,
        null, null, 50, 0.5);
    Verdict v = only(run(base), run(fresh));
    assertEquals(Verdict.Status.UNJUDGED, v.status());
    assertTrue(v.detail().contains("20.0 -> 40.0"), v.detail());
    assertTrue(gate.check(run(base), run(fresh)).passed());
  }

  @Test
  void theFloorHoldsWhenErrorsAreTiny() {
    assertEquals(Verdict.Status.UNCHANGED, only(run(time("a.B.c", 100, 0.01, 50)), run(time("a.B.c", 104, 0.01, 50))).status());
    assertEquals(Verdict.Status.SLOWER, only(run(time("a.B.c", 100, 0.01, 50)), run(time("a.B.c", 106, 0.01, 50))).status());
  }
}
