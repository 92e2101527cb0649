package dev.ananke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.AnankeVersion;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.core.wire.IrFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line, run in-process: exit codes, messages, what is (not) written. */
class CliTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static Path resource(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = CliTest.class.getResourceAsStream(name)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void versionPrintsToolAndRuntime() {
    Run r = run("version");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("ananke " + AnankeVersion.get() + "\njava " + Runtime.version()), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "extract", "compile", "version"})
  void everyCommandHasHelp(String command) {
    Run r = command.isEmpty() ? run("--help") : run(command, "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: ananke" + (command.isEmpty() ? "" : " " + command)), r.out());
  }

  @Test
  void unknownOptionIsBadInput() {
    Run r = run("compile", "--no-such-option", "x.json");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("ananke: Unknown option: '--no-such-option'"), r.err());
    assertTrue(r.err().contains("Try 'ananke compile --help'"), r.err());
  }

  @Test
  void compileOfMalformedFileExitsTwoNamingFileAndPathAndWritesNothing(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.json");
    Files.writeString(
        broken,
        "{\"constraints\": [{\"name\": \"x\", \"payload\": {\"type\": \"import_set\", \"module\": 7}}]}");
    Path out = dir.resolve("ir.json");
    Run r = run("compile", broken.toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertEquals(
        "ananke: error: " + broken + ": constraints[0].payload.module: expected string, found integer\n", r.err());
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temp file may be left behind");
    }
  }

  @Test
  void failedCompileLeavesAnExistingOutputUntouched(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"constraints\": [");
    Path out = dir.resolve("ir.json");
    Files.writeString(out, "previous");
    Run r = run("compile", broken.toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("ananke: error: " + broken + ": 1:18: malformed JSON"), r.err());
    assertEquals("previous", Files.readString(out));
  }

  @Test
  void compileOfMissingFileIsBadInput(@TempDir Path dir) {
    Run r = run("compile", dir.resolve("nope.json").toString());
    assertEquals(2, r.code());
    assertEquals("ananke: error: " + dir.resolve("nope.json") + ": no such file\n", r.err());
  }

  @Test
  void compileTypeTargetWritesTheIrAtomically(@TempDir Path dir) throws IOException {
    Path constraints = resource(dir, "user-types.json");
    Path out = dir.resolve("ir.json");
    Run r = run("compile", constraints.toString(), "--target", "type:User", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    ConstraintIR ir = ConstraintJson.readIR(out);
    assertEquals("typescript", ir.target().language());
    assertEquals(
        "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"title\":\"User\",\"type\":\"object\","
            + "\"properties\":{\"id\":{\"$ref\":\"#/$defs/UserId\"},\"email\":{\"type\":\"string\"},"
            + "\"role\":{\"$ref\":\"#/$defs/Role\"},\"createdAt\":{\"type\":\"string\",\"format\":\"date-time\"},"
            + "\"address\":{\"$ref\":\"#/$defs/Address\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
            + "\"required\":[\"id\",\"email\",\"role\",\"createdAt\",\"tags\"],\"additionalProperties\":false,"
            + "\"$defs\":{\"Address\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},"
            + "\"postalCode\":{\"type\":\"string\"}},\"required\":[\"street\"],\"additionalProperties\":false},"
            + "\"Role\":{\"enum\":[\"admin\",\"editor\",\"viewer\"]},\"UserId\":{\"type\":\"string\"}}}",
        ir.jsonSchema().text());
    ConstraintSet set = ConstraintJson.readSet(constraints);
    assertEquals(4, ir.provenance().size());
    assertEquals(
        "ananke: note: 1 of " + set.size() + " constraints do not apply to target type:User or are advisory (--verbose lists them)\n",
        r.err());
  }

  @Test
  void compileWritesTheIrAsAFrameToAFile(@TempDir Path dir) throws IOException {
    Path src = dir.resolve("svc.ts");
    Files.writeString(src, """
        export interface Account { id: string; balance: number; }
        export function settle(account: Account): number {
          return account.balance;
        }
        """);
    Path json = dir.resolve("ir.json");
    Path frame = dir.resolve("ir.frame");
    assertEquals(0, run("compile", src.toString(), "--target", "function:settle", "-o", json.toString()).code());
    Run r = run("compile", src.toString(), "--target", "function:settle", "--format", "frame", "-o", frame.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    byte[] bytes = Files.readAllBytes(frame);
    assertTrue(IrFrame.isFrame(bytes));
    ConstraintIR ir = ConstraintJson.readIR(json);
    assertEquals(ir, IrFrame.read(bytes), "the frame holds the IR the JSON holds");
    assertEquals(ir, ConstraintJson.readIR(frame), "a file of IR is read in either form");
    assertTrue(ir.grammar().lark().contains("function settle(account: Account): number"));
  }

  @Test
  void aFrameGoesToAFileOnlyAndHoldsTheWholeIr(@TempDir Path dir) throws IOException {
    Path constraints = resource(dir, "user-types.json");
    Run stdout = run("compile", constraints.toString(), "--target", "type:User", "--format", "frame");
    assertEquals(2, stdout.code());
    assertEquals("", stdout.out());
    assertEquals("ananke: error: --format frame: a frame is binary, not for a terminal: write it to a file with -o FILE\n",
        stdout.err());
    Path out = dir.resolve("schema.frame");
    Run part = run("compile", constraints.toString(), "--target", "type:User", "--emit", "json-schema", "--format", "frame",
        "-o", out.toString());
    assertEquals(2, part.code());
    assertTrue(part.err().contains("--format frame: a frame holds the whole IR: use it with --emit ir, not --emit json-schema"),
        part.err());
    assertFalse(Files.exists(out));
    Run extract = run("extract", constraints.toString(), "--format", "frame", "-o", out.toString());
    assertEquals(2, extract.code());
    assertTrue(extract.err().contains("only 'ananke compile' writes an IR frame"), extract.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void verboseListsTheConstraintsThatDoNotApply(@TempDir Path dir) throws IOException {
    Path constraints = resource(dir, "user-types.json");
    Run r = run("compile", constraints.toString(), "--target", "type:User", "--verbose", "--strict");
    assertEquals(0, r.code(), "constraints that do not apply never fail --strict: " + r.err());
    String id = ConstraintJson.readSet(constraints).constraints().stream()
        .filter(c -> c.name().equals("no eval")).findFirst().orElseThrow().id();
    assertTrue(r.err().endsWith(":\n  " + id + "  no eval: does not apply to a JSON value of type User\n"), r.err());
  }

  @Test
  void strictCompileFailsOnConstraintsThatApplyButCannotBeEnforced(@TempDir Path dir) throws IOException {
    Path constraints = dir.resolve("sql.json");
    Files.writeString(constraints, SQL_RULE);
    Path out = dir.resolve("ir.json");
    Run r = run("compile", constraints.toString(), "--target", "module", "--language", "typescript", "--strict", "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err().startsWith("ananke: error: " + constraints + ": 1 constraints cannot be enforced for module (first: 'no sql concat'"),
        r.err());
    assertFalse(Files.exists(out));
  }

  /** A forbidden pattern across lexemes: no grammar can exclude it. */
  private static final String SQL_RULE = """
      {"constraints": [{"name": "no sql concat", "tier": "HARD", "severity": "ERROR",
        "payload": {"type": "forbidden_pattern", "pattern": "select[^;]*\\\\+", "syntax": "REGEX", "reason": "injection"}}]}
      """;

  @Test
  void withoutStrictUnenforcedConstraintsAreListedOnStderr(@TempDir Path dir) throws IOException {
    Path constraints = dir.resolve("sql.json");
    Files.writeString(constraints, SQL_RULE);
    Run r = run("compile", constraints.toString(), "--target", "module", "--language", "typescript");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().startsWith("ananke: warning: 1 of 1 constraints apply to target module but are not enforced:\n"), r.err());
    assertTrue(r.err().contains("no sql concat: the pattern spans several lexemes"), r.err());
  }

  @Test
  void moduleTargetEnforcesALiteralForbiddenCallInItsGrammar(@TempDir Path dir) throws IOException {
    Path constraints = resource(dir, "user-types.json");
    Run r = run("compile", constraints.toString(), "--target", "module", "--strict", "--emit", "lark");
    assertEquals(0, r.code(), r.err());
    var grammar = dev.ananke.tokens.earley.CompiledGrammar.compile(dev.ananke.tokens.grammar.Grammar.lark(r.out()));
    assertTrue(grammar.accepts("const user = evaluate(x);\n"));
    assertFalse(grammar.accepts("const user = eval(x);\n"));
  }

  @Test
  void compileExtractsSourcesFirstAndEmitsEachPart(@TempDir Path dir) throws IOException {
    Path src = dir.resolve("svc.ts");
    Files.writeString(src, """
        export interface Account { id: string; balance: number; }
        export function settle(account: Account): number {
          const total = account.balance;
          return total;
        }
        """);
    Run gbnf = run("compile", src.toString(), "--target", "function:settle", "--emit", "gbnf");
    assertEquals(0, gbnf.code(), gbnf.err());
    assertTrue(gbnf.out().startsWith("root ::= function\n"), gbnf.out());
    assertTrue(gbnf.out().contains("\nfunction ::= \"function settle(account: Account): number\" "), gbnf.out());
    Run schema = run("compile", src.toString(), "--target", "type:Account", "--emit", "json-schema");
    assertEquals(0, schema.code(), schema.err());
    assertTrue(schema.out().contains("\"properties\":{\"id\":{\"type\":\"string\"},\"balance\":{\"type\":\"number\"}}"), schema.out());
    Run none = run("compile", src.toString(), "--target", "function:settle", "--emit", "json-schema");
    assertEquals(2, none.code());
    assertTrue(none.err().contains("--emit json-schema: the IR of target function:settle has no JSON Schema"), none.err());
    Run bad = run("compile", src.toString(), "--emit", "yaml");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("expected ir, lark, gbnf, json-schema or regex"), bad.err());
  }

  @Test
  void unknownTypeTargetNamesTheDeclaredTypes(@TempDir Path dir) throws IOException {
    Path constraints = resource(dir, "user-types.json");
    Run r = run("compile", constraints.toString(), "--target", "type:Order");
    assertEquals(2, r.code());
    assertEquals(
        "ananke: error: --target type:Order: no type named Order is declared (declared: [Address, Role, User, UserId])\n",
        r.err());
  }

  @Test
  void badTargetSyntaxIsBadInput(@TempDir Path dir) throws IOException {
    Path constraints = resource(dir, "user-types.json");
    Run r = run("compile", constraints.toString(), "--target", "type:");
    assertEquals(2, r.code());
    assertEquals("ananke: error: --target type:: a type target needs a name: type:NAME\n", r.err());
  }

  @Test
  void prettyFormatRendersTheIrForPeople(@TempDir Path dir) throws IOException {
    Path constraints = resource(dir, "user-types.json");
    Run r = run("compile", constraints.toString(), "--target", "type:Address", "--format", "pretty");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("target:      TYPE_VALUE typescript Address\npriority:    MEDIUM\n"), r.out());
  }
}
