package dev.ananke.maze.backend;

import java.util.List;

/**
 * What a backend produced.
 *
 * @param model the model the server says it used
 * @param finishReason as the server reports it ({@code stop}, {@code length}, ...)
 * @param sent the constraint forms that reached the engine
 * @param notEnforced the parts of the IR the backend could not express (only with degradation allowed)
 */
public record Generation(
    String text, String model, String finishReason, int completionTokens, List<ConstraintForm> sent, List<String> notEnforced) {
  public Generation {
    sent = List.copyOf(sent);
    notEnforced = List.copyOf(notEnforced);
  }
}
