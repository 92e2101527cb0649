package dev.ananke.clew.internal.treesitter;

import io.github.treesitter.jtreesitter.Language;
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Query;
import io.github.treesitter.jtreesitter.QueryCursor;
import io.github.treesitter.jtreesitter.QueryMatch;
import io.github.treesitter.jtreesitter.Tree;
import java.lang.foreign.Arena;
import java.util.function.Consumer;

/**
 * A syntax tree of one source text, owning its native memory until {@link #close}. Nodes taken
 * from it must not be used after it is closed. Not thread-safe; use one per file.
 */
public final class ParsedTree implements AutoCloseable {
  private final Tree tree;
  private final Arena arena = Arena.ofConfined();

  private ParsedTree(Tree tree) {
    this.tree = tree;
  }

  /** Parses {@code text} (UTF-8 offsets in the tree) with a fresh parser. */
  public static ParsedTree parse(Language language, String text) {
    try (Parser parser = new Parser(language)) {
      Tree tree = parser.parse(text).orElseThrow(() -> new IllegalStateException("tree-sitter returned no tree"));
      return new ParsedTree(tree);
    }
  }

  public Node root() {
    return tree.getRootNode();
  }

  /**
   * Runs {@code query} over the whole tree and hands each match to {@code handler}, in document
   * order. The captured nodes are valid only during the call: they live in this tree's scratch
   * arena, reset by nothing but {@link #close}.
   */
  public void forEachMatch(Query query, Consumer<QueryMatch> handler) {
    try (QueryCursor cursor = new QueryCursor(query)) {
      cursor.findMatches(tree.getRootNode(), arena, new QueryCursor.Options((java.util.function.Predicate<QueryCursor.State>) null))
          .forEach(handler);
    }
  }

  @Override
  public void close() {
    arena.close();
    tree.close();
  }
}
