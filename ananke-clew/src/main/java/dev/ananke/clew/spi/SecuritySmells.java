package dev.ananke.clew.spi;

import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.PatternSyntax;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The security smells every language reports alike: what to look for and the forbidden pattern
 * (with its reason) that generated code must then avoid. Patterns are regexes in the token
 * engine's dialect, matched anywhere in generated code.
 */
public final class SecuritySmells {
  private SecuritySmells() {}

  // Anchored at the end / searched with find(): no leading ".*", which backtracks over long text.
  /** What a credential's name ends with; {@link #secretSuffix} decides it without the regex. */
  static final Pattern SECRET_NAME = Pattern.compile(
      "(?i)(password|passwd|pwd|secret|api_?key|apikey|access_?key|private_?key|auth_?token|token|credentials?)$");
  private static final Pattern SQL = Pattern.compile(
      "(?is)\\b(select\\s.+?\\sfrom|insert\\s+into|update\\s+\\S+\\s+set|delete\\s+from|drop\\s+table)\\b");
  private static final String[] SQL_WORDS = {"select", "insert", "update", "delete", "drop"};

  /** The names {@link #SECRET_NAME} accepts at the end of a name, spelt out. */
  private static final String[] SECRET_SUFFIXES = {"password", "passwd", "pwd", "secret", "api_key", "apikey",
      "access_key", "accesskey", "private_key", "privatekey", "auth_token", "authtoken", "token", "credential",
      "credentials"};

  /** Whether a variable, field or key of this name holds a credential. */
  public static boolean isSecretName(String name) {
    String n = name.replace("-", "_");
    return secretSuffix(n) && !n.toLowerCase(Locale.ROOT).endsWith("_url");
  }

  /**
   * {@code SECRET_NAME.matcher(n).find()} without the regex (a search from every start, for every
   * name in a file): the name ends, ASCII case ignored as {@code (?i)} does, with one of the
   * alternatives; before a final line terminator too, as {@code $} allows.
   */
  static boolean secretSuffix(String n) {
    int end = n.length();
    if (end >= 2 && n.charAt(end - 2) == '\r' && n.charAt(end - 1) == '\n') {
      end -= 2;
    } else if (end >= 1 && isLineTerminator(n.charAt(end - 1))) {
      end -= 1;
    }
    for (String suffix : SECRET_SUFFIXES) {
      if (endsWithIgnoreAsciiCase(n, end, suffix)) return true;
    }
    return false;
  }

  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** Whether {@code s[0, end)} ends with {@code suffix} (lower-case ASCII), ASCII case ignored. */
  private static boolean endsWithIgnoreAsciiCase(String s, int end, String suffix) {
    int k = suffix.length();
    if (end < k) return false;
    for (int i = 0, j = end - k; i < k; i++, j++) {
      char c = s.charAt(j);
      if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
      if (c != suffix.charAt(i)) return false;
    }
    return true;
  }

  /** Whether text (the literal parts of a string being built) reads like SQL. */
  public static boolean looksLikeSql(String text) {
    // Most strings built in code are messages and paths: a keyword search (indexOf is an
    // intrinsic) rejects them before the regex runs.
    for (String w : SQL_WORDS) {
      if (containsIgnoreAsciiCase(text, w)) return SQL.matcher(text).find();
    }
    return false;
  }

  /**
   * Whether {@code text} contains {@code word} (lower-case ASCII letters), ASCII case ignored:
   * the same answer as {@code text.toLowerCase(Locale.ROOT).indexOf(word) >= 0} for the SQL
   * words (the only non-ASCII characters that lower-case to ASCII letters are the Kelvin sign,
   * to k, and the dotted capital I, to i and a combining dot), without the lower-cased copy.
   */
  static boolean containsIgnoreAsciiCase(String text, String word) {
    char first = word.charAt(0);
    char firstUpper = (char) (first - ('a' - 'A'));
    for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
      char c = text.charAt(i);
      if (c != first && c != firstUpper) continue;
      if (asciiMatch(text, i, word)) return true;
    }
    return false;
  }

  private static boolean asciiMatch(String text, int at, String word) {
    for (int k = 0; k < word.length(); k++) {
      char c = text.charAt(at + k);
      if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
      if (c != word.charAt(k)) return false;
    }
    return true;
  }

  /** {@code eval(...)}. */
  public static ForbiddenPattern eval() {
    return new ForbiddenPattern("\\beval\\s*\\(", PatternSyntax.REGEX,
        "eval runs arbitrary code built at run time (code injection)");
  }

  /** {@code exec(...)} of code (Python). */
  public static ForbiddenPattern execCode() {
    return new ForbiddenPattern("\\bexec\\s*\\(", PatternSyntax.REGEX,
        "exec runs arbitrary code built at run time (code injection)");
  }

  /** {@code new Function(...)} / {@code Function(...)} (JavaScript). */
  public static ForbiddenPattern functionConstructor() {
    return new ForbiddenPattern("\\bFunction\\s*\\(", PatternSyntax.REGEX,
        "the Function constructor compiles code from a string at run time (code injection)");
  }

  /** A command run through a shell. {@code api} names it as written ({@code child_process.exec}). */
  public static ForbiddenPattern shell(String regex, String api) {
    return new ForbiddenPattern(regex, PatternSyntax.REGEX,
        api + " runs a command line through the shell (command injection): pass an argument list without a shell");
  }

  /** SQL built by concatenating or interpolating values into the query text. */
  public static ForbiddenPattern sqlConcatenation() {
    return new ForbiddenPattern(
        "(?i)(select|insert|update|delete)\\b[^;\\n]*(\\$\\{|\"\\s*\\+|'\\s*\\+|\\{[a-z_][a-z0-9_]*\\}|\\{\\}|%[sdvq])",
        PatternSyntax.REGEX,
        "SQL built by concatenating or interpolating values (SQL injection): use a parameterised query");
  }

  /** A string literal assigned to a credential name. */
  public static ForbiddenPattern hardcodedSecret(String name) {
    return new ForbiddenPattern(
        "(?i)" + (Character.isLetterOrDigit(name.charAt(0)) || name.charAt(0) == '_' ? "\\b" : "")
            + name.replace("$", "\\$") + "\\b\\s*[:=]\\s*[\"'][^\"']+[\"']", PatternSyntax.REGEX,
        "string literal assigned to '" + name + "' (hard-coded secret): read it from the environment or a secret store");
  }
}
