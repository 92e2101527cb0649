package dev.ananke.maze.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP plumbing every backend shares: one {@link HttpClient} per backend (its own threads are
 * virtual), JSON bodies, timeouts, retries and error messages.
 *
 * <p>Retries: an attempt is retried when it could not connect (refused, reset, connect timeout),
 * or the server answered 429 or 5xx; never on another 4xx, which would fail again, and never on a
 * request timeout, which would run the same long generation again. The wait before retry {@code
 * n} (1-based) is a random duration in [d/2, d] with d = min(maxBackoff, initialBackoff *
 * 2^(n-1)), or the server's {@code Retry-After} (seconds or an HTTP date) when it sent one; a
 * {@code Retry-After} beyond maxBackoff ends the retries. A streamed body is never retried once
 * its status was read: the text would be produced twice.
 *
 * <p>Messages: {@code <backend>: POST <path> failed with status <s>[ after <n> attempts]: <the
 * server's message>}, the server's message taken from its JSON error body ({@code error.message},
 * {@code error}, {@code message} or {@code detail}) or its text. Secrets (the API key) are
 * replaced by {@code ***} in every message, including what the server echoed.
 */
final class Http implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_CHARS = 2000;

  private final String backend;
  private final URI base;
  private final BackendOptions options;
  private final ExecutorService executor;
  private final HttpClient client;
  private final List<String> secrets;

  Http(String backend, URI base, BackendOptions options, List<String> secrets) {
    this.backend = backend;
    this.base = base;
    this.options = options;
    this.secrets = secrets.stream().filter(s -> !s.isEmpty()).toList();
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    this.client = HttpClient.newBuilder()
        .connectTimeout(options.connectTimeout())
        .executor(executor)
        .followRedirects(HttpClient.Redirect.NEVER)
        // HTTP/1.1: on plain http the JDK would otherwise offer an h2c upgrade, which some
        // Python servers (uvicorn's h11) do not expect on a POST
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  String backend() {
    return backend;
  }

  /** POSTs {@code body} as JSON and returns the parsed JSON answer. */
  JsonNode postJson(String path, ObjectNode body, Map<String, String> headers) {
    HttpResponse<InputStream> response = send(path, body, headers, "application/json");
    try (InputStream in = response.body()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parse(path, text);
    } catch (IOException e) {
      throw new BackendException(where(path) + " lost the connection while reading the response: " + describe(e), response.statusCode(), e);
    }
  }

  /** POSTs {@code body} as JSON and reads the answer as server-sent events. */
  SseReader.End postSse(String path, ObjectNode body, Map<String, String> headers, SseReader.Handler handler) {
    HttpResponse<InputStream> response = send(path, body, headers, "text/event-stream");
    try (Watchdog dog = new Watchdog(options.requestTimeout()); InputStream in = dog.watch(response.body())) {
      try {
        return SseReader.read(in, handler);
      } catch (IOException e) {
        if (dog.fired()) {
          throw new BackendException(
              where(path) + " stalled: nothing streamed for " + human(options.requestTimeout()), response.statusCode(), e);
        }
        throw new BackendException(where(path) + " lost the connection while streaming: " + describe(e), response.statusCode(), e);
      }
    } catch (IOException e) {
      throw new BackendException(where(path) + " could not close the stream: " + describe(e), response.statusCode(), e);
    }
  }

  /**
   * Ends a stream that stays silent for longer than the timeout: the JDK's response stream blocks
   * in an interruptible take, so the watchdog interrupts the reading thread, which then sees an
   * IOException. Every byte read (SSE comments, which servers send as keep-alive pings, included)
   * resets the clock. Closing the watchdog clears an interrupt it may have sent too late.
   */
  private static final class Watchdog implements AutoCloseable {
    private final long timeoutNanos;
    private final Thread reader = Thread.currentThread();
    private final Thread thread;
    private volatile long last = System.nanoTime();
    private boolean closed;
    private boolean fired;

    Watchdog(Duration timeout) {
      this.timeoutNanos = timeout.toNanos();
      this.thread = Thread.ofVirtual().name("ananke-sse-watchdog").start(this::run);
    }

    InputStream watch(InputStream in) {
      return new java.io.FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          last = System.nanoTime();
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = super.read(buf, off, len);
          last = System.nanoTime();
          return n;
        }
      };
    }

    private void run() {
      try {
        while (true) {
          long wait = last + timeoutNanos - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
            continue;
          }
          synchronized (this) {
            if (closed) return;
            fired = true;
            reader.interrupt();
            return;
          }
        }
      } catch (InterruptedException e) {
        // closed
      }
    }

    synchronized boolean fired() {
      return fired;
    }

    @Override
    public void close() {
      synchronized (this) {
        closed = true;
        if (fired) Thread.interrupted();
      }
      thread.interrupt();
    }
  }

  /** Parses one JSON document the server sent on {@code path}. */
  JsonNode parse(String path, String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BackendException(where(path) + " answered with invalid JSON: " + redact(clip(e.getOriginalMessage())), 0, e);
    }
  }

  /** {@code <backend>: POST <path>}, the prefix of every message about a request. */
  String where(String path) {
    return backend + ": POST " + path;
  }

  /** The message the server put in a JSON error object, or null when there is none. */
  static @Nullable String errorMessage(JsonNode node) {
    JsonNode error = node.get("error");
    if (error != null) {
      if (error.isTextual()) return error.asText();
      JsonNode message = error.get("message");
      if (message != null && message.isTextual()) return message.asText();
      if (error.isObject()) return error.toString();
    }
    JsonNode message = node.get("message");
    if (message != null && message.isTextual()) return message.asText();
    JsonNode detail = node.get("detail");
    if (detail != null) return detail.isTextual() ? detail.asText() : detail.toString();
    return null;
  }

  String redact(String text) {
    String out = text;
    for (String s : secrets) out = out.replace(s, "***");
    return out;
  }

  private HttpResponse<InputStream> send(String path, ObjectNode body, Map<String, String> headers, String accept) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a request body", e);
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path))
        .timeout(options.requestTimeout())
        .header("Content-Type", "application/json")
        .header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    headers.forEach(builder::header);
    HttpRequest request = builder.build();

    int max = options.maxAttempts();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpConnectTimeoutException | ConnectException e) {
        if (attempt >= max) throw connectionFailure(path, attempt, e);
        pause(backoff(attempt), path);
        continue;
      } catch (HttpTimeoutException e) {
        throw new BackendException(
            where(path) + " timed out: no response within " + human(options.requestTimeout()), 0, e);
      } catch (IOException e) {
        if (attempt >= max) throw connectionFailure(path, attempt, e);
        pause(backoff(attempt), path);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BackendException(where(path) + " was interrupted", 0, e);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) return response;
      String message = readError(response);
      boolean retryable = status == 429 || status >= 500;
      if (!retryable) throw new BackendException(failed(path, status, attempt, message), status);
      if (attempt >= max) throw new BackendException(failed(path, status, attempt, message), status);
      @Nullable Duration asked = retryAfter(response);
      if (asked != null && asked.compareTo(options.maxBackoff()) > 0) {
        throw new BackendException(
            failed(path, status, attempt, message) + " (the server asked to retry after " + human(asked)
                + ", longer than the maximum backoff of " + human(options.maxBackoff()) + ")",
            status);
      }
      pause(asked != null ? asked : backoff(attempt), path);
    }
  }

  private URI resolve(String path) {
    String b = base.toString();
    if (b.endsWith("/")) b = b.substring(0, b.length() - 1);
    return URI.create(b + path);
  }

  private String failed(String path, int status, int attempts, String message) {
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    return where(path) + " failed with status " + status + tries + (message.isEmpty() ? "" : ": " + message);
  }

  private BackendException connectionFailure(String path, int attempts, IOException e) {
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    return new BackendException(
        where(path) + " could not reach " + base + tries + ": " + describe(e), 0, e);
  }

  private String describe(Exception e) {
    String m = e.getMessage();
    String what = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
    Throwable cause = e.getCause();
    if ((m == null || m.isBlank()) && cause != null && cause.getMessage() != null) {
      what = e.getClass().getSimpleName() + " (" + cause.getMessage() + ")";
    }
    return redact(what);
  }

  private String readError(HttpResponse<InputStream> response) {
    String text;
    try (InputStream in = response.body()) {
      text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "(the error body could not be read: " + describe(e) + ")";
    }
    String message = text;
    if (text.startsWith("{")) {
      try {
        @Nullable String m = errorMessage(JSON.readTree(text));
        if (m != null) message = m;
      } catch (JsonProcessingException ignored) {
        // not JSON after all: keep the text
      }
    }
    return redact(clip(message));
  }

  private static String clip(String s) {
    return s.length() <= MAX_ERROR_CHARS ? s : s.substring(0, MAX_ERROR_CHARS) + "...";
  }

  private Duration backoff(int attempt) {
    long initial = options.initialBackoff().toNanos();
    long cap = options.maxBackoff().toNanos();
    long d = initial;
    for (int i = 1; i < attempt && d < cap; i++) d = Math.min(cap, d * 2);
    d = Math.min(cap, d);
    if (d <= 0) return Duration.ZERO;
    return Duration.ofNanos(d / 2 + ThreadLocalRandom.current().nextLong(d - d / 2 + 1));
  }

  /** The {@code Retry-After} header as a duration (seconds or an HTTP date), null when absent or unreadable. */
  static @Nullable Duration retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").map(Http::parseRetryAfter).orElse(null);
  }

  static @Nullable Duration parseRetryAfter(String value) {
    String v = value.strip();
    if (v.matches("\\d{1,9}")) return Duration.ofSeconds(Long.parseLong(v));
    try {
      Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private void pause(Duration d, String path) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException(where(path) + " was interrupted while waiting to retry", 0, e);
    }
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) return ms + " ms";
    if (ms % 1000 == 0) return ms / 1000 + " s";
    return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  @Override
  public void close() {
    client.close();
    executor.close();
  }
}
