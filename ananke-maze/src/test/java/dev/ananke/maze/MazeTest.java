package dev.ananke.maze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.error.BadInputException;
import dev.ananke.maze.backend.Sampling;
import dev.ananke.maze.local.LocalBackend;
import dev.ananke.tokens.KnownTokenizer;
import dev.ananke.tokens.TokenizerCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orchestrator end to end with the in-process backend: provenance, validation, caching. */
class MazeTest {
  private static final String SOURCE = """
      export interface Account {
        id: string;
        balance: number;
      }

      export function settleAccount(account: Account, amount: number): number {
        const newBalance = account.balance - amount;
        return newBalance;
      }
      """;

  @Test
  void generatesValidatesAndCachesEachStage(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("accounts.ts");
    Files.writeString(src, SOURCE);
    try (Maze maze = Maze.builder().backend(LocalBackend.random(TokenizerCache.load(KnownTokenizer.LLAMA3_1))).build()) {
      MazeRequest request = new MazeRequest("settle an account", List.of(src), null, "function:settleAccount", null, "local",
          new Sampling(40, 1.0, 1.0, List.of(), 3L), false);
      MazeResult first = maze.generate(request);
      assertTrue(first.code().startsWith("function settleAccount(account: Account, amount: number): number"), first.code());
      assertTrue(first.validation().checks().stream().anyMatch(c -> c.name().equals("grammar") && c.satisfied()), first.validation().toString());
      assertEquals("local", first.provenance().backend());
      assertEquals("settle an account", first.provenance().intent());
      assertTrue(first.provenance().constraintsApplied().size() >= 1);
      assertTrue(first.timings().generateNanos() > 0);

      MazeResult second = maze.generate(request);
      assertEquals(first.code(), second.code(), "same seed, same output");
      assertEquals(1, maze.extractionCacheStats().hitCount());
      assertEquals(1, maze.compilationCacheStats().hitCount());

      Files.writeString(src, SOURCE.replace("amount", "value"));
      maze.generate(new MazeRequest("settle", List.of(src), null, "function:settleAccount", null, "local",
          new Sampling(40, 1.0, 1.0, List.of(), 3L), false));
      assertEquals(2, maze.extractionCacheStats().missCount(), "a changed file is extracted again");
    }
  }

  @Test
  void anUnknownBackendIsBadInput(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("a.ts");
    Files.writeString(src, SOURCE);
    try (Maze maze = Maze.builder().build()) {
      BadInputException e = assertThrows(BadInputException.class, () -> maze.generate(new MazeRequest("x", List.of(src), null,
          "module", null, "vllm", Sampling.DEFAULT, false)));
      assertTrue(e.getMessage().contains("unknown backend"), e.getMessage());
    }
  }
}
