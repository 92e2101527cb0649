package dev.ananke.clew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintKind;
import dev.ananke.core.ConstraintSource;
import dev.ananke.core.Tier;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.OperationalBound;
import dev.ananke.core.payload.ParseError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine around the extractors: inputs, skipping, syntax errors, telemetry, walking, caching. */
class EngineTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static List<String> functionNames(ExtractionResult r) {
    return r.constraints().constraints().stream().filter(c -> c.payload() instanceof FunctionSignature)
        .map(c -> ((FunctionSignature) c.payload()).name()).toList();
  }

  @Test
  void syntaxErrorsAreExtractedAroundAndReported() throws IOException {
    Path file = write("broken.ts", """
        export function good(a: number): number {
          return a + 1;
        }

        function bad(x: string {
          return x;
        }

        export function alsoGood(): void {}
        """);
    ExtractionResult r = Clew.builder().build().extract(List.of(file));
    assertTrue(functionNames(r).containsAll(List.of("good", "alsoGood")), functionNames(r).toString());
    List<Constraint> errors = r.constraints().constraints().stream()
        .filter(c -> c.payload() instanceof ParseError).toList();
    assertEquals(1, errors.size(), errors.toString());
    Constraint e = errors.getFirst();
    assertEquals(ConstraintKind.SYNTACTIC, e.kind());
    assertEquals(5, e.origin().line());
    assertEquals(1, r.warnings().size());
    assertTrue(r.warnings().getFirst().toString().startsWith(dir.resolve("broken.ts").toString().replace('\\', '/') + ":5:"),
        r.warnings().getFirst().toString());
  }

  /** Tree-sitter's offsets count UTF-8 bytes: a cut at a body after multi-byte text must land on it. */
  @Test
  void signaturesAreCutAtTheBodyAfterMultiByteText() {
    Clew clew = Clew.builder().build();
    var ts = clew.extractSource("grüße.ts", "export function grüße(name = \"Zoë ☃\"): string { return \"é\"; }\n", null);
    assertEquals("function grüße(name = \"Zoë ☃\"): string",
        Samples.function(ts.constraints(), "grüße").signature());
    var py = clew.extractSource("grüße.py", "def grüße(name: str = \"Zoë ☃\") -> str:\n    return \"é\"\n", null);
    assertEquals("def grüße(name: str = \"Zoë ☃\") -> str", Samples.function(py.constraints(), "grüße").signature());
    var rs = clew.extractSource("lib.rs", "pub fn grüße(name: &str) -> String { \"é\".to_string() }\n", null);
    assertEquals("pub fn grüße(name: &str) -> String", Samples.function(rs.constraints(), "grüße").signature());
    var java = clew.extractSource("Grüße.java", "class Grüße { /** ☃ */ public String grüße(String zoë) { return \"é\"; } }\n", null);
    assertEquals("public String grüße(String zoë)", Samples.function(java.constraints(), "Grüße.grüße").signature());
  }

  @Test
  void pythonSyntaxErrorRegion() {
    ExtractionResult r = Clew.builder().build().extractSource("bad.py", """
        def ok(a: int) -> int:
            return a

        def broken(:
            pass

        def fine() -> None:
            pass
        """, null);
    assertTrue(functionNames(r).containsAll(List.of("ok", "fine")), functionNames(r).toString());
    var errors = Samples.payloads(r.constraints(), ParseError.class);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(4, Samples.constraint(r.constraints(), "syntax-error").origin().line());
  }

  @Test
  void binaryNonUtf8AndOversizedFilesAreSkipped() throws IOException {
    Path binary = dir.resolve("image.ts");
    Files.write(binary, new byte[] {'c', 'o', 'n', 's', 't', 0, 1, 2, 3});
    Path latin1 = dir.resolve("latin1.py");
    Files.write(latin1, "name = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
    Path big = write("big.js", "const x = 1;\n".repeat(100));
    Path ok = write("ok.py", "def f() -> None:\n    pass\n");
    ExtractionResult r = Clew.builder().maxFileBytes(1000).build().extract(List.of(binary, latin1, big, ok));
    assertEquals(1, r.filesRead());
    List<String> skipped = r.skipped().stream().map(Diagnostic::toString).toList();
    assertEquals(3, skipped.size(), skipped.toString());
    assertTrue(skipped.stream().anyMatch(s -> s.contains("big.js: skipped: larger than the limit of 1000 bytes (1300 bytes)")), skipped.toString());
    assertTrue(skipped.stream().anyMatch(s -> s.contains("image.ts: skipped: binary file (NUL byte at offset 5)")), skipped.toString());
    assertTrue(skipped.stream().anyMatch(s -> s.contains("latin1.py: skipped: not UTF-8 text")), skipped.toString());
    assertEquals(List.of("f"), functionNames(r));
  }

  @Test
  void unknownExtensionIsSkippedUnlessALanguageIsForced() throws IOException {
    Path script = write("tool.txt", "def main() -> int:\n    return 0\n");
    ExtractionResult byExtension = Clew.builder().build().extract(List.of(script));
    assertEquals(1, byExtension.skipped().size());
    assertTrue(byExtension.skipped().getFirst().message().startsWith("unknown language"));
    ExtractionResult forced = Clew.builder().language("python").build().extract(List.of(script));
    assertEquals(List.of("main"), functionNames(forced));
  }

  @Test
  void missingPathAndUnknownLanguageAreBadInput() {
    var e = assertThrows(BadInputException.class,
        () -> Clew.builder().build().extract(List.of(dir.resolve("nope.ts"))));
    assertTrue(e.getMessage().endsWith("nope.ts: no such file or directory"), e.getMessage());
    var l = assertThrows(BadInputException.class, () -> Clew.builder().language("cobol"));
    assertTrue(l.getMessage().contains("unknown language"), l.getMessage());
  }

  @Test
  void telemetryBecomesOperationalBounds() throws IOException {
    Path t = write("telemetry.json", """
        {"service": "checkout", "latency_p99_ms": 250, "error_rate": 0.01,
         "endpoints": {"getUser": {"latency_p99_ms": 120}}}
        """);
    Path src = write("a.ts", "export const x = 1;\n");
    ExtractionResult r = Clew.builder().telemetry(t).build().extract(List.of(src));
    Constraint latency = Samples.constraint(r.constraints(), "telemetry.checkout.latency_p99");
    assertEquals(new OperationalBound("latency_p99", null, 250.0, "ms"), latency.payload());
    assertEquals(ConstraintKind.OPERATIONAL, latency.kind());
    assertEquals(Tier.SOFT, latency.tier());
    assertEquals(ConstraintSource.TELEMETRY, latency.source());
    assertEquals(new OperationalBound("error_rate", null, 0.01, "ratio"),
        Samples.constraint(r.constraints(), "telemetry.checkout.error_rate").payload());
    assertEquals(new OperationalBound("latency_p99", null, 120.0, "ms"),
        Samples.constraint(r.constraints(), "telemetry.checkout.getUser.latency_p99").payload());
  }

  @Test
  void badTelemetryIsBadInputNamingThePath() throws IOException {
    Path src = write("a.ts", "export const x = 1;\n");
    Path malformed = write("t1.json", "{\"latency_p99_ms\": }");
    var e1 = assertThrows(BadInputException.class, () -> Clew.builder().telemetry(malformed).build().extract(List.of(src)));
    assertTrue(e1.getMessage().contains("t1.json:1:"), e1.getMessage());
    Path range = write("t2.json", "{\"error_rate\": 1.5}");
    var e2 = assertThrows(BadInputException.class, () -> Clew.builder().telemetry(range).build().extract(List.of(src)));
    assertTrue(e2.getMessage().endsWith("$.error_rate: 1.5 is out of range, expected [0, 1]"), e2.getMessage());
    Path unknown = write("t3.json", "{\"p99\": 3}");
    var e3 = assertThrows(BadInputException.class, () -> Clew.builder().telemetry(unknown).build().extract(List.of(src)));
    assertTrue(e3.getMessage().contains("$.p99: unknown field"), e3.getMessage());
    var e4 = assertThrows(BadInputException.class,
        () -> Clew.builder().telemetry(dir.resolve("none.json")).build().extract(List.of(src)));
    assertTrue(e4.getMessage().endsWith("telemetry file does not exist"), e4.getMessage());
  }

  @Test
  void directoryWalkSkipsBuildOutputAndGitignored() throws IOException {
    write(".gitignore", "# generated\n*.gen.ts\n/secrets/\nlogs/\n!keep.gen.ts\n");
    write("src/app.ts", "export function app(): void {}\n");
    write("src/util.py", "def util() -> None:\n    pass\n");
    write("src/api.gen.ts", "export function generated(): void {}\n");
    write("src/keep.gen.ts", "export function kept(): void {}\n");
    write("src/nested/.gitignore", "local.js\n");
    write("src/nested/local.js", "function local() {}\n");
    write("src/nested/shared.js", "function shared() {}\n");
    write("secrets/keys.ts", "export function keys(): void {}\n");
    write("node_modules/lib/index.js", "function lib() {}\n");
    write("target/gen/Out.java", "class Out { void out() {} }\n");
    write("dist/bundle.js", "function bundle() {}\n");
    write(".git/hooks/x.py", "def hook(): pass\n");
    write("README.md", "# readme\n");
    ExtractionResult r = Clew.builder().build().extract(List.of(dir));
    assertEquals(List.of("app", "kept", "shared", "util"), functionNames(r).stream().sorted().toList());
    assertEquals(4, r.filesRead());
    assertEquals(List.of(), r.skipped(), "README.md is not a source file and is not listed");
    ExtractionResult onlyPython = Clew.builder().language("python").build().extract(List.of(dir));
    assertEquals(List.of("util"), functionNames(onlyPython));
  }

  @Test
  void parallelRunsAreDeterministicAndCached() throws IOException {
    for (int i = 0; i < 12; i++) {
      write("m" + i + ".ts", "export async function load" + i + "(id: string): Promise<number> {\n"
          + "  try { return await get(id); } catch (e) { throw e; }\n}\n");
    }
    AtomicInteger progress = new AtomicInteger();
    Clew clew = Clew.builder().threads(4).progress((done, total) -> progress.accumulateAndGet(done, Math::max)).build();
    ExtractionResult first = clew.extract(List.of(dir));
    ExtractionResult again = clew.extract(List.of(dir));
    ExtractionResult sequential = Clew.builder().threads(1).cacheSize(0).build().extract(List.of(dir));
    assertEquals(12, progress.get());
    String json = ConstraintJson.write(first.constraints());
    assertEquals(json, ConstraintJson.write(again.constraints()));
    assertEquals(json, ConstraintJson.write(sequential.constraints()));
    assertEquals(12, functionNames(first).size());
    // the same idiom in 12 files: one constraint per file, each with its own origin
    assertEquals(12, Samples.all(first.constraints(), "error-idiom.try_catch").size());
  }
}
