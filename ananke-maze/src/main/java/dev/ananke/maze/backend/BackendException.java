package dev.ananke.maze.backend;

/** A backend could not produce a generation; the message says which server, what and why. */
public final class BackendException extends RuntimeException {
  private final int status;

  public BackendException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public BackendException(String message, int status) {
    super(message);
    this.status = status;
  }

  /** The HTTP status, or 0 when there was none (connection failure, unsupported constraint). */
  public int status() {
    return status;
  }
}
