package dev.ananke.clew.internal.treesitter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.fixtures.Fixture;
import dev.ananke.fixtures.Fixtures;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The arena parse ({@code ananke_parse}) exports exactly the tree tree-sitter's own allocator
 * gives, on every fixture, on input that outgrows the arena's first chunk, and on many threads at
 * once (each thread keeps its own spare chunk).
 */
class ArenaParseTest {

  static Stream<Fixture> fixtures() {
    return Fixtures.all().stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void fixtureTreesAreTheStockParsersTrees(Fixture fixture) {
    TsLanguage language = Grammars.language(fixture.language().directory());
    String text = fixture.source();
    int[] arena = ParsedTree.parse(language, text).flat().ints();
    assertArrayEquals(stockExport(language, text), arena, fixture.relativePath());
    assertEquals(arena.length / FlatTree.INTS, ParsedTree.parseOnly(language, text));
    assertEquals(ParsedTree.parseStock(language, text), ParsedTree.parseOnly(language, text));
  }

  @Test
  void deepNestingOutgrowsTheFirstChunk() {
    // a parse stack this deep takes far more than the first chunk's 64 bytes per source byte
    String text = "const x = " + "[".repeat(20_000) + "]".repeat(20_000) + ";\n";
    TsLanguage language = Grammars.language("typescript");
    FlatTree flat = ParsedTree.parse(language, text).flat();
    assertTrue(flat.size() > 20_000, "nodes: " + flat.size());
    assertArrayEquals(stockExport(language, text), flat.ints());
  }

  @Test
  void parsesOnManyThreadsGiveTheSameTrees() throws Exception {
    List<Fixture> fixtures = Fixtures.all().stream().filter(f -> f.source().length() < 60_000).toList();
    List<int[]> expected = new ArrayList<>();
    for (Fixture f : fixtures) expected.add(stockExport(Grammars.language(f.language().directory()), f.source()));
    for (int round = 0; round < 3; round++) { // new threads each round: their spare chunks are freed as they end
      try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
        List<Future<int[]>> results = new ArrayList<>();
        for (int repeat = 0; repeat < 3; repeat++) {
          for (Fixture f : fixtures) {
            results.add(pool.submit(() -> ParsedTree.parse(Grammars.language(f.language().directory()), f.source()).flat().ints()));
          }
        }
        for (int i = 0; i < results.size(); i++) {
          assertArrayEquals(expected.get(i % fixtures.size()), results.get(i).get(), fixtures.get(i % fixtures.size()).relativePath());
        }
      }
    }
  }

  /** The flat export of the tree the runtime's own API and allocator parse. */
  private static int[] stockExport(TsLanguage language, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    MemorySegment parser = TsApi.parserNew();
    try (Arena arena = Arena.ofConfined()) {
      assertTrue(TsApi.parserSetLanguage(parser, language.pointer()));
      MemorySegment input = arena.allocate(bytes.length + 1L);
      MemorySegment.copy(bytes, 0, input, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
      MemorySegment tree = TsApi.parseString(parser, input, bytes.length);
      try {
        return FlatTree.of(tree).ints();
      } finally {
        TsApi.treeDelete(tree);
      }
    } finally {
      TsApi.parserDelete(parser);
    }
  }
}
