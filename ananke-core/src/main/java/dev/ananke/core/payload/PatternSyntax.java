package dev.ananke.core.payload;

/** How the pattern of a {@link ForbiddenPattern} or {@link RequiredPattern} is written. */
public enum PatternSyntax {
  /** The exact text. */
  LITERAL,
  /** A regex in the token engine's dialect, matched anywhere in the code. */
  REGEX
}
