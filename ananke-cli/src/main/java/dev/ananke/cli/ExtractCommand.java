package dev.ananke.cli;

import dev.ananke.core.error.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ananke extract}: placeholder until Clew's extractors land (owned by the Clew work). */
@Command(name = "extract", mixinStandardHelpOptions = true, description = "Extract constraints from source files.")
final class ExtractCommand implements Callable<Integer> {

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Source files or directories.")
  List<Path> paths;

  @Override
  public Integer call() {
    throw new BadInputException("", "extraction is not available in this build yet");
  }
}
