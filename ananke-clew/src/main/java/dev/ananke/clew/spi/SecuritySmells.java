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
  /** What {@link #looksLikeSql} decides by hand (the regex backtracked over every long text with a keyword in it). */
  static final Pattern SQL = Pattern.compile(
      "(?is)\\b(select\\s.+?\\sfrom|insert\\s+into|update\\s+\\S+\\s+set|delete\\s+from|drop\\s+table)\\b");

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

  /**
   * Whether text (the literal parts of a string being built) reads like SQL: {@link #SQL}'s
   * answer, found in one pass. At each keyword that starts a word: {@code select} with
   * {@code from} later, {@code insert into}, {@code update} a name {@code set},
   * {@code delete from}, {@code drop table}. As the regex does: ASCII letters in either case,
   * {@code \\s} the six ASCII spaces, word boundaries as {@link Pattern}'s {@code \\b}.
   */
  public static boolean looksLikeSql(String text) {
    int n = text.length();
    for (int i = 0; i + 4 <= n; i++) {
      int end = switch (text.charAt(i) | 0x20) { // ASCII lower case (and harmless for other chars)
        case 's' -> selectFrom(text, i);
        case 'i' -> keywords(text, i, "insert", "into");
        case 'u' -> updateSet(text, i);
        case 'd' -> Math.max(keywords(text, i, "delete", "from"), keywords(text, i, "drop", "table"));
        default -> -1;
      };
      if (end >= 0 && !wordBefore(text, i)) return true;
    }
    return false;
  }

  /** {@code select\\s.+?\\sfrom\\b} at {@code i}: the end of the shortest match, or -1. */
  private static int selectFrom(String text, int i) {
    if (!word(text, i, "select") || !space(text, i + 6)) return -1;
    for (int k = i + 9; k + 4 <= text.length(); k++) {
      if (space(text, k - 1) && word(text, k, "from") && !wordAfter(text, k + 4)) return k + 4;
    }
    return -1;
  }

  /** {@code first\\s+second\\b} at {@code i}: where it ends, or -1. */
  private static int keywords(String text, int i, String first, String second) {
    if (!word(text, i, first)) return -1;
    int k = spaces(text, i + first.length());
    if (k == i + first.length() || !word(text, k, second) || wordAfter(text, k + second.length())) return -1;
    return k + second.length();
  }

  /** {@code update\\s+\\S+\\s+set\\b} at {@code i}: where it ends, or -1. */
  private static int updateSet(String text, int i) {
    if (!word(text, i, "update")) return -1;
    int name = spaces(text, i + 6);
    if (name == i + 6) return -1;
    int k = name;
    while (k < text.length() && !space(text, k)) k++;
    int set = spaces(text, k);
    if (k == name || set == k || !word(text, set, "set") || wordAfter(text, set + 3)) return -1;
    return set + 3;
  }

  private static boolean word(String text, int at, String word) {
    return at + word.length() <= text.length() && asciiMatch(text, at, word);
  }

  /** Regex {@code \\s}: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean space(String text, int at) {
    if (at >= text.length()) return false;
    char c = text.charAt(at);
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** Past the spaces from {@code at}. */
  private static int spaces(String text, int at) {
    while (space(text, at)) at++;
    return at;
  }

  /**
   * Whether the text before {@code at} continues a word, as {@code \\b} sees it: an ASCII word
   * character, or a non-spacing mark on a letter or digit.
   */
  private static boolean wordBefore(String text, int at) {
    if (at == 0) return false;
    int cp = text.codePointBefore(at);
    return asciiWord(cp) || (Character.getType(cp) == Character.NON_SPACING_MARK && hasBase(text, at - 1));
  }

  /** Whether the text at {@code at} continues the keyword before it, as {@code \\b} sees it. */
  private static boolean wordAfter(String text, int at) {
    if (at >= text.length()) return false;
    int cp = text.codePointAt(at);
    return asciiWord(cp) || Character.getType(cp) == Character.NON_SPACING_MARK; // its base is the keyword
  }

  /** As {@link Pattern}: back over non-spacing marks, to a letter or digit. */
  private static boolean hasBase(String text, int at) {
    for (int x = at; x >= 0; x--) {
      int cp = text.codePointAt(x);
      if (Character.isLetterOrDigit(cp)) return true;
      if (Character.getType(cp) != Character.NON_SPACING_MARK) return false;
    }
    return false;
  }

  private static boolean asciiWord(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
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
