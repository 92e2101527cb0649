package dev.ananke.core.payload;

/** The kinds of names a naming convention is measured over. */
public enum IdentifierCategory {
  FUNCTION,
  TYPE,
  VARIABLE,
  CONSTANT,
  PARAMETER,
  FIELD
}
