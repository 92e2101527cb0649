package dev.ananke.maze.backend;

import static dev.ananke.maze.backend.Fixtures.*;
import static dev.ananke.maze.backend.LoopbackServer.delayed;
import static dev.ananke.maze.backend.LoopbackServer.json;
import static dev.ananke.maze.backend.LoopbackServer.raw;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Error statuses, retries, refused connections and timeouts, the same for every HTTP backend. */
class BackendErrorsTest {

  /** Each backend with its path and an answer of "ok" as its server writes one. */
  enum Server {
    VLLM("vllm", VllmBackend.PATH, VllmBackendTest.answer("ok")),
    SGLANG("sglang", SglangBackend.PATH, SglangBackendTest.answer("ok")),
    LLAMA_CPP("llama.cpp", LlamaCppBackend.PATH, LlamaCppBackendTest.answer("ok", "eos")),
    OPENAI("openai", OpenAiBackend.PATH, OpenAiBackendTest.answer("ok"));

    final String name;
    final String path;
    final String ok;

    Server(String name, String path, String ok) {
      this.name = name;
      this.path = path;
      this.ok = ok;
    }

    Generation run(URI uri, BackendOptions options) {
      try (Backend b = Backends.create(name, uri, options)) {
        return b.generate(request(schemaIr(), false));
      }
    }
  }

  /** The error body of each server's kind: OpenAI/vLLM/llama.cpp nest it in "error", FastAPI says "detail". */
  private static final String BAD_REQUEST =
      "{\"error\":{\"message\":\"max_tokens must be at least 1, got 0.\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}}";

  @ParameterizedTest
  @EnumSource(Server.class)
  void badRequestIsNotRetriedAndItsMessageIsSurfaced(Server s) {
    try (LoopbackServer server = LoopbackServer.start(json(400, BAD_REQUEST), json(200, s.ok))) {
      BackendException e = assertThrows(BackendException.class, () -> s.run(server.uri(), fast()));
      assertEquals(s.name + ": POST " + s.path + " failed with status 400: max_tokens must be at least 1, got 0.", e.getMessage());
      assertEquals(400, e.status());
      assertEquals(1, server.requests().size());
    }
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void unavailableThenOkIsRetried(Server s) {
    try (LoopbackServer server = LoopbackServer.start(json(503, "{\"detail\":\"model is loading\"}"), json(200, s.ok))) {
      Generation g = s.run(server.uri(), fast());
      assertEquals("ok", g.text());
      assertEquals(2, server.requests().size());
      assertEquals(server.requests().get(0).body(), server.requests().get(1).body(), "the retry sends the same body");
    }
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void tooManyRequestsWaitsForRetryAfterThenRetries(Server s) {
    try (LoopbackServer server = LoopbackServer.start(
        json(429, "{\"error\":{\"message\":\"rate limited\"}}", Map.of("Retry-After", "1")), json(200, s.ok))) {
      assertEquals("ok", s.run(server.uri(), fast()).text());
      assertEquals(2, server.requests().size());
    }
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void retryAfterLongerThanTheMaximumBackoffEndsTheRetries(Server s) {
    try (LoopbackServer server = LoopbackServer.start(
        json(429, "{\"error\":{\"message\":\"rate limited\"}}", Map.of("Retry-After", "120")), json(200, s.ok))) {
      BackendException e = assertThrows(BackendException.class, () -> s.run(server.uri(), fast()));
      assertEquals(
          s.name + ": POST " + s.path + " failed with status 429: rate limited "
              + "(the server asked to retry after 120 s, longer than the maximum backoff of 2 s)",
          e.getMessage());
      assertEquals(429, e.status());
      assertEquals(1, server.requests().size());
    }
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void serverErrorsUntilTheLastAttemptFailWithTheLastMessage(Server s) {
    try (LoopbackServer server = LoopbackServer.start(
        json(500, "{\"error\":\"CUDA error\"}"), json(502, "{\"error\":\"bad gateway\"}"),
        raw(503, "text/plain", "upstream connect error", Map.of()))) {
      BackendException e = assertThrows(BackendException.class, () -> s.run(server.uri(), fast()));
      assertEquals(s.name + ": POST " + s.path + " failed with status 503 after 3 attempts: upstream connect error", e.getMessage());
      assertEquals(503, e.status());
      assertEquals(3, server.requests().size());
    }
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void connectionRefusedIsRetriedThenAClearError(Server s) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI uri = URI.create("http://127.0.0.1:" + port);
    BackendException e = assertThrows(BackendException.class, () -> s.run(uri, fast()));
    assertTrue(
        e.getMessage().startsWith(s.name + ": POST " + s.path + " could not reach " + uri + " after 3 attempts: ConnectException"),
        e.getMessage());
    assertEquals(0, e.status());
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void aSlowServerTimesOut(Server s) {
    BackendOptions options = fast().toBuilder().requestTimeout(Duration.ofMillis(300)).build();
    try (LoopbackServer server = LoopbackServer.start(delayed(Duration.ofSeconds(5), json(200, s.ok)))) {
      BackendException e = assertThrows(BackendException.class, () -> s.run(server.uri(), options));
      assertEquals(s.name + ": POST " + s.path + " timed out: no response within 300 ms", e.getMessage());
      assertEquals(1, server.requests().size(), "a timed-out generation is not started again");
    }
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void aStreamThatFallsSilentTimesOut(Server s) {
    BackendOptions options = fast().toBuilder().requestTimeout(Duration.ofMillis(300)).build();
    LoopbackServer.Reply stall = exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      var out = exchange.getResponseBody();
      out.write(": ping\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
      try {
        Thread.sleep(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    try (LoopbackServer server = LoopbackServer.start(stall)) {
      BackendException e = assertThrows(BackendException.class, () -> {
        try (Backend b = Backends.create(s.name, server.uri(), options)) {
          b.generate(request(schemaIr(), true));
        }
      });
      assertEquals(s.name + ": POST " + s.path + " stalled: nothing streamed for 300 ms", e.getMessage());
      assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt does not leak to the caller");
    }
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void aBaseUrlWithAPrefixKeepsIt(Server s) {
    try (LoopbackServer server = LoopbackServer.start(json(200, s.ok))) {
      s.run(URI.create(server.uri() + "/proxy/"), fast());
      assertEquals("/proxy" + s.path, server.only().path());
    }
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void invalidJsonIsAClearError(Server s) {
    try (LoopbackServer server = LoopbackServer.start(json(200, "<html>proxy error</html>"))) {
      BackendException e = assertThrows(BackendException.class, () -> s.run(server.uri(), fast()));
      assertTrue(e.getMessage().startsWith(s.name + ": POST " + s.path + " answered with invalid JSON: "), e.getMessage());
    }
  }
}
