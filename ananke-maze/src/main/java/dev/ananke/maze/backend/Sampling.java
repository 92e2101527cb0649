package dev.ananke.maze.backend;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sampling parameters, as the OpenAI-style APIs name them.
 *
 * @param seed null to let the server choose
 */
public record Sampling(int maxTokens, double temperature, double topP, List<String> stop, @Nullable Long seed) {
  public static final Sampling DEFAULT = new Sampling(512, 0.2, 0.95, List.of(), null);

  public Sampling {
    if (maxTokens < 1) throw new IllegalArgumentException("max tokens must be >= 1, was " + maxTokens);
    if (!(temperature >= 0 && temperature <= 2)) throw new IllegalArgumentException("temperature must be in [0, 2], was " + temperature);
    if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("top-p must be in (0, 1], was " + topP);
    stop = List.copyOf(stop);
  }
}
