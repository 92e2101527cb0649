package dev.ananke.maze.backend;

import static dev.ananke.maze.backend.Fixtures.*;
import static dev.ananke.maze.backend.LoopbackServer.json;
import static dev.ananke.maze.backend.LoopbackServer.sseData;
import static dev.ananke.maze.backend.VllmBackendTest.fieldNames;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Any OpenAI-compatible {@code /v1/chat/completions}. */
class OpenAiBackendTest {

  static final String TEXT = "{\"name\":\"Ada\",\"age\":36}";
  static final String KEY = "sk-test-0123456789abcdefSECRET";

  /** A chat completion as OpenAI answers one. */
  static String answer(String text) {
    return """
        {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1764212345,\
        "model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant","content":%s,\
        "refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],\
        "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29},"service_tier":"default",\
        "system_fingerprint":"fp_50cad350e4"}"""
        .formatted(Http.JSON.valueToTree(text).toString());
  }

  static BackendOptions withKey() {
    return fast().toBuilder().model("gpt-4o").apiKeyEnv("ANANKE_TEST_KEY").environment(Map.of("ANANKE_TEST_KEY", KEY)::get).build();
  }

  private static Generation run(LoopbackServer server, GenerationRequest request, BackendOptions options) {
    try (Backend b = Backends.create("openai", server.uri(), options)) {
      return b.generate(request);
    }
  }

  @Test
  void jsonSchemaGoesInResponseFormatAndTheKeyAsABearerHeader() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer(TEXT)))) {
      Generation g = run(server, request(schemaIr(), false), withKey());

      LoopbackServer.Request r = server.only();
      assertEquals("POST", r.method());
      assertEquals("/v1/chat/completions", r.path());
      assertEquals("application/json", r.header("Content-Type"));
      assertEquals("Bearer " + KEY, r.header("Authorization"));
      JsonNode body = r.json();
      assertEquals(
          Set.of("model", "messages", "max_tokens", "temperature", "top_p", "stop", "seed", "stream", "response_format"),
          fieldNames(body));
      assertEquals("gpt-4o", body.get("model").textValue());
      assertEquals("[{\"role\":\"user\",\"content\":\"Write a person as JSON.\\n\"}]", body.get("messages").toString());
      assertTrue(body.get("max_tokens").isIntegralNumber());
      assertEquals(64, body.get("max_tokens").intValue());
      assertEquals(0.0, body.get("temperature").doubleValue());
      assertEquals(0.9, body.get("top_p").doubleValue());
      assertEquals(42, body.get("seed").longValue());
      assertFalse(body.get("stream").booleanValue());
      JsonNode format = body.get("response_format");
      assertEquals(Set.of("type", "json_schema"), fieldNames(format));
      assertEquals("json_schema", format.get("type").textValue());
      JsonNode js = format.get("json_schema");
      assertEquals(Set.of("name", "schema", "strict"), fieldNames(js));
      assertEquals("Person", js.get("name").textValue());
      assertEquals(SCHEMA, js.get("schema").toString());
      assertTrue(js.get("strict").isBoolean() && js.get("strict").booleanValue());

      assertEquals(new Generation(TEXT, "gpt-4o-2024-08-06", "stop", 10, List.of(ConstraintForm.JSON_SCHEMA), List.of()), g);
    }
  }

  @Test
  void aGrammarFailsByDefaultAndNothingIsSent() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer("yes")))) {
      BackendException e = assertThrows(BackendException.class, () -> run(server, request(grammarIr(), false), withKey()));
      assertEquals(
          "openai cannot enforce the whole constraint IR: grammar: openai takes no grammar. Allow degradation to generate without it.",
          e.getMessage());
      assertEquals(List.of(), server.requests());
    }
  }

  @Test
  void withDegradationItGeneratesAndListsTheGrammarAsNotEnforced() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer("yes")))) {
      Generation g = run(server, degraded(grammarIr(), false), withKey());
      assertFalse(server.only().json().has("response_format"));
      assertEquals("yes", g.text());
      assertEquals(List.of(), g.sent());
      assertEquals(List.of("grammar: openai takes no grammar"), g.notEnforced());
    }
  }

  @Test
  void streamedDeltasAssembleTheSameGeneration() {
    String chunk = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1764212345,\"model\":\"gpt-4o-2024-08-06\","
        + "\"choices\":[{\"index\":0,\"delta\":%s,\"logprobs\":null,\"finish_reason\":%s}]}";
    String usage = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1764212345,\"model\":\"gpt-4o-2024-08-06\","
        + "\"choices\":[],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":10,\"total_tokens\":29}}";
    try (LoopbackServer server = LoopbackServer.start(
        sseData(true,
            chunk.formatted("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null"),
            chunk.formatted("{\"content\":\"{\\\"name\\\":\\\"Ada\\\",\"}", "null"),
            chunk.formatted("{\"content\":\"\\\"age\\\":36}\"}", "null"),
            chunk.formatted("{}", "\"stop\""),
            usage),
        json(200, answer(TEXT)))) {
      Generation streamed = run(server, request(schemaIr(), true), withKey());
      Generation plain = run(server, request(schemaIr(), false), withKey());
      JsonNode body = server.requests().getFirst().json();
      assertTrue(body.get("stream").booleanValue());
      assertEquals("{\"include_usage\":true}", body.get("stream_options").toString());
      assertEquals(plain, streamed);
    }
  }

  @Test
  void theKeyNeverAppearsInAnErrorEvenWhenTheServerEchoesIt() {
    LoopbackServer.Reply echo = (HttpExchange exchange) -> {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      byte[] b = ("{\"error\":{\"message\":\"Incorrect API key provided: " + auth.substring("Bearer ".length())
          + ". You can find your API key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\","
          + "\"param\":null,\"code\":\"invalid_api_key\"}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(401, b.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(b);
      }
    };
    try (LoopbackServer server = LoopbackServer.start(echo)) {
      BackendException e = assertThrows(BackendException.class, () -> run(server, request(schemaIr(), false), withKey()));
      assertEquals(
          "openai: POST /v1/chat/completions failed with status 401: Incorrect API key provided: ***. "
              + "You can find your API key at https://platform.openai.com/account/api-keys.",
          e.getMessage());
      assertEquals(401, e.status());
      assertEquals(1, server.requests().size(), "401 is not retried");
      for (Throwable t = e; t != null; t = t.getCause()) assertFalse(String.valueOf(t.getMessage()).contains(KEY));
    }
  }

  @Test
  void theKeyIsAbsentFromTheBackendAndItsOptionsAsText() {
    try (Backend b = Backends.create("openai", java.net.URI.create("http://127.0.0.1:9"), withKey())) {
      assertFalse(b.toString().contains(KEY));
      assertFalse(withKey().toString().contains(KEY));
    }
  }

  @Test
  void withoutAKeyNoAuthorizationHeaderIsSent() {
    try (LoopbackServer server = LoopbackServer.start(json(200, answer(TEXT)))) {
      run(server, request(schemaIr(), false), fast());
      assertEquals("", server.only().header("Authorization"));
      assertFalse(server.only().json().has("model"));
    }
  }

  @Test
  void aRefusalIsAnError() {
    String refused = "{\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":null,\"refusal\":\"I can't help with that.\"},\"finish_reason\":\"stop\"}]}";
    try (LoopbackServer server = LoopbackServer.start(json(200, refused))) {
      BackendException e = assertThrows(BackendException.class, () -> run(server, request(schemaIr(), false), withKey()));
      assertEquals("openai: POST /v1/chat/completions: the model refused: I can't help with that.", e.getMessage());
    }
  }

  @Test
  void aKeyAHeaderCannotCarryIsRejectedWithoutQuotingIt() {
    BackendOptions options = fast().toBuilder().apiKeyEnv("K").environment(Map.of("K", "sk-abc\ndef")::get).build();
    var e = assertThrows(IllegalArgumentException.class, () -> Backends.create("openai", java.net.URI.create("http://127.0.0.1:9"), options));
    assertEquals("the API key in $K has characters an HTTP header cannot carry (spaces, control or non-ASCII)", e.getMessage());
  }

  @Test
  void schemaNamesAreMadeValid() {
    assertEquals("output", OpenAiBackend.schemaName(null));
    assertEquals("Map_K__V_", OpenAiBackend.schemaName("Map<K, V>"));
    assertEquals(64, OpenAiBackend.schemaName("x".repeat(100)).length());
  }
}
