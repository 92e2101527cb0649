package dev.ananke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MaskBench command on small hand-made files, with the real Llama 3.1 tokenizer. */
class MaskBenchCommandTest {

  private static final String POINT =
      """
      {"description": "a point", "schema": {"type": "object",
        "properties": {"x": {"type": "integer"}, "label": {"type": "string", "maxLength": 5}},
        "required": ["x"], "additionalProperties": false},
       "tests": [
        {"description": "ok", "valid": true, "data": {"x": 3, "label": "abc"}},
        {"description": "x only", "valid": true, "data": {"x": -12}},
        {"description": "x not integer", "valid": false, "data": {"x": 1.5}},
        {"description": "label too long", "valid": false, "data": {"x": 1, "label": "abcdef"}},
        {"description": "extra", "valid": false, "data": {"x": 1, "y": 2}}]}
      """;

  @Test
  void runsTheFilesAndEndsWithTheSummaryLine(@TempDir Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("point.json"), POINT);
    // A schema whose valid instance breaks it: the file must fail.
    Files.writeString(
        in.resolve("wrong.json"),
        "{\"schema\": {\"type\": \"string\"}, \"tests\": [{\"valid\": true, \"data\": 5}]}");
    Path out = dir.resolve("out");
    CliTest.Run r = CliTest.run("maskbench", in.toString(), "--out", out.toString(), "--verbose");
    assertEquals(1, r.code(), r.err());
    assertEquals("PASS point.json\nFAIL wrong.json\nresults in " + out + "\n1 passed, 1 failed\n", r.out());
    assertTrue(Files.isRegularFile(out.resolve("results.json")));
    assertTrue(Files.isRegularFile(out.resolve("results.txt")));
  }

  @Test
  void unknownTokenizerIsBadInput(@TempDir Path dir) {
    CliTest.Run r = CliTest.run("maskbench", dir.toString(), "--tokenizer", "gpt2");
    assertEquals(2, r.code());
    assertEquals("ananke: error: --tokenizer gpt2: expected llama3.1, qwen3 or llama2\n", r.err());
  }

  @Test
  void missingFolderIsBadInput(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    CliTest.Run r = CliTest.run("maskbench", missing.toString());
    assertEquals(2, r.code());
    assertEquals("ananke: error: " + missing + ": not a folder\n", r.err());
  }
}
