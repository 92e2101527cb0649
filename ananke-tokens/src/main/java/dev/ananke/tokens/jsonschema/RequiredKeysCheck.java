package dev.ananke.tokens.jsonschema;

import dev.ananke.tokens.grammar.LexemeCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * On the closing brace of an object: every required key is present, and the number of distinct
 * keys is within minProperties..maxProperties. Used when an object has too
 * many required properties to track them in the grammar in any order (2^n rules). The check sees
 * the whole output (the lexeme is the last byte of it), finds the object this brace closes with a
 * small forward scan, and compares its top-level keys as written (quotes included). Linear in the
 * output, once per completed object.
 */
record RequiredKeysCheck(Set<String> required, int minCount, int maxCount, String id) implements LexemeCheck {
  @Override
  public boolean test(byte[] bytes, int from, int to) {
    // forward scan: a stack of open containers; for objects, the keys seen at their top level
    List<Set<String>> keys = new ArrayList<>();
    List<Boolean> isObject = new ArrayList<>();
    boolean expectKey = false;
    int i = 0;
    while (i < from) {
      int b = bytes[i] & 0xFF;
      if (b == '"') {
        int start = i++;
        while (i < from && bytes[i] != '"') i += bytes[i] == '\\' ? 2 : 1;
        i++;
        if (expectKey && !keys.isEmpty() && isObject.getLast()) {
          keys.getLast().add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
        }
        expectKey = false;
        continue;
      }
      if (b == '{') {
        keys.add(new HashSet<>());
        isObject.add(true);
        expectKey = true;
      } else if (b == '[') {
        keys.add(null);
        isObject.add(false);
        expectKey = false;
      } else if (b == '}' || b == ']') {
        keys.removeLast();
        isObject.removeLast();
      } else if (b == ',') {
        expectKey = !isObject.isEmpty() && isObject.getLast();
      }
      i++;
    }
    if (keys.isEmpty() || !isObject.getLast()) return false;
    Set<String> seen = keys.getLast();
    return seen.containsAll(required) && seen.size() >= minCount && seen.size() <= maxCount;
  }

  @Override
  public String describe() {
    return "required" + minCount + "," + maxCount + "@" + id;
  }
}
