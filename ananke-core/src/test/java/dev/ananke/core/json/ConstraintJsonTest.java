package dev.ananke.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintKind;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.ConstraintSource;
import dev.ananke.core.Priority;
import dev.ananke.core.Severity;
import dev.ananke.core.Tier;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.JsonSchema;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.ir.TokenMaskRules;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.Visibility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstraintJsonTest {

  static final FunctionSignature GET_USER =
      new FunctionSignature(
          "getUser",
          List.of(Parameter.of("id", "string")),
          "Promise<User>",
          true,
          Visibility.PUBLIC,
          "UserService",
          List.of(),
          "async getUser(id: string): Promise<User>");

  static Constraint getUser() {
    return Constraint.builder("signature of getUser", GET_USER)
        .hard()
        .priority(Priority.HIGH)
        .confidence(0.95)
        .origin("src/user_service.ts", 12, 3)
        .build();
  }

  @Test
  void writesCanonicalJsonInDeclarationOrder() {
    String expected =
        """
        {
          "id": "%s",
          "name": "signature of getUser",
          "description": "",
          "kind": "TYPE_SAFETY",
          "severity": "ERROR",
          "tier": "HARD",
          "priority": "HIGH",
          "confidence": 0.95,
          "frequency": 1,
          "source": "AST_PATTERN",
          "origin": {
            "file": "src/user_service.ts",
            "line": 12,
            "column": 3
          },
          "payload": {
            "type": "function_signature",
            "name": "getUser",
            "parameters": [
              {
                "name": "id",
                "type": "string",
                "optional": false,
                "variadic": false
              }
            ],
            "returnType": "Promise<User>",
            "async": true,
            "visibility": "PUBLIC",
            "enclosingType": "UserService",
            "typeParameters": [],
            "signature": "async getUser(id: string): Promise<User>"
          }
        }
        """
            .formatted(getUser().id());
    assertEquals(expected, ConstraintJson.write(getUser()));
  }

  @Test
  void setsWithOrderlessListsAreWrittenSorted() {
    ImportSet imports = new ImportSet("./models", List.of("User", "CreateUserRequest", "User"), null, false);
    assertEquals(List.of("CreateUserRequest", "User"), imports.symbols());
    assertEquals(
        "{\"type\":\"import_set\",\"module\":\"./models\",\"symbols\":[\"CreateUserRequest\",\"User\"],\"wildcard\":false}",
        ConstraintJson.writeCompact(imports));
  }

  @Test
  void setsAreWrittenInCanonicalOrderWhateverTheInputOrder() {
    Constraint a = getUser();
    Constraint b =
        Constraint.builder("imports of models", new ImportSet("./models", List.of("User"), null, false))
            .origin("src/user_service.ts", 2, 1)
            .build();
    assertEquals(ConstraintJson.write(ConstraintSet.of(a, b)), ConstraintJson.write(ConstraintSet.of(b, a)));
    assertEquals(List.of(b, a), ConstraintSet.of(a, b).constraints());
  }

  @Test
  void fillsDefaultsForHandWrittenConstraints() {
    Constraint c =
        ConstraintJson.readConstraint(
            """
            {"name": "no eval", "tier": "HARD",
             "payload": {"type": "forbidden_pattern", "pattern": "eval(", "syntax": "LITERAL", "reason": "runs arbitrary code"}}
            """);
    assertEquals(ConstraintKind.SECURITY, c.kind());
    assertEquals(Severity.ERROR, c.severity());
    assertEquals(Tier.HARD, c.tier());
    assertEquals(Priority.MEDIUM, c.priority());
    assertEquals(1.0, c.confidence());
    assertEquals(1, c.frequency());
    assertEquals(ConstraintSource.USER_DEFINED, c.source());
    assertEquals(Constraint.computeId(c.kind(), c.name(), null, c.payload()), c.id());
  }

  @Test
  void wrongTypeDeepInsideNamesTheJsonPath() {
    String json = setWithFourthConstraint("\"parameters\": [{\"name\": \"id\", \"type\": 42}]");
    BadInputException e = assertThrows(BadInputException.class, () -> ConstraintJson.readSet(json));
    assertEquals("constraints[3].payload.parameters[0].type: expected string, found integer", e.getMessage());
  }

  @Test
  void unknownFieldIsRejectedWithTheFieldsThatExist() {
    String json = setWithFourthConstraint("\"parameters\": [], \"returns\": \"void\"");
    BadInputException e = assertThrows(BadInputException.class, () -> ConstraintJson.readSet(json));
    assertEquals(
        "constraints[3].payload.returns: unknown field (expected one of [name, parameters, returnType, async, "
            + "visibility, enclosingType, typeParameters, signature])",
        e.getMessage());
  }

  @Test
  void invalidEnumValueListsTheValidOnes() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> ConstraintJson.readConstraint("{\"name\": \"x\", \"tier\": \"FIRM\", \"payload\": "
                + "{\"type\": \"error_handling_idiom\", \"idiom\": \"TRY_CATCH\", \"occurrences\": 1}}"));
    assertEquals("tier: expected one of [HARD, SOFT], found \"FIRM\"", e.getMessage());
  }

  @Test
  void unknownPayloadTypeIsNamed() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> ConstraintJson.readConstraint("{\"name\": \"x\", \"payload\": {\"type\": \"vibe\"}}"));
    assertEquals(
        "payload.type: unknown payload type \"vibe\" (expected one of [async_idiom, error_handling_idiom, "
            + "forbidden_pattern, function_signature, import_set, naming_convention, operational_bound, "
            + "parse_error, required_pattern, type_bound, type_declaration])",
        e.getMessage());
  }

  @Test
  void missingRequiredFieldIsNamed() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> ConstraintJson.readConstraint("{\"name\": \"x\", \"payload\": {\"type\": \"async_idiom\", \"style\": \"GOROUTINE\"}}"));
    assertEquals("payload.occurrences: missing required field", e.getMessage());
  }

  @Test
  void modelValidationFailuresAreReportedAtTheRecordsPath() {
    String json =
        "{\"constraints\": [{\"name\": \"x\", \"confidence\": 1.5, \"payload\": "
            + "{\"type\": \"async_idiom\", \"style\": \"GOROUTINE\", \"occurrences\": 2}}]}";
    BadInputException e = assertThrows(BadInputException.class, () -> ConstraintJson.readSet(json));
    assertEquals("constraints[0]: confidence must be in [0, 1], was 1.5", e.getMessage());
  }

  @Test
  void staleIdIsRejected() {
    String json = ConstraintJson.write(getUser()).replace(getUser().id(), "0000000000000000");
    BadInputException e = assertThrows(BadInputException.class, () -> ConstraintJson.readConstraint(json));
    assertEquals(
        "(root): id 0000000000000000 does not match the content of constraint 'signature of getUser' (expected "
            + getUser().id() + "); remove the id to have it computed",
        e.getMessage());
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> ConstraintJson.readSet("{\n  \"constraints\": [\n    {,\n  ]\n}"));
    assertEquals("3:6", e.location());
  }

  @Test
  void duplicateKeysAreRejected() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> ConstraintJson.readSet("{\"constraints\": [], \"constraints\": []}"));
    assertEquals("1:34", e.location());
  }

  @Test
  void errorsInAFileNameTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, setWithFourthConstraint("\"parameters\": [{\"name\": \"id\", \"type\": 42}]"));
    BadInputException e = assertThrows(BadInputException.class, () -> ConstraintJson.readSet(file));
    assertEquals(file + ": constraints[3].payload.parameters[0].type: expected string, found integer", e.getMessage());
  }

  @Test
  void nonUtf8FileIsRejected(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.json");
    Files.write(file, new byte[] {'{', '"', (byte) 0xE9, '"', '}'});
    BadInputException e = assertThrows(BadInputException.class, () -> ConstraintJson.readSet(file));
    assertEquals(file + ": not UTF-8 text", e.getMessage());
  }

  @Test
  void irEmbedsTheSchemaAsAnObjectAndKeepsPropertyOrder() {
    ConstraintIR ir =
        new ConstraintIR(
            new Target("typescript", TargetKind.TYPE_VALUE, "User", null),
            new JsonSchema("{\"type\": \"object\", \"properties\": {\"z\": {}, \"a\": {}}}"),
            null,
            List.of("[a-z]+", "[0-9]+"),
            new TokenMaskRules(List.of(), List.of("eval")),
            Priority.HIGH,
            List.of("b", "a"));
    String json = ConstraintJson.writeCompact(ir);
    assertEquals(
        "{\"target\":{\"language\":\"typescript\",\"kind\":\"TYPE_VALUE\",\"name\":\"User\"},"
            + "\"jsonSchema\":{\"type\":\"object\",\"properties\":{\"z\":{},\"a\":{}}},"
            + "\"regexes\":[\"[0-9]+\",\"[a-z]+\"],\"tokenMaskRules\":{\"allow\":[],\"deny\":[\"eval\"]},"
            + "\"priority\":\"HIGH\",\"provenance\":[\"a\",\"b\"]}",
        json);
    assertEquals(ir, ConstraintJson.readIR(json));
  }

  /** A set of four constraints whose last has a function-signature payload with the given body. */
  private static String setWithFourthConstraint(String signatureFields) {
    String idiom = "{\"name\": \"c%d\", \"payload\": {\"type\": \"async_idiom\", \"style\": \"GOROUTINE\", \"occurrences\": %d}}";
    return "{\"constraints\": ["
        + idiom.formatted(0, 1) + ", " + idiom.formatted(1, 2) + ", " + idiom.formatted(2, 3) + ", "
        + "{\"name\": \"sig\", \"payload\": {\"type\": \"function_signature\", \"name\": \"f\", "
        + "\"visibility\": \"PUBLIC\", \"async\": false, " + signatureFields + "}}]}";
  }
}
