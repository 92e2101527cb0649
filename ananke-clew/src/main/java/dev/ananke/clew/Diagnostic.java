package dev.ananke.clew;

import java.util.Objects;

/**
 * Something the user should know about one input: a syntax error Clew extracted around, or a
 * file it skipped. Prints as {@code file:line:column: warning: message}, the form editors
 * understand; {@code line} and {@code column} are 0 when the whole file is meant.
 */
public record Diagnostic(Kind kind, String file, int line, int column, String message) {

  /** What happened. */
  public enum Kind {
    /** The file was read, but part of it could not be (a syntax error region). */
    WARNING,
    /** The file was not read at all (binary, not UTF-8, too large, unknown language). */
    SKIPPED
  }

  public Diagnostic {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic skipped(String file, String message) {
    return new Diagnostic(Kind.SKIPPED, file, 0, 0, message);
  }

  public static Diagnostic warning(String file, int line, int column, String message) {
    return new Diagnostic(Kind.WARNING, file, line, column, message);
  }

  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line + ":" + column : file;
    return where + ": " + (kind == Kind.SKIPPED ? "skipped: " : "warning: ") + message;
  }
}
