package dev.ananke.cli;

import dev.ananke.core.error.BadInputException;
import dev.ananke.core.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a command's result to stdout, or atomically to the {@code -o} file. */
final class Output {
  private Output() {}

  /**
   * Writes {@code text} where the options say; a file is written atomically ({@link AtomicFiles}),
   * so a failed command leaves the previous file untouched.
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

  /** Writes binary {@code content} atomically to {@code target}: there is no stdout for bytes. */
  static void writeAtomically(Path target, byte[] content) {
    Path abs = writable(target);
    try {
      AtomicFiles.write(abs, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  static void writeAtomically(Path target, String text) {
    Path abs = writable(target);
    try {
      AtomicFiles.writeString(abs, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** The absolute path of {@code target}, whose directory exists and which is not a directory itself. */
  private static Path writable(Path target) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new BadInputException(target.toString(), "cannot write: directory " + dir + " does not exist");
    }
    if (Files.isDirectory(abs)) {
      throw new BadInputException(target.toString(), "cannot write: it is a directory");
    }
    return abs;
  }
}
