package dev.ananke.maze.validate;

/**
 * Code with the contents of its strings and comments blanked (same length, newlines kept), so
 * that searches for declarations and calls do not match inside them.
 */
final class CodeText {
  private CodeText() {}

  static String withoutStringsAndComments(String language, String text) {
    boolean python = language.equals("python");
    boolean backticks = language.equals("typescript") || language.equals("javascript") || language.equals("go");
    StringBuilder out = new StringBuilder(text);
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      int end;
      if (!python && text.startsWith("//", i) || python && c == '#') {
        end = text.indexOf('\n', i);
        end = end < 0 ? n : end;
      } else if (!python && text.startsWith("/*", i)) {
        end = text.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
      } else if (python && (text.startsWith("\"\"\"", i) || text.startsWith("'''", i))) {
        end = text.indexOf(text.substring(i, i + 3), i + 3);
        end = end < 0 ? n : end + 3;
      } else if (c == '"' || (c == '\'' && !language.equals("rust")) || (c == '`' && backticks)) {
        end = i + 1;
        while (end < n && text.charAt(end) != c && (c == '`' || text.charAt(end) != '\n')) {
          end += text.charAt(end) == '\\' && c != '`' ? 2 : 1;
        }
        end = Math.min(n, end + 1);
      } else {
        i++;
        continue;
      }
      for (int k = i; k < end; k++) if (out.charAt(k) != '\n') out.setCharAt(k, ' ');
      i = end;
    }
    return out.toString();
  }
}
