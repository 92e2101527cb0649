package dev.ananke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ananke extract} in-process, with the real tree-sitter parsers. */
class ExtractCommandTest {

  private static final String SOURCE =
      """
      export async function loadUser(id: string): Promise<string> {
        return eval(id);
      }
      """;

  @Test
  void extractsToJsonThatReadsBackAndIsTheSameEveryRun(@TempDir Path dir) throws IOException {
    Path src = Files.writeString(dir.resolve("user.ts"), SOURCE);
    CliTest.Run first = CliTest.run("extract", src.toString());
    assertEquals(0, first.code(), first.err());
    assertEquals(first.out(), CliTest.run("extract", src.toString()).out());
    ConstraintSet set = ConstraintJson.readSet(first.out());
    FunctionSignature f =
        set.constraints().stream()
            .map(Constraint::payload)
            .filter(FunctionSignature.class::isInstance)
            .map(FunctionSignature.class::cast)
            .findFirst()
            .orElseThrow();
    assertEquals("loadUser", f.name());
    assertEquals("Promise<string>", f.returnType());
    assertTrue(f.async());
    assertTrue(set.constraints().stream().anyMatch(c -> c.payload() instanceof ForbiddenPattern && c.origin().line() == 2));
  }

  @Test
  void prettyFormatIsForPeople(@TempDir Path dir) throws IOException {
    Path src = Files.writeString(dir.resolve("user.ts"), SOURCE);
    CliTest.Run r = CliTest.run("extract", src.toString(), "--format", "pretty");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("async fn loadUser(id: string) -> Promise<string>"), r.out());
  }

  @Test
  void aMissingPathIsBadInputAndWritesNothing(@TempDir Path dir) {
    Path missing = dir.resolve("nope.ts");
    Path out = dir.resolve("c.json");
    CliTest.Run r = CliTest.run("extract", missing.toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("ananke: error: " + missing), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aMalformedTelemetryFileIsBadInput(@TempDir Path dir) throws IOException {
    Path src = Files.writeString(dir.resolve("user.ts"), SOURCE);
    Path telemetry = Files.writeString(dir.resolve("t.json"), "{\"latency_p99_ms\": ");
    CliTest.Run r = CliTest.run("extract", src.toString(), "--telemetry", telemetry.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("ananke: error: " + telemetry), r.err());
  }
}
