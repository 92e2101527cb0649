package dev.ananke.maze;

import dev.ananke.core.ir.Target;
import dev.ananke.maze.backend.Sampling;
import dev.ananke.maze.validate.Validation;
import java.util.List;

/**
 * What a request produced: the code, where it came from, whether it holds, and what each stage cost.
 *
 * @param notEnforced parts of the IR the backend could not express (only with degradation allowed)
 */
public record MazeResult(String code, Provenance provenance, Validation validation, Timings timings, List<String> notEnforced) {
  public MazeResult {
    notEnforced = List.copyOf(notEnforced);
  }

  /**
   * @param constraintsApplied ids of the constraints the IR enforces
   * @param finishReason as the backend reports it
   */
  public record Provenance(
      String model, String backend, Target target, String intent, Sampling sampling, List<String> constraintsApplied, String finishReason) {
    public Provenance {
      constraintsApplied = List.copyOf(constraintsApplied);
    }
  }

  /** Nanoseconds per stage; a cache hit costs its lookup. */
  public record Timings(long extractNanos, long compileNanos, long generateNanos, long validateNanos) {
    public long totalNanos() {
      return extractNanos + compileNanos + generateNanos + validateNanos;
    }
  }
}
