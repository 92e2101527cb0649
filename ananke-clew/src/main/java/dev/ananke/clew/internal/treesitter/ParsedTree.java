package dev.ananke.clew.internal.treesitter;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.ananke.clew.spi.Match;
import dev.ananke.clew.spi.SyntaxNode;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The syntax tree of one source text, owning its native memory (the tree, the text, every node
 * handed out) until {@link #close}. Nodes taken from it must not be used after that. Confined to
 * the thread that parsed: use one per file.
 */
public final class ParsedTree implements AutoCloseable {
  private final TsLanguage language;
  private final byte[] source;
  private final Arena arena;
  private final Slab slab;
  private final MemorySegment tree;

  private ParsedTree(TsLanguage language, byte[] source, Arena arena, MemorySegment tree) {
    this.language = language;
    this.source = source;
    this.arena = arena;
    this.slab = new Slab(arena);
    this.tree = tree;
  }

  /** Parses {@code text} with a fresh parser. */
  public static ParsedTree parse(TsLanguage language, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Arena arena = Arena.ofConfined();
    MemorySegment parser = TsApi.parserNew();
    try {
      if (!TsApi.parserSetLanguage(parser, language.pointer())) {
        throw new IllegalStateException("grammar " + language.name() + " is incompatible with the tree-sitter runtime");
      }
      MemorySegment input = arena.allocate(bytes.length + 1L);
      MemorySegment.copy(bytes, 0, input, JAVA_BYTE, 0, bytes.length);
      MemorySegment tree = TsApi.parseString(parser, input, bytes.length);
      if (tree.address() == 0) throw new IllegalStateException("tree-sitter returned no tree");
      return new ParsedTree(language, bytes, arena, tree);
    } catch (RuntimeException e) {
      arena.close();
      throw e;
    } finally {
      TsApi.parserDelete(parser);
    }
  }

  public SyntaxNode root() {
    return new SyntaxNode(this, TsApi.treeRoot(slab, tree));
  }

  public TsLanguage language() {
    return language;
  }

  /** Where this tree's nodes are allocated. */
  public SegmentAllocator allocator() {
    return slab;
  }

  /** The UTF-8 text of {@code [start, end)}. */
  public String text(int start, int end) {
    int s = Math.max(0, Math.min(start, source.length));
    int e = Math.max(s, Math.min(end, source.length));
    return new String(source, s, e - s, StandardCharsets.UTF_8);
  }

  /** Runs {@code query} over the whole tree; matches in the order tree-sitter completes them. */
  public List<Match> matches(TsQuery query) {
    List<Match> out = new ArrayList<>();
    MemorySegment cursor = TsApi.cursorNew();
    try {
      TsApi.cursorExec(cursor, query.pointer(), TsApi.treeRoot(slab, tree));
      MemorySegment match = arena.allocate(TsApi.QUERY_MATCH);
      long captureSize = TsApi.QUERY_CAPTURE.byteSize();
      long nodeSize = TsApi.NODE.byteSize();
      while (TsApi.cursorNextMatch(cursor, match)) {
        int pattern = Short.toUnsignedInt(match.get(JAVA_SHORT, 4));
        int count = Short.toUnsignedInt(match.get(JAVA_SHORT, 6));
        MemorySegment captures = match.get(ValueLayout.ADDRESS, 8).reinterpret(count * captureSize);
        List<Match.Capture> list = new ArrayList<>(count);
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
          MemorySegment node = slab.allocate(TsApi.NODE);
          MemorySegment.copy(captures, i * captureSize, node, 0, nodeSize);
          ids[i] = captures.get(JAVA_INT, i * captureSize + nodeSize);
          list.add(new Match.Capture(query.captureName(ids[i]), new SyntaxNode(this, node)));
        }
        if (query.hasPredicates(pattern) && !query.accepts(pattern, id -> {
          for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) return list.get(i).node().getText();
          }
          return null;
        })) {
          continue;
        }
        Match m = Match.of(list);
        if (m != null) out.add(m);
      }
    } finally {
      TsApi.cursorDelete(cursor);
    }
    return out;
  }

  @Override
  public void close() {
    TsApi.treeDelete(tree);
    arena.close();
  }
}
