package dev.ananke.maze.backend;

import static dev.ananke.maze.backend.Fixtures.*;
import static dev.ananke.maze.backend.LoopbackServer.json;
import static dev.ananke.maze.backend.LoopbackServer.sseData;
import static dev.ananke.maze.backend.VllmBackendTest.fieldNames;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** sglang's native {@code /generate}. */
class SglangBackendTest {

  static final String TEXT = "{\"name\": \"Ada\", \"age\": 36}";

  /** A {@code /generate} answer as sglang sends it. */
  static String answer(String text) {
    return """
        {"text":%s,"meta_info":{"id":"a4f1","finish_reason":{"type":"stop","matched":151645},\
        "prompt_tokens":9,"completion_tokens":12,"cached_tokens":0,"e2e_latency":0.21}}"""
        .formatted(Http.JSON.valueToTree(text).toString());
  }

  private static Generation run(LoopbackServer server, GenerationRequest request, BackendOptions options) {
    try (Backend b = Backends.create("sglang", server.uri(), options)) {
      return b.generate(request);
    }
  }

  @Test
  void jsonSchemaGoesInSamplingParamsAsAString() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer(TEXT)))) {
      Generation g = run(server, request(schemaIr(), false), fast().toBuilder().model("qwen-coder").build());

      LoopbackServer.Request r = server.only();
      assertEquals("POST", r.method());
      assertEquals("/generate", r.path());
      assertEquals("application/json", r.header("Content-Type"));
      JsonNode body = r.json();
      assertEquals(Set.of("text", "sampling_params", "stream"), fieldNames(body));
      assertEquals("Write a person as JSON.\n", body.get("text").textValue());
      assertFalse(body.get("stream").booleanValue());
      JsonNode sp = body.get("sampling_params");
      assertEquals(Set.of("max_new_tokens", "temperature", "top_p", "stop", "json_schema"), fieldNames(sp));
      assertTrue(sp.get("max_new_tokens").isIntegralNumber());
      assertEquals(64, sp.get("max_new_tokens").intValue());
      assertEquals(0.0, sp.get("temperature").doubleValue());
      assertEquals(0.9, sp.get("top_p").doubleValue());
      assertEquals("[\"\\n\\n\"]", sp.get("stop").toString());
      assertTrue(sp.get("json_schema").isTextual(), "sglang takes the schema as a JSON string");
      assertEquals(SCHEMA, sp.get("json_schema").textValue());

      assertEquals(new Generation(TEXT, "qwen-coder", "stop", 12, List.of(ConstraintForm.JSON_SCHEMA), List.of()), g);
    }
  }

  @Test
  void grammarGoesAsEbnfAndRegexAsRegex() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer("yes")), json(200, answer("helloWorld")))) {
      Generation grammar = run(server, request(grammarIr(), false), fast());
      Generation regex = run(server, request(regexIr(), false), fast());
      JsonNode first = server.requests().get(0).json().get("sampling_params");
      JsonNode second = server.requests().get(1).json().get("sampling_params");
      assertEquals(GBNF, first.get("ebnf").textValue());
      assertFalse(first.has("json_schema") || first.has("regex"));
      assertEquals(REGEX, second.get("regex").textValue());
      assertFalse(second.has("json_schema") || second.has("ebnf"));
      assertEquals(List.of(ConstraintForm.GBNF), grammar.sent());
      assertEquals(List.of(ConstraintForm.REGEX), regex.sent());
      assertEquals("", grammar.model(), "/generate names no model and none was configured");
    }
  }

  @Test
  void streamedChunksAreCumulativeAndAssembleTheSameGeneration() {
    String chunk = "{\"text\":%s,\"meta_info\":{\"id\":\"a4f1\",\"finish_reason\":%s,\"prompt_tokens\":9,\"completion_tokens\":%d}}";
    try (LoopbackServer server = LoopbackServer.start(
        sseData(true,
            chunk.formatted("\"{\\\"name\\\"\"", "null", 3),
            chunk.formatted("\"{\\\"name\\\": \\\"Ada\\\"\"", "null", 7),
            chunk.formatted(Http.JSON.valueToTree(TEXT).toString(), "{\"type\":\"stop\",\"matched\":151645}", 12)),
        json(200, answer(TEXT)))) {
      Generation streamed = run(server, request(schemaIr(), true), fast());
      Generation plain = run(server, request(schemaIr(), false), fast());
      assertTrue(server.requests().getFirst().json().get("stream").booleanValue());
      assertEquals("text/event-stream", server.requests().getFirst().header("Accept"));
      assertEquals(plain, streamed);
    }
  }

  @Test
  void lengthFinishIsReported() {
    String answer = "{\"text\":\"{\\\"name\\\": \\\"A\",\"meta_info\":{\"finish_reason\":{\"type\":\"length\",\"length\":64},\"completion_tokens\":64}}";
    try (LoopbackServer server = LoopbackServer.start(json(200, answer))) {
      Generation g = run(server, request(schemaIr(), false), fast());
      assertEquals("length", g.finishReason());
      assertEquals(64, g.completionTokens());
    }
  }

  @Test
  void anAbortedGenerationIsAnError() {
    String abort = "{\"text\":\"\",\"meta_info\":{\"finish_reason\":{\"type\":\"abort\",\"message\":\"grammar is invalid: expected ::=\","
        + "\"status_code\":400,\"err_type\":null},\"completion_tokens\":0}}";
    try (LoopbackServer server = LoopbackServer.start(json(200, abort))) {
      BackendException e = assertThrows(BackendException.class, () -> run(server, request(grammarIr(), false), fast()));
      assertEquals("sglang: POST /generate aborted the generation: grammar is invalid: expected ::=", e.getMessage());
      assertEquals(400, e.status());
    }
  }

  @Test
  void anErrorChunkInTheStreamFails() {
    try (LoopbackServer server = LoopbackServer.start(sseData(false, "{\"error\":{\"message\":\"out of memory\"}}"))) {
      BackendException e = assertThrows(BackendException.class, () -> run(server, request(schemaIr(), true), fast()));
      assertEquals("sglang: POST /generate failed while streaming: out of memory", e.getMessage());
    }
  }
}
