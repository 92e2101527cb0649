package dev.ananke.bench.grammar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ananke.tokens.Tokenizer;
import dev.ananke.tokens.earley.CompiledGrammar;
import dev.ananke.tokens.earley.GrammarConstraint;
import dev.ananke.tokens.jsonschema.JsonSchemaCompiler;
import dev.ananke.tokens.jsonschema.PythonJson;
import dev.ananke.tokens.maskbench.MaskBenchRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The MaskBench subset as benchmark input: schemas that compile, and their valid instances' tokens. */
final class MaskBenchData {
  record Schema(String file, JsonNode schema, List<int[]> validTokens) {}

  private MaskBenchData() {}

  static Path folder() {
    return MaskBenchFolder.find()
        .orElseThrow(() -> new IllegalStateException("MaskBench data not found: pass -Dananke.maskbench.dir=DIR"));
  }

  /** Every schema our compiler accepts, with its valid instances tokenized. */
  static List<Schema> load(Tokenizer tokenizer) {
    List<Schema> out = new ArrayList<>();
    for (Path f : MaskBenchRunner.listFiles(folder())) {
      try {
        JsonNode doc = PythonJson.parse(Files.readString(f));
        JsonNode schema = doc.get("schema");
        JsonSchemaCompiler.compile(schema, MaskBenchRunner.OPTIONS);
        List<int[]> valid = new ArrayList<>();
        for (JsonNode t : doc.get("tests")) {
          if (t.path("valid").asBoolean()) valid.add(tokenizer.encode(PythonJson.dumps(t.get("data"))));
        }
        out.add(new Schema(f.getFileName().toString(), schema, valid));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        // not compiled: left out, as MaskBench's percentiles cover compiled files only
      }
    }
    return out;
  }

  static GrammarConstraint compile(Schema s, Tokenizer tokenizer) {
    return CompiledGrammar.compile(JsonSchemaCompiler.compile(s.schema(), MaskBenchRunner.OPTIONS))
        .constraint(tokenizer.vocabulary());
  }

  /** Nearest-rank percentile of sorted nanos, in microseconds. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    int k = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, k))] / 1000.0;
  }

  static String summary(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    double avg = Arrays.stream(s).average().orElse(0) / 1000.0;
    return String.format(java.util.Locale.ROOT, "%s: n=%d p50 %.1f us, avg %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us",
        what, s.length, percentile(s, 50), avg, percentile(s, 99), percentile(s, 99.9), s.length == 0 ? 0 : s[s.length - 1] / 1000.0);
  }
}
