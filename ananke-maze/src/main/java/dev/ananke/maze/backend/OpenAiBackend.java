package dev.ananke.maze.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Any OpenAI-compatible chat server, {@code POST /v1/chat/completions} with the prompt as one user
 * message. The only constraint form is {@code response_format: {"type": "json_schema",
 * "json_schema": {"name", "schema", "strict": true}}}; grammars, regexes and token masks cannot be
 * expressed (they fail, or with degradation are listed in {@link Generation#notEnforced()}).
 *
 * <p>The API key is read from the environment variable {@link BackendOptions#apiKeyEnv()} when the
 * backend is created and sent as {@code Authorization: Bearer}; it is redacted from every message.
 * {@code max_tokens} is sent (what compatible servers read; OpenAI's own reasoning models want
 * {@code max_completion_tokens} instead).
 */
final class OpenAiBackend extends HttpBackend {
  static final String PATH = "/v1/chat/completions";

  private final Map<String, String> headers;

  private OpenAiBackend(URI baseUrl, BackendOptions options, @Nullable String key) {
    super("openai", PATH, EnumSet.of(ConstraintForm.JSON_SCHEMA), null, baseUrl, options, key == null ? List.of() : List.of(key));
    this.headers = key == null ? Map.of() : Map.of("Authorization", "Bearer " + key);
  }

  static OpenAiBackend create(URI baseUrl, BackendOptions options) {
    @Nullable String key = options.environment().apply(options.apiKeyEnv());
    if (key == null || key.isBlank()) return new OpenAiBackend(baseUrl, options, null);
    String k = key.strip();
    // checked here so that the JDK's header validation, whose message may quote the value, never sees it
    if (!k.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "the API key in $" + options.apiKeyEnv() + " has characters an HTTP header cannot carry (spaces, control or non-ASCII)");
    }
    return new OpenAiBackend(baseUrl, options, k);
  }

  @Override
  Map<String, String> headers() {
    return headers;
  }

  @Override
  ObjectNode body(GenerationRequest request, ConstraintPlan plan) {
    ObjectNode body = Http.JSON.createObjectNode();
    if (options.model() != null) body.put("model", options.model());
    ObjectNode message = body.putArray("messages").addObject();
    message.put("role", "user");
    message.put("content", request.prompt());
    Sampling s = request.sampling();
    body.put("max_tokens", s.maxTokens());
    body.put("temperature", s.temperature());
    body.put("top_p", s.topP());
    if (!s.stop().isEmpty()) body.set("stop", strings(s.stop()));
    if (s.seed() != null) body.put("seed", s.seed());
    body.put("stream", request.stream());
    if (request.stream()) body.putObject("stream_options").put("include_usage", true);
    if (plan.form() == ConstraintForm.JSON_SCHEMA) {
      ObjectNode format = body.putObject("response_format");
      format.put("type", "json_schema");
      ObjectNode js = format.putObject("json_schema");
      js.put("name", schemaName(request.ir().target().name()));
      js.set("schema", schema(plan));
      js.put("strict", true);
    }
    return body;
  }

  /** OpenAI wants {@code [a-zA-Z0-9_-]{1,64}}. */
  static String schemaName(@Nullable String target) {
    if (target == null || target.isBlank()) return "output";
    String n = target.replaceAll("[^a-zA-Z0-9_-]", "_");
    return n.length() <= 64 ? n : n.substring(0, 64);
  }

  @Override
  void read(JsonNode answer, Result out) {
    JsonNode refusal = answer.at("/choices/0/message/refusal");
    if (refusal.isTextual() && !answer.at("/choices/0/message/content").isTextual()) {
      throw new BackendException(http.where(PATH) + ": the model refused: " + http.redact(refusal.asText()), 0);
    }
    out.text.append(text(answer, "/choices/0/message/content"));
    out.model = answer.path("model").asText(out.model);
    out.finishReason = answer.at("/choices/0/finish_reason").asText("");
    out.completionTokens = answer.at("/usage/completion_tokens").asInt(0);
    out.finished = true;
  }

  @Override
  boolean readChunk(JsonNode chunk, Result out) {
    if (chunk.hasNonNull("model")) out.model = chunk.get("model").asText();
    JsonNode choice = chunk.at("/choices/0");
    if (!choice.isMissingNode()) {
      JsonNode content = choice.at("/delta/content");
      if (content.isTextual()) out.text.append(content.asText());
      JsonNode finish = choice.get("finish_reason");
      if (finish != null && finish.isTextual()) {
        out.finishReason = finish.asText();
        out.finished = true; // complete even if the server closes without [DONE]
      }
    }
    JsonNode tokens = chunk.at("/usage/completion_tokens");
    if (tokens.isInt()) out.completionTokens = tokens.asInt();
    return true;
  }
}
