package dev.ananke.maze.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the four HTTP backends share: choose the constraint form, build the body, send it plain or
 * streamed, assemble one {@link Generation}. A subclass says which path, which body, and how to
 * read an answer and a stream chunk.
 */
abstract sealed class HttpBackend implements Backend
    permits VllmBackend, SglangBackend, LlamaCppBackend, OpenAiBackend {

  private final String name;
  private final String path;
  private final Set<ConstraintForm> supports;
  private final @Nullable ConstraintForm grammarDialect;
  final Http http;
  final BackendOptions options;

  /**
   * @param path the endpoint every request goes to
   * @param supports the constraint forms the server takes
   * @param grammarDialect the dialect of the server's grammar field, null when it has none
   */
  HttpBackend(String name, String path, Set<ConstraintForm> supports, @Nullable ConstraintForm grammarDialect,
      URI baseUrl, BackendOptions options, List<String> secrets) {
    this.name = name;
    this.path = path;
    this.supports = Set.copyOf(supports);
    this.grammarDialect = grammarDialect;
    this.options = options;
    this.http = new Http(name, baseUrl, options, secrets);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<ConstraintForm> supports() {
    return supports;
  }

  final @Nullable ConstraintForm grammarDialect() {
    return grammarDialect;
  }

  final String path() {
    return path;
  }

  Map<String, String> headers() {
    return Map.of();
  }

  /** The request body for {@code request}, with {@code plan}'s constraint placed where the server reads it. */
  abstract ObjectNode body(GenerationRequest request, ConstraintPlan plan);

  /** Reads a whole (non-streamed) answer into {@code out}. */
  abstract void read(JsonNode answer, Result out);

  /** Reads one streamed chunk into {@code out}; returns false when the chunk says the generation is over. */
  abstract boolean readChunk(JsonNode chunk, Result out);

  @Override
  public final Generation generate(GenerationRequest request) {
    ConstraintPlan plan = ConstraintPlan.choose(name, supports(), grammarDialect(), request.ir(), request.allowDegraded());
    ObjectNode body = body(request, plan);
    Result out = new Result(options.model() == null ? "" : options.model());
    if (request.stream()) {
      SseReader.End end = http.postSse(path(), body, headers(), (event, data) -> {
        JsonNode chunk = http.parse(path(), data);
        @Nullable String error = event.equals("error") ? Http.errorMessage(chunk) : chunk.has("error") ? Http.errorMessage(chunk) : null;
        if (event.equals("error") || error != null) {
          throw new BackendException(
              http.where(path()) + " failed while streaming: " + http.redact(error != null ? error : chunk.toString()),
              streamStatus(chunk));
        }
        return readChunk(chunk, out);
      });
      if (end == SseReader.End.EOF && !out.finished) {
        throw new BackendException(
            http.where(path()) + " stream ended before the generation finished (" + out.text.length() + " characters received)", 0);
      }
    } else {
      read(http.postJson(path(), body, headers()), out);
    }
    return new Generation(out.text.toString(), out.model, out.finishReason, out.completionTokens, plan.sent(), plan.notEnforced());
  }

  /** The status an error chunk gives: {@code error.code} (vLLM, OpenAI) or {@code code} (llama.cpp's error field), else 0. */
  private static int streamStatus(JsonNode chunk) {
    JsonNode code = chunk.path("error").path("code");
    if (!code.isInt()) code = chunk.path("code");
    return code.isInt() ? code.asInt() : 0;
  }

  @Override
  public void close() {
    http.close();
  }

  /** The text at {@code pointer}, or an error naming it. */
  final String text(JsonNode node, String pointer) {
    JsonNode v = node.at(pointer);
    if (!v.isTextual()) {
      throw new BackendException(
          http.where(path()) + " answered without a string at " + pointer + ": " + clip(node.toString()), 0);
    }
    return v.asText();
  }

  static String clip(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode a = Http.JSON.createArrayNode();
    values.forEach(a::add);
    return a;
  }

  /** The JSON Schema text of a plan as a JSON object (key order kept). */
  final JsonNode schema(ConstraintPlan plan) {
    return http.parse(path(), plan.payload());
  }

  /** A generation being assembled. */
  static final class Result {
    final StringBuilder text = new StringBuilder();
    String model;
    String finishReason = "";
    int completionTokens;
    boolean finished;

    Result(String model) {
      this.model = model;
    }
  }
}
