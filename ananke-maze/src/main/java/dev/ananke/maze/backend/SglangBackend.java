package dev.ananke.maze.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;

/**
 * sglang's native {@code POST /generate}: {@code {"text", "sampling_params": {...}, "stream"}}. The
 * constraint goes in {@code sampling_params} as {@code json_schema} (the schema as a JSON
 * <em>string</em>), {@code ebnf} (GBNF: xgrammar, sglang's default grammar backend, takes the GGML
 * BNF format) or {@code regex}; sglang takes one of them per request.
 *
 * <p>The answer is {@code {"text", "meta_info": {"finish_reason": {"type": "stop"|"length"|"abort",
 * ...}, "completion_tokens", ...}}}. Streamed chunks carry the text generated <em>so far</em>
 * (cumulative, sglang's default), the last one a non-null finish reason, then {@code data:
 * [DONE]}. {@code /generate} names no model: {@link Generation#model()} is the configured model
 * name, or empty. A seed is not sent: sglang's sampling parameters document none.
 */
final class SglangBackend extends HttpBackend {
  static final String PATH = "/generate";

  SglangBackend(URI baseUrl, BackendOptions options) {
    super("sglang", PATH, EnumSet.of(ConstraintForm.JSON_SCHEMA, ConstraintForm.GBNF, ConstraintForm.REGEX), ConstraintForm.GBNF, baseUrl, options, List.of());
  }

  @Override
  ObjectNode body(GenerationRequest request, ConstraintPlan plan) {
    ObjectNode body = Http.JSON.createObjectNode();
    body.put("text", request.prompt());
    ObjectNode sp = body.putObject("sampling_params");
    Sampling s = request.sampling();
    sp.put("max_new_tokens", s.maxTokens());
    sp.put("temperature", s.temperature());
    sp.put("top_p", s.topP());
    if (!s.stop().isEmpty()) sp.set("stop", strings(s.stop()));
    if (plan.form() != null) {
      switch (plan.form()) {
        case JSON_SCHEMA -> sp.put("json_schema", plan.payload());
        case GBNF, LARK -> sp.put("ebnf", plan.payload());
        case REGEX -> sp.put("regex", plan.payload());
      }
    }
    body.put("stream", request.stream());
    return body;
  }

  @Override
  void read(JsonNode answer, Result out) {
    out.text.append(text(answer, "/text"));
    meta(answer, out);
    out.finished = true;
  }

  @Override
  boolean readChunk(JsonNode chunk, Result out) {
    String soFar = text(chunk, "/text");
    out.text.setLength(0);
    out.text.append(soFar);
    meta(chunk, out);
    return true;
  }

  private void meta(JsonNode node, Result out) {
    JsonNode meta = node.path("meta_info");
    JsonNode finish = meta.path("finish_reason");
    if (finish.isObject()) {
      String type = finish.path("type").asText("");
      if (type.equals("abort")) {
        throw new BackendException(
            http.where(PATH) + " aborted the generation: " + http.redact(finish.path("message").asText("no reason given")),
            finish.path("status_code").asInt(0));
      }
      out.finishReason = type;
      out.finished = true;
    } else if (finish.isTextual()) {
      out.finishReason = finish.asText();
      out.finished = true;
    }
    JsonNode tokens = meta.path("completion_tokens");
    if (tokens.isInt()) out.completionTokens = tokens.asInt();
  }
}
