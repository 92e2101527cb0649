package dev.ananke.bench.results;

import java.util.List;
import java.util.Objects;

/**
 * One run of the suite: what was run, how, where, and every figure. The format of
 * {@code benchmarks/baselines.json} and of the archive in {@code benchmarks/results/}.
 *
 * @param anankeVersion the version of the code measured
 * @param mode {@code quick}, {@code standard} or {@code full} (see {@code RunMode})
 * @param startedAt ISO-8601 instant
 * @param load the one-minute load average when the run started, -1 when unknown
 */
public record BenchRun(
    String anankeVersion,
    String mode,
    String startedAt,
    double load,
    Machine machine,
    List<String> suites,
    List<Result> results) {

  public BenchRun {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(machine, "machine");
    suites = List.copyOf(suites);
    results = List.copyOf(results);
  }
}
