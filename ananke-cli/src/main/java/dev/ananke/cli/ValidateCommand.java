package dev.ananke.cli;

import dev.ananke.braid.Languages;
import dev.ananke.braid.Targets;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.Target;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.maze.Maze;
import dev.ananke.maze.validate.Validation;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ananke validate}: checks a file against a constraint set; exit 1 when a hard constraint is violated. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check code against constraints: it parses, has the target's signature, contains no forbidden",
      "pattern, names what it declares by the conventions, and is accepted by the compiled grammar.",
      "Exit 1 when a hard constraint is violated; the report goes to stderr."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The code to check.")
  Path file;

  @Option(names = "--constraints", required = true, paramLabel = "C.json", description = "The constraint set (the output of 'ananke extract').")
  Path constraints;

  @Option(names = "--target", defaultValue = "module", paramLabel = "TARGET",
      description = "What the file is: module | new-function | function:NAME | type:NAME (default: ${DEFAULT-VALUE}).")
  String target = "module";

  @Option(names = "--language", paramLabel = "LANG", description = "Default: from the file's extension.")
  @Nullable String language;

  @Override
  public Integer call() {
    String code;
    try {
      code = Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new BadInputException(file.toString(), "not UTF-8 text");
    } catch (IOException e) {
      throw new BadInputException(file.toString(), Files.exists(file) ? "cannot read: " + e.getMessage() : "no such file");
    }
    if (!Files.isRegularFile(constraints)) throw new BadInputException(constraints.toString(), "no such file");
    ConstraintSet set = ConstraintJson.readSet(constraints);
    String lang = language != null ? language : Languages.ofFile(file.toString()).orElse(null);
    Target t = Targets.parse(target, lang, set);
    try (Maze maze = Maze.builder().build()) {
      Validation v = maze.validate(code, set, t);
      spec.commandLine().getErr().println("ananke: " + file + " against " + constraints + " (" + target + ", " + t.language() + ")");
      Reports.validation(spec.commandLine().getErr(), v);
      return v.allSatisfied() ? Main.OK : Main.CHECK_FAILED;
    }
  }
}
