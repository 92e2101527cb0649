package dev.ananke.core.payload;

/** The shape of a declared type. */
public enum TypeKind {
  INTERFACE,
  CLASS,
  RECORD,
  STRUCT,
  ENUM,
  UNION,
  ALIAS,
  TRAIT
}
