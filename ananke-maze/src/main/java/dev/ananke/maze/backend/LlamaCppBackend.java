package dev.ananke.maze.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;

/**
 * llama.cpp's {@code llama-server}, native {@code POST /completion}: {@code {"prompt", "n_predict",
 * "temperature", "top_p", "stop", "seed", "stream"}} plus {@code grammar} (GBNF text) or {@code
 * json_schema} (the schema as a JSON <em>object</em>; the server turns it into a grammar). The
 * server takes no regex.
 *
 * <p>The answer is {@code {"content", "stop": true, "stop_type": "eos"|"word"|"limit", "model",
 * "tokens_predicted", ...}}; {@code stop_type} is reported as OpenAI names it ({@code eos} and
 * {@code word} → {@code stop}, {@code limit} → {@code length}; older servers send {@code
 * stopped_eos}/{@code stopped_word}/{@code stopped_limit} booleans instead). Streamed chunks carry
 * the next piece of {@code content} and {@code "stop": false}; the last has {@code "stop": true}
 * and the totals. A failed stream sends a non-standard {@code error:} SSE field.
 */
final class LlamaCppBackend extends HttpBackend {
  static final String PATH = "/completion";

  LlamaCppBackend(URI baseUrl, BackendOptions options) {
    super("llama.cpp", PATH, EnumSet.of(ConstraintForm.JSON_SCHEMA, ConstraintForm.GBNF), ConstraintForm.GBNF, baseUrl, options, List.of());
  }

  @Override
  ObjectNode body(GenerationRequest request, ConstraintPlan plan) {
    ObjectNode body = Http.JSON.createObjectNode();
    body.put("prompt", request.prompt());
    Sampling s = request.sampling();
    body.put("n_predict", s.maxTokens());
    body.put("temperature", s.temperature());
    body.put("top_p", s.topP());
    body.set("stop", strings(s.stop()));
    if (s.seed() != null) body.put("seed", s.seed());
    body.put("stream", request.stream());
    if (plan.form() != null) {
      switch (plan.form()) {
        case JSON_SCHEMA -> body.set("json_schema", schema(plan));
        case GBNF, LARK -> body.put("grammar", plan.payload());
        case REGEX -> throw new IllegalStateException("llama.cpp takes no regex");
      }
    }
    return body;
  }

  @Override
  void read(JsonNode answer, Result out) {
    out.text.append(text(answer, "/content"));
    totals(answer, out);
    out.finished = true;
  }

  @Override
  boolean readChunk(JsonNode chunk, Result out) {
    out.text.append(chunk.path("content").asText(""));
    if (!chunk.path("stop").asBoolean(false)) return true;
    totals(chunk, out);
    out.finished = true;
    return false;
  }

  private static void totals(JsonNode node, Result out) {
    out.model = node.path("model").asText(out.model);
    out.completionTokens = node.path("tokens_predicted").asInt(0);
    out.finishReason = finishReason(node);
  }

  static String finishReason(JsonNode node) {
    JsonNode type = node.get("stop_type");
    if (type != null && type.isTextual()) {
      return switch (type.asText()) {
        case "eos", "word" -> "stop";
        case "limit" -> "length";
        default -> type.asText();
      };
    }
    if (node.path("stopped_limit").asBoolean(false)) return "length";
    if (node.path("stopped_eos").asBoolean(false) || node.path("stopped_word").asBoolean(false)) return "stop";
    return "";
  }
}
