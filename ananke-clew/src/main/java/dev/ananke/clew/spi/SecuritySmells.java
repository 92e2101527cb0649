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
  private static final Pattern SECRET_NAME = Pattern.compile(
      "(?i)(password|passwd|pwd|secret|api_?key|apikey|access_?key|private_?key|auth_?token|token|credentials?)$");
  private static final Pattern SQL = Pattern.compile(
      "(?is)\\b(select\\s.+?\\sfrom|insert\\s+into|update\\s+\\S+\\s+set|delete\\s+from|drop\\s+table)\\b");
  private static final String[] SQL_WORDS = {"select", "insert", "update", "delete", "drop"};

  /** Whether a variable, field or key of this name holds a credential. */
  public static boolean isSecretName(String name) {
    String n = name.replace("-", "_");
    return SECRET_NAME.matcher(n).find() && !n.toLowerCase(Locale.ROOT).endsWith("_url");
  }

  /** Whether text (the literal parts of a string being built) reads like SQL. */
  public static boolean looksLikeSql(String text) {
    // Most strings built in code are messages and paths: a keyword search (indexOf is an
    // intrinsic) rejects them before the regex runs.
    String lower = text.toLowerCase(Locale.ROOT);
    for (String w : SQL_WORDS) {
      if (lower.indexOf(w) >= 0) return SQL.matcher(text).find();
    }
    return false;
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
