package dev.ananke.core.payload;

import dev.ananke.core.ConstraintKind;

/** An error-handling idiom the code uses, and how often. */
public record ErrorHandlingIdiom(ErrorIdiom idiom, int occurrences) implements Payload {

  public ErrorHandlingIdiom {
    if (occurrences < 1) {
      throw new IllegalArgumentException("occurrences must be >= 1, was " + occurrences);
    }
  }

  @Override
  public ConstraintKind defaultKind() {
    return ConstraintKind.SEMANTIC;
  }
}
