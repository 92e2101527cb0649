package dev.ananke.clew.internal.treesitter;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.ananke.clew.spi.SyntaxNode;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The syntax tree of one source text, as a {@link FlatTree}: tree-sitter parses in an arena
 * ({@code ananke_parse}), the tree is exported in one native call and the arena released at
 * once, so a parsed tree holds no native memory.
 * {@link #close} is kept so callers stay correct should that change. Not thread-safe.
 */
public final class ParsedTree implements AutoCloseable {
  private final TsLanguage language;
  private final String text;
  private final byte[] source;
  /** Every character is ASCII, so byte offsets are char offsets: node text is a substring. */
  private final boolean ascii;
  private final FlatTree flat;

  private ParsedTree(TsLanguage language, String text, byte[] source, FlatTree flat) {
    this.language = language;
    this.text = text;
    this.source = source;
    this.ascii = source.length == text.length(); // UTF-8 is longer than UTF-16 for any non-ASCII char
    this.flat = flat;
  }

  /** Parses {@code text} and flattens the tree. */
  public static ParsedTree parse(TsLanguage language, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    MemorySegment parse = parseNative(language, bytes);
    try {
      return new ParsedTree(language, text, bytes, FlatTree.of(TsApi.parseTree(parse)));
    } finally {
      TsApi.parseRelease(parse);
    }
  }

  /**
   * Only parses, as {@link #parse} does (in an arena, released whole), for the baseline of the
   * benchmarks: the number of nodes of the tree.
   */
  public static int parseOnly(TsLanguage language, String text) {
    MemorySegment parse = parseNative(language, text.getBytes(StandardCharsets.UTF_8));
    try (Arena arena = Arena.ofConfined()) {
      return TsApi.descendantCount(TsApi.treeRoot(arena, TsApi.parseTree(parse)));
    } finally {
      TsApi.parseRelease(parse);
    }
  }

  /**
   * Parses with the runtime's own API and allocator, a fresh parser, and deletes the tree: what
   * any user of tree-sitter pays, the reference the benchmarks set the arena parse against.
   */
  public static int parseStock(TsLanguage language, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    MemorySegment parser = TsApi.parserNew();
    MemorySegment tree = MemorySegment.NULL;
    try (Arena arena = Arena.ofConfined()) {
      if (!TsApi.parserSetLanguage(parser, language.pointer())) throw incompatible(language);
      tree = TsApi.parseString(parser, copy(arena, bytes), bytes.length);
      if (tree.address() == 0) throw new IllegalStateException("tree-sitter returned no tree");
      return TsApi.descendantCount(TsApi.treeRoot(arena, tree));
    } finally {
      if (tree.address() != 0) TsApi.treeDelete(tree);
      TsApi.parserDelete(parser);
    }
  }

  private static MemorySegment parseNative(TsLanguage language, byte[] bytes) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment parse = TsApi.parse(language.pointer(), copy(arena, bytes), bytes.length);
      if (parse.address() == 0) throw incompatible(language);
      return parse;
    }
  }

  /** The text as a NUL-terminated native string: the parse reads it, and may read one past. */
  private static MemorySegment copy(Arena arena, byte[] bytes) {
    MemorySegment input = arena.allocate(bytes.length + 1L);
    MemorySegment.copy(bytes, 0, input, JAVA_BYTE, 0, bytes.length);
    return input;
  }

  private static IllegalStateException incompatible(TsLanguage language) {
    return new IllegalStateException("tree-sitter gave no tree: grammar " + language.name()
        + " may be incompatible with the tree-sitter runtime");
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

  /** The UTF-8 text of {@code [start, end)}. */
  public String text(int start, int end) {
    int s = Math.max(0, Math.min(start, source.length));
    int e = Math.max(s, Math.min(end, source.length));
    return ascii ? text.substring(s, e) : new String(source, s, e - s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    // nothing native is held: see the class comment
  }
}
