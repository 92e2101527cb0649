package dev.ananke.maze.local;

/**
 * A language model seen from the sampler: scores for every token id given the tokens so far.
 * Implementations need not be thread-safe; the local backend uses one per generation.
 */
public interface LogitsSource {

  /** Fills {@code logits} (one per model token id) for the next position after {@code context}. */
  void logits(int[] context, int length, float[] logits);
}
