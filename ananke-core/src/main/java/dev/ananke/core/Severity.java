package dev.ananke.core;

/** How bad a violation is, from the worst down. */
public enum Severity {
  ERROR,
  WARNING,
  INFO,
  HINT
}
