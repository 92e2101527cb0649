package dev.ananke.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --format} and {@code -o} options every producing command shares (a picocli mixin). */
final class OutputOptions {

  @Option(
      names = "--format",
      defaultValue = "json",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.json;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the output to FILE (atomically: nothing is written unless the command succeeds).")
  @Nullable Path output;
}
