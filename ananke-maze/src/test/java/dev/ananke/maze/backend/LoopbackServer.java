package dev.ananke.maze.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 and a free port that records every request and answers from a
 * script, one reply per request in order; a request past the end of the script gets a 500 that
 * fails the test's expectations.
 */
final class LoopbackServer implements AutoCloseable {

  /** One request as it arrived. */
  record Request(String method, String path, Headers headers, String body) {
    JsonNode json() {
      try {
        return Http.JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String header(String name) {
      String v = headers.getFirst(name);
      return v == null ? "" : v;
    }
  }

  /** One scripted reply. */
  interface Reply {
    void send(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Deque<Reply> script;
  private final List<Request> requests = new ArrayList<>();

  private LoopbackServer(List<Reply> script) throws IOException {
    this.script = new ArrayDeque<>(script);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static LoopbackServer start(Reply... script) {
    try {
      return new LoopbackServer(List.of(script));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  Request only() {
    List<Request> all = requests();
    if (all.size() != 1) throw new AssertionError("expected one request, got " + all.size() + ": " + all);
    return all.getFirst();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Reply reply;
    synchronized (this) {
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
      reply = script.pollFirst();
    }
    try (exchange) {
      if (reply == null) {
        json(500, "{\"error\":{\"message\":\"unscripted request\"}}").send(exchange);
      } else {
        reply.send(exchange);
      }
    } catch (IOException e) {
      // the client went away (timeout tests): nothing to do
    }
  }

  static Reply json(int status, String body) {
    return json(status, body, Map.of());
  }

  static Reply json(int status, String body, Map<String, String> headers) {
    return raw(status, "application/json", body, headers);
  }

  static Reply raw(int status, String contentType, String body, Map<String, String> headers) {
    return exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      headers.forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  /** A 200 {@code text/event-stream} written in pieces, each flushed, exactly as given. */
  static Reply sse(String... pieces) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (String p : pieces) {
          out.write(p.getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    };
  }

  /** {@code data: <json>} events, each followed by a blank line, then optionally {@code data: [DONE]}. */
  static Reply sseData(boolean done, String... json) {
    List<String> pieces = new ArrayList<>();
    for (String j : json) pieces.add("data: " + j + "\n\n");
    if (done) pieces.add("data: [DONE]\n\n");
    return sse(pieces.toArray(String[]::new));
  }

  /** Waits before replying (longer than the client's request timeout in timeout tests). */
  static Reply delayed(Duration delay, Reply then) {
    return exchange -> {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      then.send(exchange);
    };
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
