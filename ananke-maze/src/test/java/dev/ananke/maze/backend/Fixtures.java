package dev.ananke.maze.backend;

import dev.ananke.core.Priority;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.Grammar;
import dev.ananke.core.ir.JsonSchema;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.ir.TokenMaskRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** IRs, requests and options shared by the backend tests. */
final class Fixtures {
  private Fixtures() {}

  /** Property order matters (generation order): "name" before "age", not sorted. */
  static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}},"
          + "\"required\":[\"name\",\"age\"],\"additionalProperties\":false}";

  static final String LARK = "start: \"yes\" | \"no\"";
  static final String GBNF = "root ::= \"yes\" | \"no\"";
  static final String REGEX = "[a-z][a-zA-Z0-9]*";

  static final Sampling SAMPLING = new Sampling(64, 0.0, 0.9, List.of("\n\n"), 42L);

  static ConstraintIR ir(@Nullable String schema, boolean grammar, List<String> regexes, TokenMaskRules rules) {
    Target target = schema != null
        ? new Target("typescript", TargetKind.TYPE_VALUE, "Person", "src/person.ts")
        : new Target("typescript", TargetKind.FUNCTION_BODY, "greet", "src/greet.ts");
    return new ConstraintIR(
        target,
        schema == null ? null : new JsonSchema(schema),
        grammar ? new Grammar(LARK, GBNF) : null,
        regexes,
        rules,
        Priority.MEDIUM,
        List.of("0123456789abcdef"));
  }

  static ConstraintIR schemaIr() {
    return ir(SCHEMA, false, List.of(), TokenMaskRules.NONE);
  }

  static ConstraintIR grammarIr() {
    return ir(null, true, List.of(), TokenMaskRules.NONE);
  }

  static ConstraintIR regexIr() {
    return ir(null, false, List.of(REGEX), TokenMaskRules.NONE);
  }

  static ConstraintIR unconstrained() {
    return ir(null, false, List.of(), TokenMaskRules.NONE);
  }

  static GenerationRequest request(ConstraintIR ir, boolean stream) {
    return new GenerationRequest("Write a person as JSON.\n", ir, SAMPLING, false, stream);
  }

  static GenerationRequest degraded(ConstraintIR ir, boolean stream) {
    return new GenerationRequest("Write a person as JSON.\n", ir, SAMPLING, true, stream);
  }

  /** Small timeouts and backoffs so the retry tests take milliseconds; no API key in the environment. */
  static BackendOptions fast() {
    return BackendOptions.builder()
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(5))
        .maxAttempts(3)
        .backoff(Duration.ofMillis(1), Duration.ofSeconds(2))
        .environment(Map.<String, String>of()::get)
        .build();
  }
}
