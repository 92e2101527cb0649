package dev.ananke.maze.validate;

import java.util.List;

/** The checks of one output; {@code allSatisfied} only when every check holds. */
public record Validation(boolean allSatisfied, List<Check> checks) {
  public Validation {
    checks = List.copyOf(checks);
  }

  static Validation of(List<Check> checks) {
    return new Validation(checks.stream().allMatch(Check::satisfied), checks);
  }

  public List<Check> violations() {
    return checks.stream().filter(c -> !c.satisfied()).toList();
  }
}
