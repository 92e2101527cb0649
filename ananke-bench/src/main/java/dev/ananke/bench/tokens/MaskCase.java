package dev.ananke.bench.tokens;

/**
 * Regexes typical of code constraints, each with a sample output that matches it. The benchmarks
 * tokenize the sample with the real Llama 3.1 tokenizer and measure the mask at every position
 * of that token sequence, so the states measured are the ones decoding really visits.
 */
public enum MaskCase {
  /** A lowerCamel identifier: {@code [a-z][a-zA-Z0-9]*}. */
  IDENTIFIER("[a-z][a-zA-Z0-9]*", "getUserById2"),
  /** camelCase made of words: lowercase head, then capitalised words. */
  CAMEL_CASE("[a-z]+([A-Z][a-z0-9]*)*", "fetchUserAccountBalanceV2"),
  /** A JSON/JS double-quoted string with escapes and any Unicode inside: dense masks. */
  QUOTED_STRING("\"([^\"\\\\\\x00-\\x1f]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4})*\"",
      "\"Hello, wörld! \\\"quoted\\\" 日本語 {json: [1, 2]} \\u00e9 and more text\""),
  /** A JSON number. */
  NUMBER("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?", "-1234567.890e+12"),
  /** A Java method signature prefix: fixed keywords, then a type and a name. */
  SIGNATURE("public static [A-Z][a-zA-Z0-9]*(<[A-Z][a-zA-Z0-9]*>)? [a-z][a-zA-Z0-9]*\\(",
      "public static List<User> findUsersByName("),
  /** A single-line comment body: almost everything but a newline. */
  LINE_COMMENT("// [^\\n]*", "// TODO: handle the empty case (see issue #42) — café");

  public final String regex;
  public final String sample;

  MaskCase(String regex, String sample) {
    this.regex = regex;
    this.sample = sample;
  }
}
