package dev.ananke.maze.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;

/**
 * vLLM's OpenAI-compatible server, {@code POST /v1/completions} with vLLM's {@code
 * structured_outputs} extension ({@code json}, {@code grammar}, {@code regex}; vLLM 0.12 removed
 * the older {@code guided_*} fields).
 *
 * <p>Completions, not chat: the orchestrator hands over the full prompt, and the constraint applies
 * to the raw continuation; a chat template would wrap the prompt in the model's turn markers (and,
 * for reasoning models, let it think before the constrained part). The grammar goes as GBNF: the
 * xgrammar backend (vLLM's default) reads GBNF/EBNF, and the guidance backend's {@code
 * grammar_from("grammar", ...)} reads GBNF as well as Lark, so GBNF works whichever backend the
 * server picks.
 */
final class VllmBackend extends HttpBackend {
  static final String PATH = "/v1/completions";

  VllmBackend(URI baseUrl, BackendOptions options) {
    super("vllm", PATH, EnumSet.of(ConstraintForm.JSON_SCHEMA, ConstraintForm.GBNF, ConstraintForm.REGEX), ConstraintForm.GBNF, baseUrl, options, List.of());
  }

  @Override
  ObjectNode body(GenerationRequest request, ConstraintPlan plan) {
    ObjectNode body = Http.JSON.createObjectNode();
    if (options.model() != null) body.put("model", options.model());
    body.put("prompt", request.prompt());
    Sampling s = request.sampling();
    body.put("max_tokens", s.maxTokens());
    body.put("temperature", s.temperature());
    body.put("top_p", s.topP());
    if (!s.stop().isEmpty()) body.set("stop", strings(s.stop()));
    if (s.seed() != null) body.put("seed", s.seed());
    body.put("stream", request.stream());
    if (request.stream()) body.putObject("stream_options").put("include_usage", true);
    if (plan.form() != null) {
      ObjectNode so = body.putObject("structured_outputs");
      switch (plan.form()) {
        case JSON_SCHEMA -> so.set("json", schema(plan));
        case GBNF, LARK -> so.put("grammar", plan.payload());
        case REGEX -> so.put("regex", plan.payload());
      }
    }
    return body;
  }

  @Override
  void read(JsonNode answer, Result out) {
    out.text.append(text(answer, "/choices/0/text"));
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
      out.text.append(choice.path("text").asText(""));
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
