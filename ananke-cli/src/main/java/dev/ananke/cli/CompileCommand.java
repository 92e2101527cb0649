package dev.ananke.cli;

import dev.ananke.braid.Braid;
import dev.ananke.braid.Compilation;
import dev.ananke.braid.Unenforced;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.Target;
import dev.ananke.core.json.ConstraintJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ananke compile}: a constraint set (JSON) to the ConstraintIR of one target. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = {
      "Compile a constraint set into the ConstraintIR of one generation target.",
      "Constraints the IR does not enforce are listed on stderr; --strict makes that an error."
    })
final class CompileCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "CONSTRAINTS", description = "A constraint set as JSON (the output of 'ananke extract').")
  Path input;

  @Option(
      names = "--target",
      defaultValue = "module",
      paramLabel = "TARGET",
      description = "module | new-function | function:NAME | type:NAME (default: ${DEFAULT-VALUE}).")
  String target = "module";

  @Option(names = "--language", paramLabel = "LANG", description = "Target language (default: the language of most constraints).")
  @Nullable String language;

  @Option(names = "--strict", description = "Fail (exit 2) when a constraint that applies to the target cannot be enforced.")
  boolean strict;

  @Option(names = {"-v", "--verbose"}, description = "Also list the constraints that do not apply to the target.")
  boolean verbose;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(input)) {
      throw new BadInputException(input.toString(), "no such file");
    }
    ConstraintSet set = ConstraintJson.readSet(input);
    Target t = TargetSpec.parse(target, language, set);
    Compilation compilation = Braid.compile(set, t);
    PrintWriter err = spec.commandLine().getErr();
    List<Unenforced> weakenings = compilation.weakenings();
    if (strict && !weakenings.isEmpty()) {
      Unenforced first = weakenings.getFirst();
      throw new BadInputException(
          input.toString(),
          weakenings.size() + " constraints cannot be enforced for " + target
              + " (first: '" + first.name() + "': " + first.reason() + ")");
    }
    if (!weakenings.isEmpty()) {
      err.println("ananke: warning: " + weakenings.size() + " of " + set.size()
          + " constraints apply to target " + target + " but are not enforced:");
      for (Unenforced u : weakenings) {
        err.println("  " + u.constraintId() + "  " + u.name() + ": " + u.reason());
      }
    }
    int notApplicable = compilation.unenforced().size() - weakenings.size();
    if (notApplicable > 0) {
      err.println("ananke: note: " + notApplicable + " of " + set.size() + " constraints do not apply to target "
          + target + (verbose ? ":" : " (--verbose lists them)"));
      if (verbose) {
        for (Unenforced u : compilation.unenforced()) {
          if (!u.weakensTheIr()) err.println("  " + u.constraintId() + "  " + u.name() + ": " + u.reason());
        }
      }
    }
    String text =
        output.format == Format.json ? ConstraintJson.write(compilation.ir()) : PrettyText.render(compilation.ir());
    Output.emit(text, output, spec.commandLine().getOut());
    return Main.OK;
  }
}
