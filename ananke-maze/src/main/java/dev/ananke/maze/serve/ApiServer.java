package dev.ananke.maze.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ananke.braid.Compilation;
import dev.ananke.braid.Targets;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.Target;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.core.wire.IrFrame;
import dev.ananke.maze.Maze;
import dev.ananke.maze.MazeRequest;
import dev.ananke.maze.MazeResult;
import dev.ananke.maze.backend.BackendException;
import dev.ananke.maze.backend.Sampling;
import dev.ananke.maze.validate.Validation;
import dev.ananke.clew.Clew;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP JSON API: {@code POST /v1/extract}, {@code /v1/compile}, {@code /v1/generate},
 * {@code /v1/validate}, {@code GET /health}, {@code GET /metrics} (Prometheus text). Bodies
 * larger than the limit are refused with 413; bad JSON or bad input with 400 and
 * {@code {"error": "..."}}; a backend failure with 502. Requests run on virtual threads and share
 * one {@link Maze} (and its caches).
 *
 * <p>{@code /v1/compile} answers with the IR alone as an {@link IrFrame} (binary, a few
 * microseconds to read where the JSON answer's 24 KB take a hundred) when the request's
 * {@code Accept} prefers {@value IrFrame#MEDIA_TYPE} to JSON; JSON stays the default, and errors
 * are JSON whatever was accepted.
 */
public final class ApiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Maze maze;
  private final int maxBodyBytes;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong clientErrors = new AtomicLong();
  private final AtomicLong serverErrors = new AtomicLong();

  public ApiServer(Maze maze, InetSocketAddress address, int maxBodyBytes) throws IOException {
    this.maze = maze;
    this.maxBodyBytes = maxBodyBytes;
    this.server = HttpServer.create(address, 64);
    server.setExecutor(executor);
    server.createContext("/v1/extract", ex -> handle(ex, "POST", body -> Answer.json(extract(body))));
    server.createContext("/v1/compile", ex -> {
      ex.getResponseHeaders().set("Vary", "Accept"); // the answer depends on it: caches must know
      handle(ex, "POST", body -> compile(body, MediaTypes.prefersFrame(ex)));
    });
    server.createContext("/v1/generate", ex -> handle(ex, "POST", body -> Answer.json(generate(body))));
    server.createContext("/v1/validate", ex -> handle(ex, "POST", body -> Answer.json(validate(body))));
    server.createContext("/health", ex -> handle(ex, "GET", body -> Answer.json(JSON.createObjectNode().put("status", "ok").toString())));
    server.createContext("/metrics", this::metrics);
  }

  public ApiServer start() {
    server.start();
    return this;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }

  private interface Handler {
    Answer apply(JsonNode body) throws IOException;
  }

  /** A 200 answer: its content type and body. */
  private record Answer(String contentType, byte[] body) {
    static Answer json(String json) {
      return new Answer("application/json", json.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void handle(HttpExchange ex, String method, Handler handler) throws IOException {
    requests.incrementAndGet();
    // the exchange is closed after the answer is sent, error answers included
    try {
      answer(ex, method, handler);
    } finally {
      ex.close();
    }
  }

  private void answer(HttpExchange ex, String method, Handler handler) throws IOException {
    try {
      if (!ex.getRequestMethod().equals(method)) {
        ex.getResponseHeaders().set("Allow", method);
        send(ex, 405, error(ex.getRequestURI().getPath() + " takes " + method));
        return;
      }
      if (!ex.getRequestURI().getPath().equals(ex.getHttpContext().getPath())) {
        send(ex, 404, error("no such endpoint: " + ex.getRequestURI().getPath()));
        return;
      }
      byte[] raw = readLimited(ex.getRequestBody());
      if (raw == null) {
        send(ex, 413, error("request body over " + maxBodyBytes + " bytes"));
        return;
      }
      JsonNode body = method.equals("GET") || raw.length == 0 ? JSON.createObjectNode() : parse(raw);
      send(ex, 200, handler.apply(body));
    } catch (BadInputException | IllegalArgumentException e) {
      send(ex, 400, error(e.getMessage()));
    } catch (BackendException e) {
      send(ex, 502, error(e.getMessage()));
    } catch (RuntimeException e) {
      serverErrors.incrementAndGet();
      send(ex, 500, error("internal error: " + e));
    }
  }

  private static JsonNode parse(byte[] raw) {
    try {
      return JSON.readTree(raw);
    } catch (IOException e) {
      throw new BadInputException("request body", "malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** The body, or null when it is over the limit (the rest is read and dropped, so the client gets the answer). */
  private byte @org.jspecify.annotations.Nullable [] readLimited(InputStream in) throws IOException {
    byte[] data = in.readNBytes(maxBodyBytes + 1);
    if (data.length <= maxBodyBytes) return data;
    in.transferTo(OutputStream.nullOutputStream());
    return null;
  }

  private void send(HttpExchange ex, int status, String json) throws IOException {
    send(ex, status, Answer.json(json));
  }

  private void send(HttpExchange ex, int status, Answer answer) throws IOException {
    if (status >= 400 && status < 500) clientErrors.incrementAndGet();
    ex.getResponseHeaders().set("Content-Type", answer.contentType());
    ex.sendResponseHeaders(status, answer.body().length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(answer.body());
    }
  }

  private static String error(String message) {
    return JSON.createObjectNode().put("error", message).toString();
  }

  // ---- endpoints

  /** {"sources": {"path": "text", ...}} → the constraint set. */
  private String extract(JsonNode body) {
    return ConstraintJson.write(sources(body));
  }

  private static ConstraintSet sources(JsonNode body) {
    JsonNode sources = required(body, "sources");
    if (!sources.isObject() || sources.isEmpty()) throw new BadInputException("sources", "expected an object of file path to source text");
    Clew clew = Clew.builder().build();
    ConstraintSet set = ConstraintSet.EMPTY;
    for (var it = sources.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isTextual()) throw new BadInputException("sources." + e.getKey(), "expected a string");
      set = set.merge(clew.extractSource(e.getKey(), e.getValue().asText(), null).constraints());
    }
    return set;
  }

  /** The set of a request: "constraints" (a constraint set object) or "sources". */
  private static ConstraintSet set(JsonNode body) {
    if (body.has("constraints")) return ConstraintJson.readSet(body.get("constraints").toString());
    return sources(body);
  }

  /**
   * {"ir": the IR, "unenforced": [...]} as JSON; or, when a frame is preferred, the IR alone as a
   * frame (what is unenforced is for the people who read the JSON answer).
   */
  private Answer compile(JsonNode body, boolean frame) {
    ConstraintSet set = set(body);
    Target target = Targets.parse(text(body, "target", "module"), optional(body, "language"), set);
    Compilation c = maze.compile(set, target);
    if (frame) return new Answer(IrFrame.MEDIA_TYPE, IrFrame.write(c.ir()));
    ObjectNode out = JSON.createObjectNode();
    out.set("ir", readTree(ConstraintJson.write(c.ir())));
    out.set("unenforced", JSON.valueToTree(c.unenforced()));
    return Answer.json(out.toString());
  }

  private String validate(JsonNode body) {
    ConstraintSet set = set(body);
    String code = text(body, "code", null);
    Target target = Targets.parse(text(body, "target", "module"), optional(body, "language"), set);
    Validation v = maze.validate(code, set, target);
    return JSON.valueToTree(v).toString();
  }

  private String generate(JsonNode body) throws IOException {
    String intent = text(body, "intent", null);
    Path constraints = null;
    List<Path> context = new ArrayList<>();
    Path tmp = java.nio.file.Files.createTempDirectory("ananke-serve");
    try {
      if (body.has("constraints")) {
        constraints = tmp.resolve("constraints.json");
        java.nio.file.Files.writeString(constraints, body.get("constraints").toString());
      }
      if (body.has("sources")) {
        for (var it = body.get("sources").fields(); it.hasNext(); ) {
          var e = it.next();
          Path file = tmp.resolve(Path.of(e.getKey()).getFileName().toString());
          java.nio.file.Files.writeString(file, e.getValue().asText());
          context.add(file);
        }
      }
      Sampling sampling = new Sampling(body.path("max_tokens").asInt(256), body.path("temperature").asDouble(0.7),
          body.path("top_p").asDouble(0.95), List.of(), body.has("seed") ? body.get("seed").asLong() : null);
      MazeResult r = maze.generate(new MazeRequest(intent, context, constraints, text(body, "target", "new-function"),
          optional(body, "language"), text(body, "backend", "local"), sampling, body.path("allow_degraded").asBoolean(false)));
      return JSON.valueToTree(r).toString();
    } finally {
      try (var walk = java.nio.file.Files.walk(tmp)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static JsonNode required(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) throw new BadInputException(field, "is required");
    return n;
  }

  private static String text(JsonNode body, String field, @org.jspecify.annotations.Nullable String fallback) {
    JsonNode n = body.get(field);
    if (n == null) {
      if (fallback == null) throw new BadInputException(field, "is required");
      return fallback;
    }
    if (!n.isTextual()) throw new BadInputException(field, "expected a string");
    return n.asText();
  }

  private static @org.jspecify.annotations.Nullable String optional(JsonNode body, String field) {
    return body.hasNonNull(field) ? body.get(field).asText() : null;
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void metrics(HttpExchange ex) throws IOException {
    try (ex) {
      StringBuilder b = new StringBuilder();
      counter(b, "ananke_requests_total", "HTTP requests received", requests.get());
      counter(b, "ananke_client_errors_total", "requests answered with a 4xx status", clientErrors.get());
      counter(b, "ananke_server_errors_total", "requests answered with a 5xx status", serverErrors.get());
      cache(b, "extraction", maze.extractionCacheStats());
      cache(b, "compilation", maze.compilationCacheStats());
      byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
      ex.sendResponseHeaders(200, bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }

  private static void counter(StringBuilder b, String name, String help, long value) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(" counter\n");
    b.append(name).append(' ').append(value).append('\n');
  }

  private static void cache(StringBuilder b, String cache, CacheStats s) {
    counter(b, "ananke_cache_" + cache + "_hits_total", cache + " cache hits", s.hitCount());
    counter(b, "ananke_cache_" + cache + "_misses_total", cache + " cache misses", s.missCount());
    counter(b, "ananke_cache_" + cache + "_evictions_total", cache + " cache evictions", s.evictionCount());
  }
}
