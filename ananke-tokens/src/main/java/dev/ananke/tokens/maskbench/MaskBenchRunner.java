package dev.ananke.tokens.maskbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ananke.core.error.BadInputException;
import dev.ananke.tokens.KnownTokenizer;
import dev.ananke.tokens.TokenMasks;
import dev.ananke.tokens.TokenMatcher;
import dev.ananke.tokens.Tokenizer;
import dev.ananke.tokens.TokenizerCache;
import dev.ananke.tokens.Vocabulary;
import dev.ananke.tokens.earley.CompiledGrammar;
import dev.ananke.tokens.earley.GrammarConstraint;
import dev.ananke.tokens.grammar.Grammar;
import dev.ananke.tokens.jsonschema.JsonSchemaCompiler;
import dev.ananke.tokens.jsonschema.JsonSchemaOptions;
import dev.ananke.tokens.jsonschema.PythonJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Runs MaskBench files (guidance-ai/jsonschemabench): each holds a JSON schema and valid and
 * invalid instances. For each file: compile the schema; feed every valid instance, serialized as
 * Python's {@code json.dumps} and tokenized, token by token, checking each token is in the mask
 * and that EOS is allowed at the end; feed every invalid instance and check it is rejected
 * somewhere. A file passes when it compiles, accepts all its valid instances and rejects all its
 * invalid ones.
 *
 * <p>Single-threaded; a few seconds for the 568-file development subset after the tokenizer is
 * loaded. The result file has the per-file shape of {@code shared/tools/xgrammar-bench}'s
 * {@code summarize.mjs}, so our figures can be put side by side with XGrammar's.
 */
public final class MaskBenchRunner {
  /**
   * MaskBench's semantics: any whitespace (instances use ", " and ": "), properties in any order
   * (instances do not follow schema order).
   */
  public static final JsonSchemaOptions OPTIONS = JsonSchemaOptions.DEFAULT.withAnyPropertyOrder(true);

  private MaskBenchRunner() {}

  /** One instance's outcome; {@code maskNanos} has one entry per mask computed (valid only). */
  public record InstanceResult(boolean valid, boolean pass, int tokens, @Nullable String rejectedAt, long[] maskNanos) {}

  /**
   * One file's outcome.
   *
   * @param status {@code ok} (compiled), {@code compile_error} or {@code bad_file}
   */
  public record FileResult(String file, String status, @Nullable String error, double compileMillis,
      List<InstanceResult> instances) {
    public boolean passed() {
      return status.equals("ok") && instances.stream().allMatch(InstanceResult::pass);
    }

    /** Valid instances refused (the figure that must be zero). */
    public long falseRejections() {
      return instances.stream().filter(i -> i.valid() && !i.pass()).count();
    }

    public long invalidAccepted() {
      return instances.stream().filter(i -> !i.valid() && !i.pass()).count();
    }
  }

  /** All files' outcomes. */
  public record Summary(List<FileResult> files) {
    public long passed() {
      return files.stream().filter(FileResult::passed).count();
    }

    public long failed() {
      return files.size() - passed();
    }

    public long compileErrors() {
      return files.stream().filter(f -> !f.status().equals("ok")).count();
    }

    public long falseRejections() {
      return files.stream().mapToLong(FileResult::falseRejections).sum();
    }

    public long invalidAccepted() {
      return files.stream().mapToLong(FileResult::invalidAccepted).sum();
    }

    /** The closing line: {@code N passed, M failed}. */
    public String line() {
      return passed() + " passed, " + failed() + " failed";
    }
  }

  /**
   * Runs every {@code *.json} file of {@code dir} (sorted by name) with a known tokenizer, writing
   * {@code results.json} and {@code results.txt} into {@code outDir} when it is not null.
   *
   * @throws BadInputException when {@code dir} is not a readable folder
   */
  public static Summary run(Path dir, KnownTokenizer tokenizer, @Nullable Path outDir) {
    return run(dir, TokenizerCache.load(tokenizer), outDir, r -> {});
  }

  public static Summary run(Path dir, Tokenizer tokenizer, @Nullable Path outDir, Consumer<FileResult> progress) {
    List<Path> files = listFiles(dir);
    warmUp(tokenizer);
    List<FileResult> results = new ArrayList<>();
    for (Path f : files) {
      FileResult r = runFile(f, tokenizer, OPTIONS);
      results.add(r);
      progress.accept(r);
    }
    Summary s = new Summary(results);
    if (outDir != null) write(s, outDir);
    return s;
  }

  /**
   * Builds the per-vocabulary tables (slices and their tries, about a second at 128k) so that the
   * first file's compile time does not include them.
   */
  public static void warmUp(Tokenizer tokenizer) {
    CompiledGrammar.compile(JsonSchemaCompiler.compile("{\"type\": \"string\"}")).constraint(tokenizer.vocabulary());
  }

  /** The {@code *.json} files of a folder, sorted by name. */
  public static List<Path> listFiles(Path dir) {
    if (!Files.isDirectory(dir)) throw new BadInputException(dir.toString(), "not a folder");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** Runs one MaskBench file. */
  public static FileResult runFile(Path file, Tokenizer tokenizer, JsonSchemaOptions options) {
    String name = file.getFileName().toString();
    JsonNode doc;
    try {
      doc = PythonJson.parse(Files.readString(file));
    } catch (IOException | BadInputException e) {
      return new FileResult(name, "bad_file", e.getMessage(), 0, List.of());
    }
    JsonNode schema = doc.get("schema");
    JsonNode tests = doc.get("tests");
    if (schema == null || tests == null || !tests.isArray()) {
      return new FileResult(name, "bad_file", "expected 'schema' and 'tests'", 0, List.of());
    }
    long t0 = System.nanoTime();
    GrammarConstraint constraint;
    try {
      Grammar g = JsonSchemaCompiler.compile(schema, options);
      constraint = CompiledGrammar.compile(g).constraint(tokenizer.vocabulary());
    } catch (BadInputException | StackOverflowError e) {
      return new FileResult(name, "compile_error", String.valueOf(e.getMessage()), (System.nanoTime() - t0) / 1e6, List.of());
    }
    double compileMs = (System.nanoTime() - t0) / 1e6;
    List<InstanceResult> out = new ArrayList<>();
    for (JsonNode t : tests) {
      boolean valid = t.path("valid").asBoolean();
      String text = PythonJson.dumps(t.get("data"));
      int[] tokens = tokenizer.encode(text);
      try {
        out.add(valid ? runValid(constraint, tokens) : runInvalid(constraint, tokens));
      } catch (BadInputException e) {
        out.add(new InstanceResult(valid, !valid, tokens.length, "error: " + e.getMessage(), new long[0]));
      }
    }
    return new FileResult(name, "ok", null, compileMs, out);
  }

  /** Feeds a valid instance: every token must be in its mask, then EOS. */
  public static InstanceResult runValid(GrammarConstraint constraint, int[] tokens) {
    Vocabulary v = constraint.vocabulary();
    TokenMatcher m = constraint.newMatcher();
    long[] mask = TokenMasks.allocate(v);
    long[] nanos = new long[tokens.length + 1];
    for (int i = 0; i < tokens.length; i++) {
      long t0 = System.nanoTime();
      m.computeMask(mask);
      nanos[i] = System.nanoTime() - t0;
      if (!TokenMasks.get(mask, tokens[i]) || !m.consume(tokens[i])) {
        return new InstanceResult(true, false, tokens.length, "token " + i + " (" + v.tokenString(tokens[i]) + ")",
            java.util.Arrays.copyOf(nanos, i + 1));
      }
    }
    long t0 = System.nanoTime();
    m.computeMask(mask);
    nanos[tokens.length] = System.nanoTime() - t0;
    int eos = v.eosTokenId();
    if (!TokenMasks.get(mask, eos) || !m.consume(eos) || !m.isTerminated()) {
      return new InstanceResult(true, false, tokens.length, "EOS", nanos);
    }
    return new InstanceResult(true, true, tokens.length, null, nanos);
  }

  /** Feeds an invalid instance: it passes when some token or the final EOS is refused. */
  public static InstanceResult runInvalid(GrammarConstraint constraint, int[] tokens) {
    TokenMatcher m = constraint.newMatcher();
    for (int i = 0; i < tokens.length; i++) {
      if (!m.consume(tokens[i])) return new InstanceResult(false, true, tokens.length, "token " + i, new long[0]);
    }
    if (!m.isAccepting()) return new InstanceResult(false, true, tokens.length, "EOS", new long[0]);
    return new InstanceResult(false, false, tokens.length, null, new long[0]);
  }

  private static void write(Summary s, Path outDir) {
    StringBuilder json = new StringBuilder("{\"engine\": \"ananke\", \"files\": [\n");
    StringBuilder txt = new StringBuilder();
    for (int k = 0; k < s.files().size(); k++) {
      FileResult f = s.files().get(k);
      json.append(k == 0 ? "" : ",\n").append("{\"file\": ").append(PythonJson.string(f.file()))
          .append(", \"status\": \"").append(f.status()).append("\", \"compile_ms\": ")
          .append(String.format(java.util.Locale.ROOT, "%.3f", f.compileMillis()));
      if (f.error() != null) json.append(", \"error\": ").append(PythonJson.string(f.error()));
      json.append(", \"instances\": [");
      for (int i = 0; i < f.instances().size(); i++) {
        InstanceResult r = f.instances().get(i);
        json.append(i == 0 ? "" : ", ").append("{\"valid\": ").append(r.valid()).append(", \"pass\": ").append(r.pass());
        if (r.rejectedAt() != null) json.append(", \"rejected_at\": ").append(PythonJson.string(r.rejectedAt()));
        json.append(", \"mask_us\": [");
        for (int j = 0; j < r.maskNanos().length; j++) {
          json.append(j == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.1f", r.maskNanos()[j] / 1000.0));
        }
        json.append("]}");
      }
      json.append("]}");
      txt.append(f.passed() ? "PASS " : "FAIL ").append(f.file());
      if (!f.passed()) {
        if (f.error() != null) txt.append(": ").append(f.error().replace('\n', ' '));
        else {
          long fr = f.falseRejections();
          long ia = f.invalidAccepted();
          txt.append(": ").append(fr).append(" valid rejected, ").append(ia).append(" invalid accepted");
          for (InstanceResult r : f.instances()) {
            if (r.valid() && !r.pass()) txt.append("; valid rejected at ").append(r.rejectedAt());
          }
        }
      }
      txt.append('\n');
    }
    json.append("\n]}\n");
    txt.append(s.line()).append('\n');
    try {
      Files.createDirectories(outDir);
      atomicWrite(outDir.resolve("results.json"), json.toString());
      atomicWrite(outDir.resolve("results.txt"), txt.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results into " + outDir, e);
    }
  }

  private static void atomicWrite(Path target, String content) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
