package dev.ananke.maze;

import dev.ananke.maze.backend.Sampling;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One generation request.
 *
 * @param intent what the code should do, in words
 * @param context source files or directories: extracted for constraints (unless {@code
 *     constraints} is given) and shown to the model
 * @param constraints a constraint set (JSON) to use instead of extracting {@code context}
 * @param target {@code module}, {@code new-function}, {@code function:NAME} or {@code type:NAME}
 * @param language the target language, null for the language of most constraints
 * @param backend a backend name known to the {@link Maze}
 * @param allowDegraded generate even when the backend cannot express a constraint, and say so
 */
public record MazeRequest(
    String intent,
    List<Path> context,
    @Nullable Path constraints,
    String target,
    @Nullable String language,
    String backend,
    Sampling sampling,
    boolean allowDegraded) {
  public MazeRequest {
    context = List.copyOf(context);
    if (context.isEmpty() && constraints == null) {
      throw new IllegalArgumentException("a request needs context files or a constraints file");
    }
  }
}
