package dev.ananke.maze.backend;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/** Creates the HTTP backends by the names used on the command line. */
public final class Backends {
  /** The names {@link #create} takes, in the order the docs list them. */
  public static final List<String> HTTP_BACKENDS = List.of("vllm", "sglang", "llama.cpp", "openai");

  private Backends() {}

  /**
   * Creates the backend {@code name} speaking to the server at {@code baseUrl} (scheme, host, port
   * and an optional path prefix, without the API path: {@code http://localhost:8000}). The backend
   * owns an HTTP client: close it when done.
   *
   * @throws IllegalArgumentException for an unknown name or a base URL that is not http(s)
   */
  public static Backend create(String name, URI baseUrl, BackendOptions options) {
    Objects.requireNonNull(options, "options");
    String scheme = baseUrl.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("backend base URL must be http(s)://host[:port][/prefix], was " + baseUrl);
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("backend base URL must have no query or fragment, was " + baseUrl);
    }
    return switch (name) {
      case "vllm" -> new VllmBackend(baseUrl, options);
      case "sglang" -> new SglangBackend(baseUrl, options);
      case "llama.cpp" -> new LlamaCppBackend(baseUrl, options);
      case "openai" -> OpenAiBackend.create(baseUrl, options);
      default -> throw new IllegalArgumentException(
          "unknown backend '" + name + "', expected one of " + String.join(", ", HTTP_BACKENDS));
    };
  }
}
