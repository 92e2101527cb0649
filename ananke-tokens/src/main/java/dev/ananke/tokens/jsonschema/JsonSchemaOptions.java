package dev.ananke.tokens.jsonschema;

import org.jspecify.annotations.Nullable;

/**
 * How a JSON Schema becomes a grammar.
 *
 * @param whitespace regex of the whitespace allowed between any two JSON lexemes, or null for
 *     none (compact output); the default allows JSON's four whitespace bytes, at most 20 at a time
 *     so that a model cannot run away in whitespace
 * @param anyPropertyOrder false: listed properties in schema order (tighter masks, the natural
 *     output); true: in any order, as JSON objects are unordered (for validating existing data,
 *     e.g. MaskBench, whose instances do not follow schema order)
 * @param maxGrammarNodes bound on the grammar's size (expressions created)
 * @param maxCompileMillis bound on compile time
 */
public record JsonSchemaOptions(@Nullable String whitespace, boolean anyPropertyOrder, int maxGrammarNodes,
    long maxCompileMillis) {
  public static final String FLEXIBLE_WHITESPACE = "[\\x20\\x0A\\x0D\\x09]{1,20}";
  public static final JsonSchemaOptions DEFAULT = new JsonSchemaOptions(FLEXIBLE_WHITESPACE, false, 500_000, 10_000);

  public JsonSchemaOptions {
    if (maxGrammarNodes < 1) throw new IllegalArgumentException("maxGrammarNodes must be positive");
    if (maxCompileMillis < 1) throw new IllegalArgumentException("maxCompileMillis must be positive");
  }

  /** No whitespace at all between lexemes. */
  public JsonSchemaOptions compact() {
    return new JsonSchemaOptions(null, anyPropertyOrder, maxGrammarNodes, maxCompileMillis);
  }

  public JsonSchemaOptions withWhitespace(@Nullable String regex) {
    return new JsonSchemaOptions(regex, anyPropertyOrder, maxGrammarNodes, maxCompileMillis);
  }

  public JsonSchemaOptions withAnyPropertyOrder(boolean any) {
    return new JsonSchemaOptions(whitespace, any, maxGrammarNodes, maxCompileMillis);
  }
}
