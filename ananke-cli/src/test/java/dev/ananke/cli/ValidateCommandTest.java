package dev.ananke.cli;

import static dev.ananke.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ananke validate} catches a hand-made violation of each kind of hard constraint, and
 * passes the code the constraints were extracted from.
 */
class ValidateCommandTest {
  private static final String SOURCE = """
      export interface Account {
        id: string;
        balance: number;
      }

      export function settleAccount(account: Account, amount: number): number {
        const newBalance = account.balance - amount;
        const auditNote = "settled";
        return newBalance;
      }

      export function describeAccount(account: Account): string {
        const accountId = account.id;
        const balanceText = String(account.balance);
        const summaryLine = `account ${accountId}: ${balanceText}`;
        return summaryLine;
      }
      """;

  @TempDir Path dir;
  Path constraints;

  @BeforeEach
  void extract() throws IOException {
    Path src = dir.resolve("accounts.ts");
    Files.writeString(src, SOURCE);
    constraints = dir.resolve("c.json");
    CliTest.Run r = run("extract", src.toString(), "-o", constraints.toString());
    assertEquals(0, r.code(), r.err());
    // a user rule beside the extracted ones: no eval, ever
    String json = Files.readString(constraints);
    String rule = "{\"name\": \"no eval\", \"tier\": \"HARD\", \"severity\": \"ERROR\", \"payload\": "
        + "{\"type\": \"forbidden_pattern\", \"pattern\": \"\\\\beval\\\\s*\\\\(\", \"syntax\": \"REGEX\", \"reason\": \"code injection\"}}";
    Files.writeString(constraints, json.replaceFirst("\"constraints\"\\s*:\\s*\\[", java.util.regex.Matcher.quoteReplacement("\"constraints\": [" + rule + ",")));
  }

  private CliTest.Run validate(String code, String... extra) throws IOException {
    Path file = dir.resolve("candidate.ts");
    Files.writeString(file, code);
    String[] args = new String[4 + extra.length];
    args[0] = "validate";
    args[1] = file.toString();
    args[2] = "--constraints";
    args[3] = constraints.toString();
    System.arraycopy(extra, 0, args, 4, extra.length);
    return run(args);
  }

  @Test
  void theOriginalCodePasses() throws IOException {
    CliTest.Run r = validate(SOURCE);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("checks hold"), r.err());
  }

  @Test
  void aForbiddenCallIsCaught() throws IOException {
    CliTest.Run r = validate(SOURCE.replace("return newBalance;", "return eval(\"newBalance\");"));
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("violated  no eval: found at line 9"), r.err());
  }

  @Test
  void aNameAgainstTheConventionIsCaught() throws IOException {
    CliTest.Run r = validate(SOURCE.replace("const auditNote", "const Audit_note").replace("auditNote", "Audit_note"));
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("violated  naming of variable name Audit_note"), r.err());
  }

  @Test
  void aSyntaxErrorIsCaught() throws IOException {
    CliTest.Run r = validate(SOURCE.replace("return newBalance;", "return newBalance +;"));
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("violated  parses as typescript: syntax error at line 9"), r.err());
  }

  @Test
  void aBrokenStructureIsRefusedByTheGrammar() throws IOException {
    CliTest.Run r = validate(SOURCE.replace("return newBalance;\n}", "return newBalance;\n"));
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("violated  grammar:"), r.err());
  }

  @Test
  void aChangedSignatureIsCaughtForAFunctionTarget() throws IOException {
    String body = """
        function settleAccount(account: Account): number {
          return account.balance;
        }
        """;
    CliTest.Run r = validate(body, "--target", "function:settleAccount");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("does not start with «function settleAccount(account: Account, amount: number): number»"), r.err());
  }

  @Test
  void aValueOutsideItsTypeIsCaughtForATypeTarget() throws IOException {
    assertEquals(0, validate("{\"id\": \"a1\", \"balance\": 3}", "--target", "type:Account").code());
    CliTest.Run r = validate("{\"id\": \"a1\", \"balance\": \"three\"}", "--target", "type:Account");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("violated  JSON Schema: not valid against the schema"), r.err());
  }

  @Test
  void aMissingRequiredPatternIsCaught() throws IOException {
    String json = Files.readString(constraints);
    String rule = "{\"name\": \"audit log\", \"tier\": \"HARD\", \"severity\": \"ERROR\", \"payload\": "
        + "{\"type\": \"required_pattern\", \"pattern\": \"audit(\", \"syntax\": \"LITERAL\", \"reason\": \"every change is audited\"}}";
    Files.writeString(constraints, json.replaceFirst("\"constraints\"\\s*:\\s*\\[", java.util.regex.Matcher.quoteReplacement("\"constraints\": [" + rule + ",")));
    CliTest.Run r = validate(SOURCE);
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("violated  audit log: missing: every change is audited"), r.err());
  }
}
