package dev.ananke.cli;

import dev.ananke.core.error.BadInputException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --format} and {@code -o} options every producing command shares (a picocli mixin). */
final class OutputOptions {

  @Option(
      names = "--format",
      defaultValue = "json",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); frame is the IR as a binary"
          + " IR frame, written by compile to an -o file.")
  Format format = Format.json;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the output to FILE (atomically: nothing is written unless the command succeeds).")
  @Nullable Path output;

  /** For the commands that write text: refuses {@code --format frame}, which only compile writes. */
  void requireText(String command) {
    if (format == Format.frame) {
      throw new BadInputException("--format frame", "only 'ananke compile' writes an IR frame; '" + command + "' writes json or pretty");
    }
  }
}
