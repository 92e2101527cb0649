package dev.ananke.cli;

import dev.ananke.core.AnankeVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: prints help when given no subcommand. */
@Command(
    name = "ananke",
    mixinStandardHelpOptions = true,
    versionProvider = AnankeCommand.Version.class,
    description =
        "Constraint-driven code generation: extract the rules of a codebase, compile them into grammars,"
            + " schemas and token masks, and enforce them while a model writes code.",
    subcommands = {
      ExtractCommand.class,
      CompileCommand.class,
      GenerateCommand.class,
      ValidateCommand.class,
      ServeCommand.class,
      FixturesCommand.class,
      MaskBenchCommand.class,
      VersionCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
final class AnankeCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ananke " + AnankeVersion.get()};
    }
  }
}
