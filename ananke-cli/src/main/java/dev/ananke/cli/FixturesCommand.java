package dev.ananke.cli;

import dev.ananke.core.error.BadInputException;
import dev.ananke.fixtures.FixtureGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ananke fixtures generate}: writes the 20 benchmark fixtures. */
@Command(
    name = "fixtures",
    mixinStandardHelpOptions = true,
    description = "The benchmark fixtures (5 languages x 4 sizes).",
    subcommands = {FixturesCommand.Generate.class})
final class FixturesCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = {
        "Write the fixtures to ROOT/" + FixtureGenerator.FIXTURE_DIR + ".",
        "Deterministic: the same version of Ananke always writes the same bytes."
      })
  static final class Generate implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--root",
        paramLabel = "ROOT",
        defaultValue = ".",
        description = "The directory to write test/fixtures under (default: the current directory).")
    Path root = Path.of(".");

    @Override
    public Integer call() {
      if (!Files.isDirectory(root)) {
        throw new BadInputException(root.toString(), "not a directory");
      }
      List<Path> written;
      try {
        written = new FixtureGenerator().writeTo(root);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the fixtures under " + root + ": " + e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      for (Path p : written) out.println(p);
      out.println(written.size() + " fixtures written under " + root.resolve(FixtureGenerator.FIXTURE_DIR).normalize());
      return Main.OK;
    }
  }
}
