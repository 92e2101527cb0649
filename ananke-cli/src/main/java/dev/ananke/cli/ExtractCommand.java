package dev.ananke.cli;

import dev.ananke.clew.Clew;
import dev.ananke.clew.Diagnostic;
import dev.ananke.clew.ExtractionResult;
import dev.ananke.core.json.ConstraintJson;
import java.io.PrintWriter;
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

/**
 * {@code ananke extract}: mines the constraints of source files and directories. The constraint
 * set goes to stdout (or {@code -o}); warnings and skipped files go to stderr. Exit 0 even when
 * some files were skipped or had syntax errors (they are reported); 2 for a missing path, an
 * unknown language or a bad telemetry file.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extract constraints (signatures, types, imports, idioms, naming conventions, security",
      "smells) from source files and directories with tree-sitter.",
      "Directories are walked, skipping .git, build output and what .gitignore excludes."
    })
final class ExtractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Source files or directories.")
  List<Path> paths;

  @Option(
      names = "--language",
      paramLabel = "LANG",
      description = "Read files as this language whatever their extension: ${COMPLETION-CANDIDATES}.",
      completionCandidates = Languages.class)
  @Nullable String language;

  @Option(
      names = "--telemetry",
      paramLabel = "FILE",
      description = "Telemetry JSON (latency_p99_ms, error_rate, endpoints) to mine operational bounds from.")
  @Nullable Path telemetry;

  @Option(
      names = "--max-file-size",
      paramLabel = "BYTES",
      defaultValue = "2097152",
      description = "Skip files larger than this (default: ${DEFAULT-VALUE}).")
  long maxFileBytes;

  @Override
  public Integer call() {
    output.requireText("extract");
    PrintWriter err = spec.commandLine().getErr();
    try (ExtractProgress progress = ExtractProgress.forTerminal(err)) {
      Clew clew = Clew.builder()
          .language(language)
          .telemetry(telemetry)
          .maxFileBytes(maxFileBytes)
          .progress(progress.callback())
          .build();
      ExtractionResult result = clew.extract(paths);
      progress.close();
      for (Diagnostic d : result.diagnostics()) {
        err.println("ananke: " + d);
      }
      String text = output.format == Format.json
          ? ConstraintJson.write(result.constraints())
          : PrettyText.render(result.constraints());
      Output.emit(text, output, spec.commandLine().getOut());
      err.flush();
      return Main.OK;
    }
  }

  /** The names {@code --language} accepts, for the help text. */
  static final class Languages implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Clew.languages().iterator();
    }
  }
}
