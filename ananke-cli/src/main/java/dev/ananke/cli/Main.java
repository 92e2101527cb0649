package dev.ananke.cli;

import dev.ananke.core.error.BadInputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the {@code ananke} command. */
public final class Main {
  private Main() {}

  /** Exit code: success. */
  public static final int OK = 0;
  /** Exit code: a bug or an environment failure (disk full, a native library missing). */
  public static final int INTERNAL_ERROR = 1;
  /** Exit code: the check a command ran failed (a MaskBench file, a violated constraint). */
  public static final int CHECK_FAILED = 1;
  /** Exit code: the user's input or command line is wrong. */
  public static final int BAD_INPUT = 2;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line; never throws, never exits. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cmd = commandLine();
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("ananke: " + ex.getMessage());
          CommandLine failed = ex.getCommandLine();
          err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
          return BAD_INPUT;
        });
    cmd.setExecutionExceptionHandler(
        (ex, failed, parseResult) -> {
          if (ex instanceof BadInputException bad) {
            err.println("ananke: error: " + bad.getMessage());
            return BAD_INPUT;
          }
          err.println("ananke: internal error: " + ex);
          if (System.getenv("ANANKE_DEBUG") != null) {
            ex.printStackTrace(err);
          } else {
            err.println("(set ANANKE_DEBUG=1 for the stack trace)");
          }
          return INTERNAL_ERROR;
        });
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine() {
    return new CommandLine(new AnankeCommand());
  }
}
