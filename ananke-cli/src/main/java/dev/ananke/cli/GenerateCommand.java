package dev.ananke.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ananke.core.error.BadInputException;
import dev.ananke.maze.Maze;
import dev.ananke.maze.MazeRequest;
import dev.ananke.maze.MazeResult;
import dev.ananke.maze.backend.Backend;
import dev.ananke.maze.backend.BackendOptions;
import dev.ananke.maze.backend.Backends;
import dev.ananke.maze.backend.Sampling;
import dev.ananke.maze.local.LocalBackend;
import dev.ananke.tokens.TokenizerCache;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code ananke generate}: extract, compile, generate on a backend, validate. The code goes to
 * stdout (or {@code -o}); with {@code --format json}, the whole result (provenance, validation,
 * timings). Exit 1 when the output violates a hard constraint, with the report on stderr.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate code under the constraints of a codebase and check the result.",
      "Backends: local (in process, a seeded random model masked by the token engine: a demo of",
      "enforcement), vllm, sglang, llama.cpp, openai (each at --url)."
    })
final class GenerateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "INTENT", description = "What the code should do.")
  String intent;

  @Option(names = "--context", paramLabel = "PATH", description = "Source files or directories: extracted and shown to the model.")
  List<Path> context = new ArrayList<>();

  @Option(names = "--constraints", paramLabel = "FILE", description = "A constraint set (JSON) to use instead of extracting --context.")
  @Nullable Path constraints;

  @Option(names = "--target", defaultValue = "new-function", paramLabel = "TARGET",
      description = "module | new-function | function:NAME | type:NAME (default: ${DEFAULT-VALUE}).")
  String target = "new-function";

  @Option(names = "--language", paramLabel = "LANG", description = "Target language (default: the language of most constraints).")
  @Nullable String language;

  @Option(names = "--backend", defaultValue = "local", paramLabel = "NAME",
      description = "local, vllm, sglang, llama.cpp or openai (default: ${DEFAULT-VALUE}).")
  String backend = "local";

  @Option(names = "--url", paramLabel = "URL", description = "The server's base URL (HTTP backends).")
  @Nullable URI url;

  @Option(names = "--model", paramLabel = "NAME", description = "The model to ask the server for.")
  @Nullable String model;

  @Option(names = "--tokenizer", defaultValue = "llama3.1", paramLabel = "NAME",
      description = "Vocabulary of the local backend: llama3.1, qwen3 or llama2 (default: ${DEFAULT-VALUE}).")
  String tokenizer = "llama3.1";

  @Option(names = "--max-tokens", defaultValue = "256", paramLabel = "N") int maxTokens;

  @Option(names = "--temperature", defaultValue = "0.7", paramLabel = "T") double temperature;

  @Option(names = "--top-p", defaultValue = "0.95", paramLabel = "P") double topP;

  @Option(names = "--stop", paramLabel = "TEXT", description = "A stop sequence (repeatable).")
  List<String> stop = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N") @Nullable Long seed;

  @Option(names = "--allow-degraded", description = "Generate even when the backend cannot express a constraint; the result says which.")
  boolean allowDegraded;

  @Override
  public Integer call() {
    output.requireText("generate");
    if (context.isEmpty() && constraints == null) {
      throw new BadInputException("generate", "give --context PATH (to extract) or --constraints FILE");
    }
    Sampling sampling;
    try {
      sampling = new Sampling(maxTokens, temperature, topP, stop, seed);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("generate", e.getMessage());
    }
    try (Maze maze = Maze.builder().backend(backend()).build()) {
      MazeResult result = maze.generate(new MazeRequest(intent, context, constraints, target, language, backend, sampling, allowDegraded));
      PrintWriter err = spec.commandLine().getErr();
      Reports.validation(err, result.validation());
      for (String n : result.notEnforced()) err.println("ananke: warning: not enforced by " + backend + ": " + n);
      String text = output.format == Format.json ? json(result) : result.code() + (result.code().endsWith("\n") ? "" : "\n");
      Output.emit(text, output, spec.commandLine().getOut());
      return result.validation().allSatisfied() ? Main.OK : Main.CHECK_FAILED;
    }
  }

  private Backend backend() {
    if (backend.equals("local")) return LocalBackend.random(TokenizerCache.load(TokenizerNames.parse(tokenizer)));
    if (!Backends.HTTP_BACKENDS.contains(backend)) {
      throw new BadInputException("--backend " + backend, "expected local or one of " + Backends.HTTP_BACKENDS);
    }
    if (url == null) throw new BadInputException("--backend " + backend, "an HTTP backend needs --url");
    BackendOptions.Builder options = BackendOptions.defaults().toBuilder();
    if (model != null) options.model(model);
    try {
      return Backends.create(backend, url, options.build());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--url " + url, e.getMessage());
    }
  }

  private static String json(MazeResult result) {
    try {
      return JSON.writeValueAsString(result) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
