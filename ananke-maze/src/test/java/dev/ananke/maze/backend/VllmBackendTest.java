package dev.ananke.maze.backend;

import static dev.ananke.maze.backend.Fixtures.*;
import static dev.ananke.maze.backend.LoopbackServer.json;
import static dev.ananke.maze.backend.LoopbackServer.sseData;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ananke.core.ir.TokenMaskRules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** vLLM's OpenAI-compatible {@code /v1/completions} with {@code structured_outputs}. */
class VllmBackendTest {

  static final String TEXT = "{\"name\": \"Ada\", \"age\": 36}";

  /** A completion exactly as vLLM's server answers one. */
  static String answer(String text) {
    return """
        {"id":"cmpl-8f2c","object":"text_completion","created":1764212345,"model":"Qwen/Qwen2.5-Coder-7B",\
        "choices":[{"index":0,"text":%s,"logprobs":null,"finish_reason":"stop","stop_reason":null,"prompt_logprobs":null}],\
        "usage":{"prompt_tokens":9,"total_tokens":21,"completion_tokens":12,"prompt_tokens_details":null}}"""
        .formatted(Http.JSON.valueToTree(text).toString());
  }

  private static Generation run(LoopbackServer server, GenerationRequest request, BackendOptions options) {
    try (Backend b = Backends.create("vllm", server.uri(), options)) {
      return b.generate(request);
    }
  }

  @Test
  void jsonSchemaGoesInStructuredOutputsJsonAsAnObject() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer(TEXT)))) {
      Generation g = run(server, request(schemaIr(), false), fast().toBuilder().model("Qwen/Qwen2.5-Coder-7B").build());

      LoopbackServer.Request r = server.only();
      assertEquals("POST", r.method());
      assertEquals("/v1/completions", r.path());
      assertEquals("application/json", r.header("Content-Type"));
      JsonNode body = r.json();
      assertEquals(
          Set.of("model", "prompt", "max_tokens", "temperature", "top_p", "stop", "seed", "stream", "structured_outputs"),
          fieldNames(body));
      assertEquals("Qwen/Qwen2.5-Coder-7B", body.get("model").textValue());
      assertEquals("Write a person as JSON.\n", body.get("prompt").textValue());
      assertTrue(body.get("max_tokens").isIntegralNumber());
      assertEquals(64, body.get("max_tokens").intValue());
      assertTrue(body.get("temperature").isNumber());
      assertEquals(0.0, body.get("temperature").doubleValue());
      assertEquals(0.9, body.get("top_p").doubleValue());
      assertEquals("[\"\\n\\n\"]", body.get("stop").toString());
      assertEquals(42, body.get("seed").longValue());
      assertTrue(body.get("stream").isBoolean());
      assertFalse(body.get("stream").booleanValue());
      JsonNode so = body.get("structured_outputs");
      assertEquals(Set.of("json"), fieldNames(so));
      assertTrue(so.get("json").isObject());
      assertEquals(SCHEMA, so.get("json").toString(), "the schema is sent as an object with its key order");

      assertEquals(new Generation(TEXT, "Qwen/Qwen2.5-Coder-7B", "stop", 12, List.of(ConstraintForm.JSON_SCHEMA), List.of()), g);
    }
  }

  @Test
  void grammarGoesAsGbnfInStructuredOutputsGrammar() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer("yes")))) {
      Generation g = run(server, request(grammarIr(), false), fast());
      JsonNode body = server.only().json();
      assertFalse(body.has("model"), "no model configured: the server uses the one it serves");
      assertEquals("{\"grammar\":" + Http.JSON.valueToTree(GBNF) + "}", body.get("structured_outputs").toString());
      assertEquals(List.of(ConstraintForm.GBNF), g.sent());
      assertEquals("yes", g.text());
    }
  }

  @Test
  void singleRegexGoesInStructuredOutputsRegex() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer("helloWorld")))) {
      Generation g = run(server, request(regexIr(), false), fast());
      assertEquals("{\"regex\":\"" + REGEX + "\"}", server.only().json().get("structured_outputs").toString());
      assertEquals(List.of(ConstraintForm.REGEX), g.sent());
    }
  }

  @Test
  void unconstrainedSendsNoStructuredOutputs() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer("anything")))) {
      Generation g = run(server, request(unconstrained(), false), fast());
      assertFalse(server.only().json().has("structured_outputs"));
      assertEquals(List.of(), g.sent());
    }
  }

  @Test
  void streamedChunksAssembleTheSameGeneration() {
    String chunk = """
        {"id":"cmpl-8f2c","object":"text_completion","created":1764212345,"model":"Qwen/Qwen2.5-Coder-7B",\
        "choices":[{"index":0,"text":%s,"logprobs":null,"finish_reason":%s,"stop_reason":null}]}""";
    String usage = """
        {"id":"cmpl-8f2c","object":"text_completion","created":1764212345,"model":"Qwen/Qwen2.5-Coder-7B",\
        "choices":[],"usage":{"prompt_tokens":9,"total_tokens":21,"completion_tokens":12}}""";
    try (LoopbackServer server = LoopbackServer.start(
        sseData(true,
            chunk.formatted("\"{\\\"name\\\": \\\"Ada\\\"\"", "null"),
            chunk.formatted("\", \\\"age\\\": 36}\"", "\"stop\""),
            usage),
        json(200, answer(TEXT)))) {
      Generation streamed = run(server, request(schemaIr(), true), fast());
      Generation plain = run(server, request(schemaIr(), false), fast());

      LoopbackServer.Request r = server.requests().getFirst();
      assertEquals("text/event-stream", r.header("Accept"));
      JsonNode body = r.json();
      assertTrue(body.get("stream").booleanValue());
      assertEquals("{\"include_usage\":true}", body.get("stream_options").toString());
      assertEquals(plain, streamed);
    }
  }

  @Test
  void grammarAndRegexTogetherFailUnlessDegradedThenTheRegexIsNotEnforced() {
    var ir = ir(null, true, List.of(REGEX), TokenMaskRules.NONE);
    try (LoopbackServer server = LoopbackServer.start(json(200, answer("yes")))) {
      BackendException e = assertThrows(BackendException.class, () -> run(server, request(ir, false), fast()));
      assertEquals(
          "vllm cannot enforce the whole constraint IR: regex " + REGEX
              + ": vllm takes one constraint per request and gets the GBNF grammar. Allow degradation to generate without it.",
          e.getMessage());
      assertEquals(0, e.status());
      assertEquals(List.of(), server.requests(), "nothing is sent when the IR cannot be expressed");

      Generation g = run(server, degraded(ir, false), fast());
      assertEquals(List.of(ConstraintForm.GBNF), g.sent());
      assertEquals(List.of("regex " + REGEX + ": vllm takes one constraint per request and gets the GBNF grammar"), g.notEnforced());
    }
  }

  @Test
  void anErrorEventInTheStreamFailsWithItsMessage() {
    try (LoopbackServer server = LoopbackServer.start(sseData(false,
        "{\"error\":{\"message\":\"grammar compilation failed: unexpected token\",\"type\":\"BadRequestError\",\"code\":400}}"))) {
      BackendException e = assertThrows(BackendException.class, () -> run(server, request(grammarIr(), true), fast()));
      assertEquals("vllm: POST /v1/completions failed while streaming: grammar compilation failed: unexpected token", e.getMessage());
      assertEquals(400, e.status());
    }
  }

  @Test
  void aStreamCutBeforeDoneIsAnError() {
    try (LoopbackServer server = LoopbackServer.start(sseData(false,
        "{\"model\":\"m\",\"choices\":[{\"index\":0,\"text\":\"{\\\"na\",\"finish_reason\":null}]}"))) {
      BackendException e = assertThrows(BackendException.class, () -> run(server, request(schemaIr(), true), fast()));
      assertEquals("vllm: POST /v1/completions stream ended before the generation finished (4 characters received)", e.getMessage());
    }
  }

  @Test
  void oneBackendServesConcurrentRequests() throws Exception {
    int n = 8;
    LoopbackServer.Reply[] replies = new LoopbackServer.Reply[n];
    java.util.Arrays.fill(replies, json(200, answer(TEXT)));
    try (LoopbackServer server = LoopbackServer.start(replies);
        Backend b = Backends.create("vllm", server.uri(), fast());
        var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<Generation>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) futures.add(pool.submit(() -> b.generate(request(schemaIr(), false))));
      for (var f : futures) assertEquals(TEXT, f.get().text());
      assertEquals(n, server.requests().size());
    }
  }

  static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new java.util.HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
