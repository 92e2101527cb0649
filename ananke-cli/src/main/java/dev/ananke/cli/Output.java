package dev.ananke.cli;

import dev.ananke.core.error.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a command's result to stdout, or atomically to the {@code -o} file. */
final class Output {
  private Output() {}

  /**
   * Writes {@code text} where the options say. A file is written to a temporary sibling and
   * moved over the target, so a reader never sees half a file and a failed command leaves the
   * previous file untouched.
   */
  static void emit(String text, OutputOptions options, PrintWriter out) {
    Path target = options.output;
    if (target == null) {
      out.print(text);
      out.flush();
      return;
    }
    writeAtomically(target, text);
  }

  static void writeAtomically(Path target, String text) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new BadInputException(target.toString(), "cannot write: directory " + dir + " does not exist");
    }
    if (Files.isDirectory(abs)) {
      throw new BadInputException(target.toString(), "cannot write: it is a directory");
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort: the temp file is hidden and harmless.
        }
      }
    }
  }
}
