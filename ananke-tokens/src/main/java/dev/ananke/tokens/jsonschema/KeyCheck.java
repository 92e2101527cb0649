package dev.ananke.tokens.jsonschema;

import dev.ananke.tokens.Regex;
import dev.ananke.tokens.grammar.LexemeCheck;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A pattern or additional property key (with its quotes, as written) that is not one of the listed
 * keys and matches none of the pattern properties; {@code id} keeps lexemes of different objects
 * apart.
 */
record KeyCheck(Set<String> listed, List<Regex> patterns, String id) implements LexemeCheck {
  boolean isTrivial() {
    return listed.isEmpty() && patterns.isEmpty();
  }

  @Override
  public boolean test(byte[] bytes, int from, int to) {
    String key = new String(bytes, from, to - from, StandardCharsets.UTF_8);
    if (listed.contains(key)) return false;
    if (!patterns.isEmpty()) {
      byte[] b = Arrays.copyOfRange(bytes, from, to);
      for (Regex p : patterns) if (p.matches(b)) return false;
    }
    return true;
  }

  @Override
  public String describe() {
    return "key-not-listed@" + id;
  }
}
