package dev.ananke.core.payload;

import dev.ananke.core.ConstraintKind;

/**
 * The dominant naming style of one category of identifiers, as measured: {@code conforming}
 * of {@code total} names seen follow it.
 */
public record NamingConvention(IdentifierCategory category, NamingStyle style, int conforming, int total)
    implements Payload {

  public NamingConvention {
    if (total < 1) {
      throw new IllegalArgumentException("a naming convention needs at least one name, total was " + total);
    }
    if (conforming < 0 || conforming > total) {
      throw new IllegalArgumentException(
          "conforming names must be in [0, total=" + total + "], was " + conforming);
    }
  }

  /** The share of names that follow the style, in [0, 1]. */
  public double share() {
    return (double) conforming / total;
  }

  @Override
  public ConstraintKind defaultKind() {
    return ConstraintKind.SEMANTIC;
  }
}
