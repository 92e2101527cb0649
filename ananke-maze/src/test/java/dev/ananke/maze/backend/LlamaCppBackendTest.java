package dev.ananke.maze.backend;

import static dev.ananke.maze.backend.Fixtures.*;
import static dev.ananke.maze.backend.LoopbackServer.json;
import static dev.ananke.maze.backend.LoopbackServer.sse;
import static dev.ananke.maze.backend.LoopbackServer.sseData;
import static dev.ananke.maze.backend.VllmBackendTest.fieldNames;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ananke.core.ir.TokenMaskRules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** llama.cpp's {@code llama-server}, native {@code /completion}. */
class LlamaCppBackendTest {

  static final String TEXT = "{\"name\": \"Ada\", \"age\": 36}";

  /** A {@code /completion} answer as llama-server sends it (abridged: timings and settings trimmed). */
  static String answer(String text, String stopType) {
    return """
        {"index":0,"content":%s,"tokens":[],"id_slot":0,"stop":true,"model":"qwen2.5-coder-7b-q4_k_m.gguf",\
        "tokens_predicted":12,"tokens_evaluated":9,"generation_settings":{"n_predict":64,"seed":42,"temperature":0.0},\
        "prompt":"Write a person as JSON.\\n","has_new_line":false,"truncated":false,"stop_type":"%s","stopping_word":"",\
        "tokens_cached":20,"timings":{"predicted_n":12,"predicted_per_second":41.2}}"""
        .formatted(Http.JSON.valueToTree(text).toString(), stopType);
  }

  private static Generation run(LoopbackServer server, GenerationRequest request) {
    try (Backend b = Backends.create("llama.cpp", server.uri(), fast())) {
      return b.generate(request);
    }
  }

  @Test
  void jsonSchemaGoesAsAnObject() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer(TEXT, "eos")))) {
      Generation g = run(server, request(schemaIr(), false));

      LoopbackServer.Request r = server.only();
      assertEquals("POST", r.method());
      assertEquals("/completion", r.path());
      assertEquals("application/json", r.header("Content-Type"));
      JsonNode body = r.json();
      assertEquals(Set.of("prompt", "n_predict", "temperature", "top_p", "stop", "seed", "stream", "json_schema"), fieldNames(body));
      assertEquals("Write a person as JSON.\n", body.get("prompt").textValue());
      assertTrue(body.get("n_predict").isIntegralNumber());
      assertEquals(64, body.get("n_predict").intValue());
      assertEquals(0.0, body.get("temperature").doubleValue());
      assertEquals(0.9, body.get("top_p").doubleValue());
      assertEquals("[\"\\n\\n\"]", body.get("stop").toString());
      assertEquals(42, body.get("seed").longValue());
      assertFalse(body.get("stream").booleanValue());
      assertTrue(body.get("json_schema").isObject());
      assertEquals(SCHEMA, body.get("json_schema").toString());

      assertEquals(new Generation(TEXT, "qwen2.5-coder-7b-q4_k_m.gguf", "stop", 12, List.of(ConstraintForm.JSON_SCHEMA), List.of()), g);
    }
  }

  @Test
  void grammarGoesAsGbnfText() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer("yes", "word")))) {
      Generation g = run(server, request(grammarIr(), false));
      JsonNode body = server.only().json();
      assertEquals(GBNF, body.get("grammar").textValue());
      assertFalse(body.has("json_schema"));
      assertEquals(List.of(ConstraintForm.GBNF), g.sent());
      assertEquals("stop", g.finishReason());
    }
  }

  @Test
  void stopTypeLimitIsLength() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer("{\"name\": \"A", "limit")))) {
      assertEquals("length", run(server, request(schemaIr(), false)).finishReason());
    }
  }

  @Test
  void olderServersStopFlagsAreRead() {
    var node = Http.JSON.createObjectNode().put("stopped_eos", false).put("stopped_word", false).put("stopped_limit", true);
    assertEquals("length", LlamaCppBackend.finishReason(node));
    node.put("stopped_limit", false).put("stopped_eos", true);
    assertEquals("stop", LlamaCppBackend.finishReason(node));
  }

  @Test
  void aRegexCannotBeSentAndFailsUnlessDegraded() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer("helloWorld", "eos")))) {
      BackendException e = assertThrows(BackendException.class, () -> run(server, request(regexIr(), false)));
      assertEquals(
          "llama.cpp cannot enforce the whole constraint IR: regex " + REGEX
              + ": llama.cpp takes no regex. Allow degradation to generate without it.",
          e.getMessage());
      assertEquals(List.of(), server.requests());

      Generation g = run(server, degraded(regexIr(), false));
      JsonNode body = server.only().json();
      assertFalse(body.has("grammar") || body.has("json_schema"));
      assertEquals(List.of(), g.sent());
      assertEquals(List.of("regex " + REGEX + ": llama.cpp takes no regex"), g.notEnforced());
    }
  }

  @Test
  void streamedTokensAssembleTheSameGenerationAndTheStopChunkEndsIt() {
    String piece = "{\"index\":0,\"content\":%s,\"tokens\":[%d],\"stop\":false,\"id_slot\":0,\"tokens_predicted\":%d,\"tokens_evaluated\":9}";
    // no [DONE]: the native endpoint ends with the chunk that says "stop": true
    try (LoopbackServer server = LoopbackServer.start(
        sseData(false,
            piece.formatted("\"{\\\"name\\\": \"", 90, 4),
            piece.formatted("\"\\\"Ada\\\", \"", 91, 8),
            piece.formatted("\"\\\"age\\\": 36}\"", 92, 12),
            answer("", "eos")),
        json(200, answer(TEXT, "eos")))) {
      Generation streamed = run(server, request(schemaIr(), true));
      Generation plain = run(server, request(schemaIr(), false));
      assertTrue(server.requests().getFirst().json().get("stream").booleanValue());
      assertEquals(plain, streamed);
    }
  }

  @Test
  void theNonStandardErrorFieldInTheStreamFails() {
    try (LoopbackServer server = LoopbackServer.start(sse(
        "data: {\"content\":\"{\",\"stop\":false}\n\n",
        "error: {\"code\":500,\"message\":\"failed to parse grammar\",\"type\":\"server_error\"}\n\n"))) {
      BackendException e = assertThrows(BackendException.class, () -> run(server, request(grammarIr(), true)));
      assertEquals("llama.cpp: POST /completion failed while streaming: failed to parse grammar", e.getMessage());
      assertEquals(500, e.status());
    }
  }

  @Test
  void tokenMaskRulesRideOnTheGrammarThatImpliesThem() {
    var ir = ir(null, true, List.of(), new TokenMaskRules(List.of(), List.of("eval", "exec")));
    try (LoopbackServer server = LoopbackServer.start(json(200, answer("yes", "eos")))) {
      Generation g = run(server, request(ir, false));
      assertEquals(List.of(), g.notEnforced());
      assertEquals(List.of(ConstraintForm.GBNF), g.sent());
    }
  }

  @Test
  void tokenMaskRulesWithoutAGrammarAreNotEnforcedWhenDegraded() {
    var ir = ir(null, false, List.of(), new TokenMaskRules(List.of(), List.of("eval", "exec")));
    try (LoopbackServer server = LoopbackServer.start(json(200, answer("yes", "eos")))) {
      Generation g = run(server, degraded(ir, false));
      assertEquals(List.of("token mask rules (allow 0, deny 2): llama.cpp takes no token mask rules"), g.notEnforced());
    }
  }
}
