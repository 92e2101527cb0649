package dev.ananke.cli;

import dev.ananke.core.error.BadInputException;
import dev.ananke.tokens.KnownTokenizer;
import dev.ananke.tokens.TokenizerCache;
import dev.ananke.tokens.maskbench.MaskBenchRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ananke maskbench DIR}: JSON Schema conformance over a folder of MaskBench files. */
@Command(
    name = "maskbench",
    mixinStandardHelpOptions = true,
    description = {
      "Run MaskBench files (a JSON schema with valid and invalid instances each): compile the schema,",
      "feed every instance token by token through the masks, and check valid ones are accepted and",
      "invalid ones rejected. Writes results.json and results.txt to --out; exits 1 if a file fails."
    })
final class MaskBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A folder of MaskBench *.json files.")
  Path dir;

  @Option(
      names = "--tokenizer",
      defaultValue = "llama3.1",
      paramLabel = "NAME",
      description = "llama3.1, qwen3 or llama2 (default: ${DEFAULT-VALUE}).")
  String tokenizer = "llama3.1";

  @Option(
      names = "--out",
      defaultValue = "maskbench-results",
      paramLabel = "DIR",
      description = "Where to write the per-file results (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("maskbench-results");

  @Option(names = {"-v", "--verbose"}, description = "Print each file's outcome as it finishes.")
  boolean verbose;

  @Override
  public Integer call() {
    KnownTokenizer known = TokenizerNames.parse(tokenizer);
    MaskBenchRunner.listFiles(dir); // fails with a clear message before the tokenizer is loaded
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    MaskBenchRunner.Summary summary =
        MaskBenchRunner.run(
            dir,
            TokenizerCache.load(known),
            out,
            r -> {
              if (verbose) {
                stdout.println((r.passed() ? "PASS " : "FAIL ") + r.file() + (r.error() == null ? "" : ": " + r.error()));
                stdout.flush();
              }
            });
    stdout.println("results in " + out);
    stdout.println(summary.line());
    return summary.failed() == 0 ? Main.OK : Main.CHECK_FAILED;
  }
}
