package dev.ananke.bench.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The benchmark measures what it says: its operations run and round-trip the set exactly. */
class ConstraintJsonBenchmarkTest {

  @Test
  void benchmarkOperationsRoundTripTheSampleSet() {
    ConstraintJsonBenchmark b = new ConstraintJsonBenchmark();
    b.constraints = 100;
    b.setUp();
    assertEquals(100, b.set.size());
    assertEquals(b.json, b.write());
    assertEquals(b.set, b.read());
    assertEquals(b.set, b.roundTrip());
  }
}
