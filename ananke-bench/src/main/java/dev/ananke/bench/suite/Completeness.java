package dev.ananke.bench.suite;

import dev.ananke.bench.results.Result;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * What a run must hold to prove the suite works: a finite, positive figure from every benchmark
 * method of every suite it ran. Quick runs are judged by this alone, never by their timings.
 */
public final class Completeness {
  private Completeness() {}

  /** Every {@code @Benchmark} method of a suite's classes, inherited ones included, as JMH names them. */
  public static Set<String> benchmarks(Suite suite) {
    Set<String> out = new TreeSet<>();
    for (Class<?> c : suite.classes()) {
      for (Method m : c.getMethods()) {
        if (m.isAnnotationPresent(Benchmark.class)) out.add(c.getName() + "." + m.getName());
      }
    }
    return out;
  }

  /** The problems of a run of {@code suites}: benchmarks with no figure, figures that are no number. Empty when complete. */
  public static List<String> problems(List<Suite> suites, List<Result> results) {
    List<String> problems = new ArrayList<>();
    Set<String> measured = results.stream().map(Result::benchmark).collect(Collectors.toSet());
    for (Suite s : suites) {
      for (String b : benchmarks(s)) {
        if (!measured.contains(b)) problems.add(s.id() + ": " + b + " produced no result");
      }
    }
    for (Result r : results) {
      // a secondary figure may be zero, and a difference negative (a quick run's overhead over the parse of a large file)
      boolean number = Double.isFinite(r.score()) && (r.metric().equals(Result.PRIMARY) ? r.score() > 0
          : r.score() >= 0 || r.measuresDifference());
      if (!number) problems.add(r.suite() + ": " + r.key() + " scored " + r.score());
    }
    return problems;
  }
}
