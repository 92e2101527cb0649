package dev.ananke.maze.backend;

/** The forms in which a ConstraintIR can reach an engine. */
public enum ConstraintForm {
  /** A Lark grammar in llguidance's dialect. */
  LARK,
  /** A GBNF grammar (llama.cpp) or the EBNF dialects that accept it. */
  GBNF,
  JSON_SCHEMA,
  /** One regex the whole output must match. */
  REGEX
}
