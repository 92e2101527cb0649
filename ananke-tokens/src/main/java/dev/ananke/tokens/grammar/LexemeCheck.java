package dev.ananke.tokens.grammar;

/**
 * An exact test on a complete lexeme, for constraints a regex would state only approximately or
 * at great size (a number's bounds, multipleOf). Runs once per completed lexeme, not per byte.
 */
public interface LexemeCheck {
  /** Whether {@code bytes[from..to)}, a complete match of the lexeme's regex, is acceptable. */
  boolean test(byte[] bytes, int from, int to);

  /** A stable description, part of the lexeme's identity (e.g. {@code >=0}). */
  String describe();
}
