package dev.ananke.tokens.grammar;

import dev.ananke.tokens.Regex;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A terminal of the grammar: a regex the lexer matches greedily (the longest match wins, as in
 * llguidance), with an optional exact check on the matched bytes for what a regex states badly
 * (numeric bounds, multipleOf). Two lexemes are the same when their {@link #key} is.
 *
 * @param key identity and display name, e.g. {@code "abc"} or {@code /[0-9]+/}
 * @param regex what the lexeme matches (full match over bytes)
 * @param check run on the whole lexeme once it is complete; a failing check rejects it
 */
public record Lexeme(String key, Regex regex, @Nullable LexemeCheck check) {
  public Lexeme {
    Objects.requireNonNull(key);
    Objects.requireNonNull(regex);
  }

  /** The lexeme matching exactly {@code text}. */
  public static Lexeme literal(String text) {
    return new Lexeme(quote(text), Regex.literal(text), null);
  }

  /** The lexeme matching {@code pattern} (the regex dialect of {@link Regex}). */
  public static Lexeme regex(String pattern) {
    return new Lexeme("/" + pattern + "/", Regex.compile(pattern), null);
  }

  static String quote(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** Escapes {@code text} so that it is a regex matching exactly itself. */
  public static String regexQuote(String text) {
    StringBuilder b = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (cp < 0x80 && !Character.isLetterOrDigit(cp) && cp != ' ' && cp != '_') {
        if (cp < 0x20 || cp == 0x7F) b.append(String.format("\\x%02X", cp));
        else b.append('\\').append((char) cp);
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }

  /** UTF-8 helper for checks. */
  static String utf8(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return key;
  }
}
