package dev.ananke.maze.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.core.wire.IrFrame;
import dev.ananke.maze.Maze;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API over real loopback HTTP: every endpoint, and the 4xx answers to bad requests. */
class ApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static Maze maze;
  private static ApiServer server;

  private static final String SOURCE = "export interface Account { id: string; balance: number; }\\n"
      + "export function settle(account: Account): number {\\n  const total = account.balance;\\n  return total;\\n}\\n";

  @BeforeAll
  static void start() throws Exception {
    maze = Maze.builder().cacheSize(10).build();
    server = new ApiServer(maze, new InetSocketAddress("127.0.0.1", 0), 64 * 1024).start();
  }

  @AfterAll
  static void stop() {
    server.close();
    maze.close();
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAndMetrics() throws Exception {
    assertEquals("{\"status\":\"ok\"}", get("/health").body());
    HttpResponse<String> m = get("/metrics");
    assertEquals(200, m.statusCode());
    assertTrue(m.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertTrue(m.body().contains("# TYPE ananke_requests_total counter\nananke_requests_total "), m.body());
    assertTrue(m.body().contains("ananke_cache_compilation_hits_total "), m.body());
  }

  @Test
  void extractCompileAndValidate() throws Exception {
    HttpResponse<String> extracted = post("/v1/extract", "{\"sources\": {\"src/a.ts\": \"" + SOURCE + "\"}}");
    assertEquals(200, extracted.statusCode(), extracted.body());
    JsonNode set = JSON.readTree(extracted.body());
    assertTrue(set.get("constraints").size() >= 2, extracted.body());

    HttpResponse<String> compiled = post("/v1/compile", "{\"constraints\": " + set + ", \"target\": \"function:settle\"}");
    assertEquals(200, compiled.statusCode(), compiled.body());
    assertTrue(JSON.readTree(compiled.body()).at("/ir/grammar/lark").asText().contains("function settle(account: Account): number"));

    String good = "function settle(account: Account): number {\\n  return account.balance;\\n}";
    HttpResponse<String> ok = post("/v1/validate", "{\"constraints\": " + set + ", \"target\": \"function:settle\", \"code\": \"" + good + "\"}");
    assertEquals(200, ok.statusCode(), ok.body());
    assertTrue(JSON.readTree(ok.body()).get("allSatisfied").asBoolean(), ok.body());

    HttpResponse<String> bad = post("/v1/validate", "{\"constraints\": " + set + ", \"target\": \"function:settle\", \"code\": \"function settle() {\"}");
    assertEquals(200, bad.statusCode(), bad.body());
    assertEquals(false, JSON.readTree(bad.body()).get("allSatisfied").asBoolean(), bad.body());
  }

  @Test
  void compileAnswersWithAnIrFrameWhenTheClientAsksForOne() throws Exception {
    JsonNode set = JSON.readTree(post("/v1/extract", "{\"sources\": {\"src/a.ts\": \"" + SOURCE + "\"}}").body());
    String request = "{\"constraints\": " + set + ", \"target\": \"function:settle\"}";
    HttpResponse<String> json = post("/v1/compile", request);
    ConstraintIR fromJson = ConstraintJson.readIR(JSON.readTree(json.body()).get("ir").toString());
    assertEquals("application/json", json.headers().firstValue("Content-Type").orElse(""));

    HttpResponse<byte[]> frame = postBytes("/v1/compile", request, IrFrame.MEDIA_TYPE);
    assertEquals(200, frame.statusCode());
    assertEquals(IrFrame.MEDIA_TYPE, frame.headers().firstValue("Content-Type").orElse(""));
    assertEquals("Accept", frame.headers().firstValue("Vary").orElse(""));
    assertTrue(IrFrame.isFrame(frame.body()));
    ConstraintIR fromFrame = IrFrame.read(frame.body());
    assertEquals(fromJson, fromFrame, "the frame holds the IR of the JSON answer");
    assertTrue(fromFrame.grammar().lark().contains("function settle(account: Account): number"));
    assertArrayEquals(IrFrame.write(fromJson), frame.body());

    HttpResponse<byte[]> weighted = postBytes("/v1/compile", request, "application/json;q=0.5, " + IrFrame.MEDIA_TYPE + ";q=0.9");
    assertEquals(IrFrame.MEDIA_TYPE, weighted.headers().firstValue("Content-Type").orElse(""));
    HttpResponse<byte[]> jsonFirst = postBytes("/v1/compile", request, IrFrame.MEDIA_TYPE + ";q=0.2, application/json");
    assertEquals("application/json", jsonFirst.headers().firstValue("Content-Type").orElse(""));
    HttpResponse<byte[]> anything = postBytes("/v1/compile", request, "*/*");
    assertEquals("application/json", anything.headers().firstValue("Content-Type").orElse(""));

    HttpResponse<byte[]> bad = postBytes("/v1/compile", "{not json", IrFrame.MEDIA_TYPE);
    assertEquals(400, bad.statusCode());
    assertEquals("application/json", bad.headers().firstValue("Content-Type").orElse(""), "errors stay JSON");
    assertTrue(new String(bad.body(), java.nio.charset.StandardCharsets.UTF_8).startsWith("{\"error\":"));
  }

  private static HttpResponse<byte[]> postBytes(String path, String body, String accept) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void badRequestsGetClearClientErrors() throws Exception {
    HttpResponse<String> malformed = post("/v1/compile", "{not json");
    assertEquals(400, malformed.statusCode());
    assertTrue(malformed.body().startsWith("{\"error\":\"request body: malformed JSON"), malformed.body());

    HttpResponse<String> missing = post("/v1/validate", "{\"sources\": {\"a.ts\": \"const a = 1;\"}}");
    assertEquals(400, missing.statusCode());
    assertEquals("{\"error\":\"code: is required\"}", missing.body());

    HttpResponse<String> tooBig = post("/v1/extract", "{\"sources\": {\"a.ts\": \"" + "x".repeat(70 * 1024) + "\"}}");
    assertEquals(413, tooBig.statusCode());

    assertEquals(405, get("/v1/extract").statusCode());
    assertEquals(404, post("/v1/extractor", "{}").statusCode());

    HttpResponse<String> noBackend = post("/v1/generate", "{\"intent\": \"x\", \"sources\": {\"a.ts\": \"const a = 1;\"}, \"backend\": \"nope\"}");
    assertEquals(400, noBackend.statusCode());
    assertTrue(noBackend.body().contains("unknown backend"), noBackend.body());
  }
}
