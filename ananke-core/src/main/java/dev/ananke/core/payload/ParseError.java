package dev.ananke.core.payload;

import dev.ananke.core.Checks;
import dev.ananke.core.ConstraintKind;

/**
 * A region of a source file that did not parse: generated code must not extend it. The
 * region starts at the constraint's origin and ends at (endLine, endColumn), inclusive.
 */
public record ParseError(int endLine, int endColumn, String message) implements Payload {

  public ParseError {
    if (endLine < 1 || endColumn < 1) {
      throw new IllegalArgumentException("parse error end must be at line >= 1 and column >= 1");
    }
    Checks.notBlank(message, "message");
  }

  @Override
  public ConstraintKind defaultKind() {
    return ConstraintKind.SYNTACTIC;
  }
}
