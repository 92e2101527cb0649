package dev.ananke.maze.backend;

import java.util.Set;

/**
 * Something that generates text under constraints. Implementations are thread-safe; one instance
 * serves many requests. Closing a backend releases its connections (HTTP backends own a client).
 */
public interface Backend extends AutoCloseable {

  /** The name used on the command line ({@code vllm}, {@code sglang}, {@code llama.cpp}, {@code openai}, {@code local}). */
  String name();

  /** Which forms of constraint the backend can send to (or enforce in) its engine. */
  Set<ConstraintForm> supports();

  /**
   * Generates text for {@code request}.
   *
   * @throws BackendException when the server cannot be reached after retries, answers with an
   *     error, or cannot express a constraint of the request and degradation was not allowed
   */
  Generation generate(GenerationRequest request);

  /** Releases what the backend holds; the default holds nothing. Never throws. */
  @Override
  default void close() {}
}
