package dev.ananke.cli;

import dev.ananke.maze.validate.Check;
import dev.ananke.maze.validate.Validation;
import java.io.PrintWriter;

/** The validation report, one line a check, violations first. */
final class Reports {
  private Reports() {}

  static void validation(PrintWriter err, Validation v) {
    for (Check c : v.violations()) err.println("  violated  " + c.name() + ": " + c.detail());
    for (Check c : v.checks()) if (c.satisfied()) err.println("  ok        " + c.name() + ": " + c.detail());
    long bad = v.violations().size();
    err.println(bad == 0
        ? "ananke: all " + v.checks().size() + " checks hold"
        : "ananke: " + bad + " of " + v.checks().size() + " checks violated");
  }
}
