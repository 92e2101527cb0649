package dev.ananke.core.error;

/**
 * The user's input is wrong: a malformed file, an invalid value, an unknown option. The
 * command line maps it to exit code 2. The message starts with where the problem is (a file,
 * {@code file:line:column}, or {@code file: json.path}) and then says what was expected.
 */
public class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final String detail;

  public BadInputException(String location, String detail) {
    this(location, detail, null);
  }

  public BadInputException(String location, String detail, Throwable cause) {
    super(location.isEmpty() ? detail : location + ": " + detail, cause);
    this.location = location;
    this.detail = detail;
  }

  /** Where the problem is; empty when the input as a whole is wrong. */
  public String location() {
    return location;
  }

  /** What is wrong, without the location. */
  public String detail() {
    return detail;
  }

  /** The same error, located in {@code file} (prefixed to the location). */
  public BadInputException inFile(String file) {
    String loc = location.isEmpty() ? file : location.startsWith(file) ? location : file + ": " + location;
    return new BadInputException(loc, detail, getCause() == null ? this : getCause());
  }
}
