package dev.ananke.core.payload;

import dev.ananke.core.ConstraintKind;

/** A concurrency idiom the code uses, and how often. */
public record AsyncIdiom(AsyncStyle style, int occurrences) implements Payload {

  public AsyncIdiom {
    if (occurrences < 1) {
      throw new IllegalArgumentException("occurrences must be >= 1, was " + occurrences);
    }
  }

  @Override
  public ConstraintKind defaultKind() {
    return ConstraintKind.SEMANTIC;
  }
}
