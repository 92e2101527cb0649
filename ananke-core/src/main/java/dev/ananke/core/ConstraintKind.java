package dev.ananke.core;

/** What part of the code a constraint is about. */
public enum ConstraintKind {
  SYNTACTIC,
  TYPE_SAFETY,
  SEMANTIC,
  ARCHITECTURAL,
  OPERATIONAL,
  SECURITY
}
