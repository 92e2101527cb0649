package dev.ananke.maze.local;

import java.util.ArrayDeque;
import java.util.Deque;

/*
 * The text that closes what is open at the end of generated code: the string or comment it is
 * in, then its brackets, innermost first. The local backend appends it when the token budget
 * runs out, so that a model that never finishes still yields code the grammar accepts. A scan of
 * quotes, comments and brackets, the same shape the code grammars check; when it guesses wrong,
 * the matcher refuses the suffix and the generation ends unfinished (finish reason "length").
 */
final class Closer {
  private Closer() {}

  /** On the bracket stack: after this ${...} closes, the template string goes on. */
  private static final String RESUME_TEMPLATE = "`T";

  static String suffix(String language, String text) {
    boolean python = language.equals("python");
    boolean hashComments = python;
    boolean backtickStrings = language.equals("typescript") || language.equals("javascript") || language.equals("go");
    Deque<String> open = new ArrayDeque<>();
    int i = 0;
    int n = text.length();
    String inString = null;
    int openedAt = -1;
    boolean lineComment = false;
    boolean blockComment = false;
    String completion = "";
    while (i < n) {
      char c = text.charAt(i);
      if (lineComment) {
        if (c == '\n') lineComment = false;
        i++;
      } else if (blockComment) {
        if (text.startsWith("*/", i)) {
          blockComment = false;
          i += 2;
        } else {
          i++;
        }
      } else if (inString != null) {
        if (c == '\\' && !inString.equals("`raw")) {
          i += 2;
        } else if (text.startsWith(quoteOf(inString), i)) {
          i += quoteOf(inString).length();
          inString = null;
        } else if (inString.equals("`") && text.startsWith("${", i)) {
          open.push(RESUME_TEMPLATE);
          open.push("}");
          inString = null;
          i += 2;
        } else {
          i++;
        }
      } else if (language.equals("zig") && text.startsWith("\\\\", i)) {
        lineComment = true; // a Zig multiline string line runs to the end of its line, like a comment
        i += 2;
      } else if (language.equals("zig") && c == '\\' && i == n - 1) {
        // a lone backslash is only ever the start of a multiline string line: finish its \\
        completion = "\\";
        lineComment = true;
        i++;
      } else if (!hashComments && text.startsWith("//", i)) {
        lineComment = true;
        i += 2;
      } else if (hashComments && c == '#') {
        lineComment = true;
        i++;
      } else if (!python && text.startsWith("/*", i)) {
        blockComment = true;
        i += 2;
      } else if (python && (text.startsWith("\"\"\"", i) || text.startsWith("'''", i))) {
        inString = text.substring(i, i + 3);
        i += 3;
      } else if (c == '\'' && language.equals("rust")) {
        // a lifetime ('a, 'static) is a name; anything else after ' is a char literal
        int j = i + 1;
        boolean name = j < n && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '_');
        if (name && !(j + 1 < n && text.charAt(j + 1) == '\'')) {
          j++;
          while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) j++;
          i = j;
        } else {
          inString = "'";
          openedAt = ++i;
        }
      } else if (c == '"' || c == '\'') {
        inString = String.valueOf(c);
        openedAt = ++i;
      } else if (c == '`' && backtickStrings) {
        inString = language.equals("go") ? "`raw" : "`";
        i++;
      } else if (c == '(' || c == '[' || c == '{') {
        open.push(c == '(' ? ")" : c == '[' ? "]" : "}");
        i++;
      } else if ((c == ')' || c == ']' || c == '}') && !open.isEmpty()) {
        open.pop();
        if (RESUME_TEMPLATE.equals(open.peek())) {
          open.pop();
          inString = "`";
        }
        i++;
      } else {
        i++;
      }
    }
    StringBuilder out = new StringBuilder(completion);
    boolean charLiterals = !python && !language.equals("typescript") && !language.equals("javascript");
    if ("'".equals(inString) && charLiterals && openedAt == n) out.append('x'); // a char literal holds one character
    if (inString != null) out.append(quoteOf(inString));
    if (blockComment) out.append("*/");
    if (lineComment) out.append('\n');
    while (!open.isEmpty()) {
      String close = open.pop();
      out.append(close.equals(RESUME_TEMPLATE) ? "`" : close);
    }
    if (python && (out.isEmpty() || out.charAt(out.length() - 1) != '\n')) out.append('\n');
    return out.toString();
  }

  private static String quoteOf(String inString) {
    return inString.equals("`raw") ? "`" : inString;
  }
}
