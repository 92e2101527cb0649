package dev.ananke.clew;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of one {@code .gitignore} file, relative to its directory. Supports what real
 * projects use: comments, {@code !} negation, a trailing {@code /} for directories only, a
 * {@code /} inside the pattern anchoring it to this directory, and the globs {@code *},
 * {@code ?}, {@code [...]} and {@code **}. The last matching rule wins, as in git.
 */
final class GitIgnore {

  private record Rule(Pattern pattern, boolean negated, boolean directoryOnly) {}

  private final List<Rule> rules;

  private GitIgnore(List<Rule> rules) {
    this.rules = rules;
  }

  static final GitIgnore EMPTY = new GitIgnore(List.of());

  /** The rules of {@code dir/.gitignore}, or none when there is no such file. */
  static GitIgnore load(Path dir) {
    Path file = dir.resolve(".gitignore");
    if (!Files.isRegularFile(file)) return EMPTY;
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | java.io.UncheckedIOException e) {
      return EMPTY; // an unreadable .gitignore ignores nothing, as git does
    }
  }

  static GitIgnore parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\r?\n")) {
      String line = stripTrailingSpaces(raw);
      if (line.isEmpty() || line.startsWith("#")) continue;
      boolean negated = line.startsWith("!");
      if (negated) line = line.substring(1);
      if (line.startsWith("\\")) line = line.substring(1); // "\#file", "\!file"
      boolean dirOnly = line.endsWith("/");
      if (dirOnly) line = line.substring(0, line.length() - 1);
      if (line.isEmpty()) continue;
      boolean anchored = line.contains("/");
      if (line.startsWith("/")) line = line.substring(1);
      String regex = (anchored ? "" : "(?:.*/)?") + globToRegex(line);
      rules.add(new Rule(Pattern.compile(regex), negated, dirOnly));
    }
    return new GitIgnore(List.copyOf(rules));
  }

  /**
   * Whether the rules decide about {@code relative} ('/'-separated, relative to this file's
   * directory): TRUE ignored, FALSE re-included by a negation, null when no rule matches.
   */
  Boolean decide(String relative, boolean directory) {
    Boolean result = null;
    for (Rule r : rules) {
      if (r.directoryOnly && !directory) continue;
      if (r.pattern.matcher(relative).matches()) result = !r.negated;
    }
    return result;
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ' && (end < 2 || s.charAt(end - 2) != '\\')) end--;
    return s.substring(0, end);
  }

  private static String globToRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    int n = glob.length();
    for (int i = 0; i < n; i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < n && glob.charAt(i + 1) == '*') {
            boolean slashAfter = i + 2 < n && glob.charAt(i + 2) == '/';
            if (slashAfter) {
              sb.append("(?:.*/)?"); // "**/" : zero or more directories
              i += 2;
            } else {
              sb.append(".*"); // "/**" or a trailing "**": everything inside
              i += 1;
            }
          } else {
            sb.append("[^/]*");
          }
        }
        case '?' -> sb.append("[^/]");
        case '[' -> {
          int close = glob.indexOf(']', i + 1);
          if (close < 0) {
            sb.append("\\[");
          } else {
            String body = glob.substring(i + 1, close);
            if (body.startsWith("!")) body = "^" + body.substring(1);
            sb.append('[').append(body.replace("\\", "\\\\")).append(']');
            i = close;
          }
        }
        case '\\' -> {
          if (i + 1 < n) sb.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
        }
        default -> sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }
}
