package dev.ananke.core.ir;

/** What is being generated. */
public enum TargetKind {
  /** The body of an existing function; its signature is fixed. */
  FUNCTION_BODY,
  /** A new function in a file's language and conventions. */
  NEW_FUNCTION,
  /** A value of a declared type, as JSON. */
  TYPE_VALUE,
  /** A whole module (file). */
  MODULE
}
