package dev.ananke.clew.internal.treesitter;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.ananke.clew.spi.SyntaxNode;
import io.github.treesitter.jtreesitter.Point;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The syntax tree of one source text, as a {@link FlatTree}: tree-sitter parses, the tree is
 * exported in one native call and freed at once, so a parsed tree holds no native memory.
 * {@link #close} hands the flat array to the thread's next tree, so nothing read from this tree
 * (its nodes) may be used after it. Not thread-safe.
 */
public final class ParsedTree implements AutoCloseable {
  private final TsLanguage language;
  private final String text;
  private final byte[] source;
  /** Every character is ASCII, so byte offsets are char offsets: node text is a substring. */
  private final boolean ascii;
  private final FlatTree flat;
  private int @Nullable [] lineStarts;
  private int lineCount;
  /** The row of the last {@link #point}: origins are mostly asked for in document order. */
  private int lastRow;

  private ParsedTree(TsLanguage language, String text, byte[] source, FlatTree flat) {
    this.language = language;
    this.text = text;
    this.source = source;
    this.ascii = source.length == text.length(); // UTF-8 is longer than UTF-16 for any non-ASCII char
    this.flat = flat;
  }

  /** Parses {@code text} with a fresh parser and flattens the tree. */
  public static ParsedTree parse(TsLanguage language, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    MemorySegment tree = parseNative(language, bytes);
    try {
      return new ParsedTree(language, text, bytes, FlatTree.of(tree));
    } finally {
      TsApi.treeDelete(tree);
    }
  }

  /** Only parses, for the baseline of the benchmarks: the number of nodes of the tree. */
  public static int parseOnly(TsLanguage language, String text) {
    MemorySegment tree = parseNative(language, text.getBytes(StandardCharsets.UTF_8));
    try (Arena arena = Arena.ofConfined()) {
      return TsApi.descendantCount(TsApi.treeRoot(arena, tree));
    } finally {
      TsApi.treeDelete(tree);
    }
  }

  private static MemorySegment parseNative(TsLanguage language, byte[] bytes) {
    MemorySegment parser = TsApi.parserNew();
    try (Arena arena = Arena.ofConfined()) {
      if (!TsApi.parserSetLanguage(parser, language.pointer())) {
        throw new IllegalStateException("grammar " + language.name() + " is incompatible with the tree-sitter runtime");
      }
      MemorySegment input = arena.allocate(bytes.length + 1L);
      MemorySegment.copy(bytes, 0, input, JAVA_BYTE, 0, bytes.length);
      MemorySegment tree = TsApi.parseString(parser, input, bytes.length);
      if (tree.address() == 0) throw new IllegalStateException("tree-sitter returned no tree");
      return tree;
    } finally {
      TsApi.parserDelete(parser);
    }
  }

  public SyntaxNode root() {
    return new SyntaxNode(this, 0);
  }

  public TsLanguage language() {
    return language;
  }

  public FlatTree flat() {
    return flat;
  }

  /**
   * The row and column (0-based; the column in bytes) of a byte offset, as tree-sitter's lexer
   * counts them: a row per '\n' before it, a column per byte since. The flat tree keeps byte
   * offsets only; positions are asked for a few nodes (origins).
   */
  public Point point(int offset) {
    int at = Math.max(0, offset);
    int[] starts = lineStarts();
    int row = lastRow;
    if (at < starts[row]) {
      int i = Arrays.binarySearch(starts, 0, row, at);
      row = i >= 0 ? i : -i - 2;
    } else {
      // forward from the last row: a few steps when it is close, a binary search when it is not
      for (int steps = 0; row + 1 < lineCount && starts[row + 1] <= at; row++) {
        if (++steps == 8) {
          int i = Arrays.binarySearch(starts, row + 1, lineCount, at);
          row = i >= 0 ? i : -i - 2;
          break;
        }
      }
    }
    lastRow = row;
    return new Point(row, at - starts[row]);
  }

  /** Where each row starts, in bytes (the first {@link #lineCount}); found on first use. */
  private int[] lineStarts() {
    int[] starts = lineStarts;
    if (starts != null) return starts;
    starts = new int[64];
    int n = 1;
    for (int i = nextNewline(0); i >= 0; i = nextNewline(i + 1)) {
      if (n == starts.length) starts = Arrays.copyOf(starts, 2 * n);
      starts[n++] = i + 1;
    }
    lineCount = n;
    return lineStarts = starts;
  }

  /** The byte offset of the next '\n' from {@code from}, or -1. */
  private int nextNewline(int from) {
    // in ASCII text a char offset is a byte offset, and String.indexOf scans with vector instructions
    if (ascii) return text.indexOf('\n', from);
    for (int i = from; i < source.length; i++) {
      if (source[i] == '\n') return i;
    }
    return -1;
  }

  /** The UTF-8 text of {@code [start, end)}. */
  public String text(int start, int end) {
    int s = Math.max(0, Math.min(start, source.length));
    int e = Math.max(s, Math.min(end, source.length));
    return ascii ? text.substring(s, e) : new String(source, s, e - s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    flat.release();
  }
}
