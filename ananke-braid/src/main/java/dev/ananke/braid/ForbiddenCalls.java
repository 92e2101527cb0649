package dev.ananke.braid;

import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.PatternSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/*
 * Which forbidden patterns a code grammar can exclude by leaving identifiers out of it. A call
 * pattern, \bNAME\s*\( (NAME possibly qualified, \bos\.(system|popen)\s*\(, or with optional
 * parts, \bexec(Sync)?\s*\(), is excluded by refusing the called names as words: stricter than
 * the pattern (the name cannot be written at all), never weaker. A pattern that starts with a
 * reserved word of the language (Rust's unsafe) is excluded the same way, exactly, since a
 * keyword means nothing else. Other patterns (SQL built from strings, secrets assigned to names,
 * shell=True) span several lexemes; the grammar cannot exclude them and says so.
 */
final class ForbiddenCalls {
  private ForbiddenCalls() {}

  private static final Map<String, Set<String>> RESERVED = Map.of("rust", Set.of("unsafe"));
  private static final int MAX_NAMES = 64;

  /** The identifiers whose exclusion enforces {@code p}, or empty when a grammar cannot enforce it. */
  static Optional<Set<String>> excludedNames(ForbiddenPattern p, String language) {
    String text = p.pattern();
    if (p.syntax() == PatternSyntax.LITERAL) {
      if (isWord(text) && RESERVED.getOrDefault(language, Set.of()).contains(text)) return Optional.of(Set.of(text));
      // a literal call, eval( or os.system(: its last name
      String call = text.endsWith("(") ? text.substring(0, text.length() - 1).strip() : "";
      String last = call.substring(call.lastIndexOf('.') + 1);
      boolean dotted = call.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '$' || ch == '.');
      return !last.isEmpty() && dotted && isWord(last) ? Optional.of(Set.of(last)) : Optional.empty();
    }
    if (!text.startsWith("\\b")) return Optional.empty();
    String body = text.substring(2);
    String leading = leadingWord(body);
    if (!leading.isEmpty() && RESERVED.getOrDefault(language, Set.of()).contains(leading)) {
      return Optional.of(Set.of(leading));
    }
    if (!body.endsWith("\\s*\\(")) return Optional.empty();
    String path = body.substring(0, body.length() - "\\s*\\(".length());
    int dot = path.lastIndexOf("\\.");
    String last = dot < 0 ? path : path.substring(dot + 2);
    List<String> names = new ArrayList<>();
    if (!expand(last, 0, "", names) || names.isEmpty()) return Optional.empty();
    return Optional.of(new TreeSet<>(names));
  }

  private static String leadingWord(String s) {
    int i = 0;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
    return s.substring(0, i);
  }

  private static boolean isWord(String s) {
    return !s.isEmpty() && leadingWord(s).length() == s.length();
  }

  /*
   * Expands a word pattern made of word characters, (a|b) groups and (x)? optionals into every
   * word it matches; false when it is anything else or matches too many words.
   */
  private static boolean expand(String pattern, int from, String prefix, List<String> out) {
    if (out.size() > MAX_NAMES) return false;
    if (from == pattern.length()) {
      out.add(prefix);
      return true;
    }
    char c = pattern.charAt(from);
    if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
      int end = from;
      while (end < pattern.length() && (Character.isLetterOrDigit(pattern.charAt(end)) || pattern.charAt(end) == '_')) end++;
      if (end < pattern.length() && pattern.charAt(end) == '?') {
        // x? makes only the last character optional
        String word = pattern.substring(from, end);
        String all = word.substring(0, word.length() - 1);
        return expand(pattern, end + 1, prefix + all, out) && expand(pattern, end + 1, prefix + word, out);
      }
      return expand(pattern, end, prefix + pattern.substring(from, end), out);
    }
    if (c != '(') return false;
    int close = closing(pattern, from);
    if (close < 0) return false;
    List<String> options = split(pattern.substring(from + 1, close));
    boolean optional = close + 1 < pattern.length() && pattern.charAt(close + 1) == '?';
    int next = optional ? close + 2 : close + 1;
    if (optional && !expand(pattern, next, prefix, out)) return false;
    for (String option : options) {
      List<String> words = new ArrayList<>();
      if (!expand(option, 0, "", words)) return false;
      for (String w : words) {
        if (!expand(pattern, next, prefix + w, out)) return false;
      }
    }
    return true;
  }

  private static int closing(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      if (s.charAt(i) == '\\') return -1;
      if (s.charAt(i) == '(') depth++;
      if (s.charAt(i) == ')' && --depth == 0) return i;
    }
    return -1;
  }

  private static List<String> split(String alternatives) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < alternatives.length(); i++) {
      char c = alternatives.charAt(i);
      if (c == '(') depth++;
      else if (c == ')') depth--;
      else if (c == '|' && depth == 0) {
        out.add(alternatives.substring(start, i));
        start = i + 1;
      }
    }
    out.add(alternatives.substring(start));
    return out;
  }
}
