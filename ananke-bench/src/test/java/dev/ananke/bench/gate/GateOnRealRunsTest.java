package dev.ananke.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.bench.results.BenchRun;
import dev.ananke.bench.results.Machine;
import dev.ananke.bench.results.Result;
import dev.ananke.bench.suite.RepoRoot;
import dev.ananke.bench.suite.RunMode;
import dev.ananke.bench.suite.SuiteRunner;
import dev.ananke.bench.wire.ConstraintJsonBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The gate on real JMH measurements: the JSON round trip of 10 constraints, measured in this JVM,
 * and the same benchmark made about a hundred times slower (it is given 1,000 constraints, then
 * reported under the 10-constraint key, as a regression would look). The slowdown is flagged; the
 * reverse, a hundred-fold speed-up, is not. (A hundred, not two: on a loaded 2-core machine a JIT
 * still warming up makes the errors wide, and the gate rightly widens its tolerance with them.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GateOnRealRunsTest {
  private Result ten;
  private Result thousand;

  @BeforeAll
  void measure() throws Exception {
    RunMode mode = new RunMode("gate-test", 0, 10, 200, 5, 200, 1, false);
    SuiteRunner runner = new SuiteRunner(mode, RepoRoot.find(), VerboseMode.SILENT,
        new PrintStream(new ByteArrayOutputStream()));
    List<Result> results = runner.run("wire", List.of("^" + ConstraintJsonBenchmark.class.getName().replace(".", "\\.")
        + "\\.roundTrip$"), Map.of("constraints", List.of("10", "1000")), false);
    ten = results.stream().filter(r -> r.params().get("constraints").equals("10")).findFirst().orElseThrow();
    thousand = results.stream().filter(r -> r.params().get("constraints").equals("1000")).findFirst().orElseThrow();
    assertTrue(Double.isFinite(ten.error()) && Double.isFinite(thousand.error()), "five iterations give an error");
  }

  private static BenchRun run(Result r) {
    return new BenchRun("test", "gate-test", "2026-11-27T00:00:00Z", 0, Machine.current(), List.of("wire"), List.of(r));
  }

  /** {@code r}'s measurement under {@code as}'s key: the same benchmark, made to do other work. */
  private static Result relabel(Result r, Result as) {
    return new Result(as.suite(), as.benchmark(), as.params(), as.metric(), r.mode(), r.unit(), r.score(), r.error(),
        r.samples(), r.median(), r.p99(), r.p999(), r.calibration(), r.calibrationError());
  }

  @Test
  void aBenchmarkMadeSlowerIsFlagged() {
    GateReport report = new Gate(Gate.DEFAULT_FLOOR).check(run(ten), run(relabel(thousand, ten)));
    assertFalse(report.passed(), report.verdicts().getFirst().render());
    assertEquals(Verdict.Status.SLOWER, report.verdicts().getFirst().status(), report.verdicts().getFirst().render());
  }

  @Test
  void aBenchmarkMadeFasterIsNot() {
    GateReport report = new Gate(Gate.DEFAULT_FLOOR).check(run(relabel(thousand, ten)), run(ten));
    assertTrue(report.passed(), report.verdicts().getFirst().render());
    assertEquals(Verdict.Status.FASTER, report.verdicts().getFirst().status(), report.verdicts().getFirst().render()
        + "\n" + ten + "\n" + thousand);
  }

  @Test
  void aBenchmarkComparedWithItselfPasses() {
    assertTrue(new Gate(Gate.DEFAULT_FLOOR).check(run(ten), run(ten)).passed());
  }
}
