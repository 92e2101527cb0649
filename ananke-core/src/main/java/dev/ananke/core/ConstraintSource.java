package dev.ananke.core;

/** How a constraint was found. */
public enum ConstraintSource {
  AST_PATTERN,
  TYPE_SYSTEM,
  CONTROL_FLOW,
  DATA_FLOW,
  TEST_MINING,
  DOCUMENTATION,
  TELEMETRY,
  USER_DEFINED,
  LLM_ANALYSIS
}
