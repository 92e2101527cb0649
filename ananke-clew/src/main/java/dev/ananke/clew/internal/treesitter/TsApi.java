package dev.ananke.clew.internal.treesitter;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * Direct downcalls into the tree-sitter runtime for the hot path: parsing, walking nodes and
 * running queries.
 *
 * <p>Why not jtreesitter's {@code Node}: each of its nodes opens an automatic arena, which
 * registers with a {@code Cleaner}; measured here, 1 to 5 us per node against about 20 ns for a
 * downcall, so extracting from a 1,000-line file cost three times its parse. Here a node is 32
 * bytes bump-allocated from its tree's slab ({@link Slab}) and freed with the tree. The small
 * node functions are called as critical downcalls (no thread-state transition): they neither
 * block nor call back. jtreesitter still loads and validates grammars ({@link Grammars}).
 */
public final class TsApi {
  private TsApi() {}

  /** {@code TSNode}: {@code uint32_t context[4]; const void *id; const TSTree *tree;} */
  public static final StructLayout NODE = MemoryLayout.structLayout(
      MemoryLayout.sequenceLayout(4, JAVA_INT).withName("context"), ADDRESS.withName("id"), ADDRESS.withName("tree"));
  /** {@code TSPoint}: {@code uint32_t row, column;} */
  public static final StructLayout POINT = MemoryLayout.structLayout(JAVA_INT.withName("row"), JAVA_INT.withName("column"));
  /** {@code TSQueryMatch}: {@code uint32_t id; uint16_t pattern_index, capture_count; const TSQueryCapture *captures;} */
  static final StructLayout QUERY_MATCH = MemoryLayout.structLayout(
      JAVA_INT.withName("id"), JAVA_SHORT.withName("pattern_index"), JAVA_SHORT.withName("capture_count"),
      ADDRESS.withName("captures"));
  /** {@code TSQueryCapture}: {@code TSNode node; uint32_t index;} (padded to 40 bytes). */
  static final StructLayout QUERY_CAPTURE = MemoryLayout.structLayout(
      NODE.withName("node"), JAVA_INT.withName("index"), MemoryLayout.paddingLayout(4));

  static final long NODE_ID_OFFSET = 16;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup RUNTIME =
      SymbolLookup.libraryLookup(NativeLibraries.library("tree-sitter"), Arena.global());
  private static final Linker.Option CRITICAL = Linker.Option.critical(false);

  private static MethodHandle fn(String name, FunctionDescriptor d, Linker.Option... options) {
    MemorySegment address = RUNTIME.find(name)
        .orElseThrow(() -> new IllegalStateException("tree-sitter runtime lacks " + name));
    return LINKER.downcallHandle(address, d, options);
  }

  // Parser and tree (not critical: parsing takes milliseconds and must not hold off the GC).
  private static final MethodHandle PARSER_NEW = fn("ts_parser_new", FunctionDescriptor.of(ADDRESS));
  private static final MethodHandle PARSER_DELETE = fn("ts_parser_delete", FunctionDescriptor.ofVoid(ADDRESS));
  private static final MethodHandle PARSER_SET_LANGUAGE =
      fn("ts_parser_set_language", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, ADDRESS));
  private static final MethodHandle PARSER_PARSE_STRING =
      fn("ts_parser_parse_string", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT));
  private static final MethodHandle TREE_DELETE = fn("ts_tree_delete", FunctionDescriptor.ofVoid(ADDRESS));
  private static final MethodHandle TREE_ROOT = fn("ts_tree_root_node", FunctionDescriptor.of(NODE, ADDRESS), CRITICAL);

  private static final MethodHandle FLATTEN =
      fn("ananke_flatten", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));

  // Nodes.
  private static final MethodHandle NODE_SYMBOL = fn("ts_node_symbol", FunctionDescriptor.of(JAVA_SHORT, NODE), CRITICAL);
  private static final MethodHandle NODE_START_BYTE = fn("ts_node_start_byte", FunctionDescriptor.of(JAVA_INT, NODE), CRITICAL);
  private static final MethodHandle NODE_END_BYTE = fn("ts_node_end_byte", FunctionDescriptor.of(JAVA_INT, NODE), CRITICAL);
  private static final MethodHandle NODE_START_POINT = fn("ts_node_start_point", FunctionDescriptor.of(POINT, NODE), CRITICAL);
  private static final MethodHandle NODE_END_POINT = fn("ts_node_end_point", FunctionDescriptor.of(POINT, NODE), CRITICAL);
  private static final MethodHandle NODE_CHILD_COUNT = fn("ts_node_child_count", FunctionDescriptor.of(JAVA_INT, NODE), CRITICAL);
  private static final MethodHandle NODE_NAMED_CHILD_COUNT =
      fn("ts_node_named_child_count", FunctionDescriptor.of(JAVA_INT, NODE), CRITICAL);
  private static final MethodHandle NODE_CHILD = fn("ts_node_child", FunctionDescriptor.of(NODE, NODE, JAVA_INT), CRITICAL);
  private static final MethodHandle NODE_NAMED_CHILD =
      fn("ts_node_named_child", FunctionDescriptor.of(NODE, NODE, JAVA_INT), CRITICAL);
  private static final MethodHandle NODE_CHILD_BY_FIELD_ID =
      fn("ts_node_child_by_field_id", FunctionDescriptor.of(NODE, NODE, JAVA_SHORT), CRITICAL);
  private static final MethodHandle NODE_FIELD_NAME_FOR_CHILD =
      fn("ts_node_field_name_for_child", FunctionDescriptor.of(ADDRESS, NODE, JAVA_INT), CRITICAL);
  private static final MethodHandle NODE_PARENT = fn("ts_node_parent", FunctionDescriptor.of(NODE, NODE), CRITICAL);
  private static final MethodHandle NODE_IS_NAMED = fn("ts_node_is_named", FunctionDescriptor.of(JAVA_BOOLEAN, NODE), CRITICAL);
  private static final MethodHandle NODE_IS_MISSING = fn("ts_node_is_missing", FunctionDescriptor.of(JAVA_BOOLEAN, NODE), CRITICAL);
  private static final MethodHandle NODE_IS_ERROR = fn("ts_node_is_error", FunctionDescriptor.of(JAVA_BOOLEAN, NODE), CRITICAL);
  private static final MethodHandle NODE_HAS_ERROR = fn("ts_node_has_error", FunctionDescriptor.of(JAVA_BOOLEAN, NODE), CRITICAL);
  private static final MethodHandle NODE_DESCENDANT_COUNT =
      fn("ts_node_descendant_count", FunctionDescriptor.of(JAVA_INT, NODE), CRITICAL);

  // Queries.
  private static final MethodHandle QUERY_NEW =
      fn("ts_query_new", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
  private static final MethodHandle QUERY_DELETE = fn("ts_query_delete", FunctionDescriptor.ofVoid(ADDRESS));
  private static final MethodHandle QUERY_CAPTURE_COUNT = fn("ts_query_capture_count", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle QUERY_CAPTURE_NAME =
      fn("ts_query_capture_name_for_id", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
  private static final MethodHandle QUERY_PATTERN_COUNT = fn("ts_query_pattern_count", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle QUERY_PREDICATES =
      fn("ts_query_predicates_for_pattern", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
  private static final MethodHandle QUERY_STRING_VALUE =
      fn("ts_query_string_value_for_id", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
  private static final MethodHandle CURSOR_NEW = fn("ts_query_cursor_new", FunctionDescriptor.of(ADDRESS));
  private static final MethodHandle CURSOR_DELETE = fn("ts_query_cursor_delete", FunctionDescriptor.ofVoid(ADDRESS));
  private static final MethodHandle CURSOR_EXEC =
      fn("ts_query_cursor_exec", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, NODE));
  private static final MethodHandle CURSOR_NEXT_MATCH =
      fn("ts_query_cursor_next_match", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, ADDRESS));

  // Languages.
  private static final MethodHandle LANGUAGE_FIELD_ID =
      fn("ts_language_field_id_for_name", FunctionDescriptor.of(JAVA_SHORT, ADDRESS, ADDRESS, JAVA_INT));
  private static final MethodHandle LANGUAGE_FIELD_NAME =
      fn("ts_language_field_name_for_id", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_SHORT));
  private static final MethodHandle LANGUAGE_SYMBOL_NAME =
      fn("ts_language_symbol_name", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_SHORT));
  private static final MethodHandle LANGUAGE_SYMBOL_COUNT =
      fn("ts_language_symbol_count", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle LANGUAGE_FIELD_COUNT =
      fn("ts_language_field_count", FunctionDescriptor.of(JAVA_INT, ADDRESS));

  /** Rethrows what a downcall cannot throw but {@code invokeExact} declares. */
  private static RuntimeException fail(Throwable t) {
    if (t instanceof RuntimeException r) return r;
    if (t instanceof Error e) throw e;
    return new IllegalStateException(t);
  }

  static MemorySegment parserNew() {
    try {
      return (MemorySegment) PARSER_NEW.invokeExact();
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static void parserDelete(MemorySegment parser) {
    try {
      PARSER_DELETE.invokeExact(parser);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static boolean parserSetLanguage(MemorySegment parser, MemorySegment language) {
    try {
      return (boolean) PARSER_SET_LANGUAGE.invokeExact(parser, language);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static MemorySegment parseString(MemorySegment parser, MemorySegment text, int length) {
    try {
      return (MemorySegment) PARSER_PARSE_STRING.invokeExact(parser, MemorySegment.NULL, text, length);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static void treeDelete(MemorySegment tree) {
    try {
      TREE_DELETE.invokeExact(tree);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  /** {@code ananke_flatten} (src/main/c/ananke_flatten.c): nodes written, or minus the room needed. */
  static int flatten(MemorySegment tree, int capacity, MemorySegment out) {
    try {
      return (int) FLATTEN.invokeExact(tree, capacity, out);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static MemorySegment treeRoot(SegmentAllocator a, MemorySegment tree) {
    try {
      return (MemorySegment) TREE_ROOT.invokeExact(a, tree);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static short symbol(MemorySegment node) {
    try {
      return (short) NODE_SYMBOL.invokeExact(node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static int startByte(MemorySegment node) {
    try {
      return (int) NODE_START_BYTE.invokeExact(node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static int endByte(MemorySegment node) {
    try {
      return (int) NODE_END_BYTE.invokeExact(node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  /** The start point as {@code row << 32 | column}. */
  public static long startPoint(SegmentAllocator a, MemorySegment node) {
    try {
      MemorySegment p = (MemorySegment) NODE_START_POINT.invokeExact(a, node);
      return ((long) p.get(JAVA_INT, 0) << 32) | (p.get(JAVA_INT, 4) & 0xFFFFFFFFL);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  /** The end point as {@code row << 32 | column}. */
  public static long endPoint(SegmentAllocator a, MemorySegment node) {
    try {
      MemorySegment p = (MemorySegment) NODE_END_POINT.invokeExact(a, node);
      return ((long) p.get(JAVA_INT, 0) << 32) | (p.get(JAVA_INT, 4) & 0xFFFFFFFFL);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static int childCount(MemorySegment node) {
    try {
      return (int) NODE_CHILD_COUNT.invokeExact(node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static int namedChildCount(MemorySegment node) {
    try {
      return (int) NODE_NAMED_CHILD_COUNT.invokeExact(node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static MemorySegment child(SegmentAllocator a, MemorySegment node, int index) {
    try {
      return (MemorySegment) NODE_CHILD.invokeExact(a, node, index);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static MemorySegment namedChild(SegmentAllocator a, MemorySegment node, int index) {
    try {
      return (MemorySegment) NODE_NAMED_CHILD.invokeExact(a, node, index);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static MemorySegment childByFieldId(SegmentAllocator a, MemorySegment node, short field) {
    try {
      return (MemorySegment) NODE_CHILD_BY_FIELD_ID.invokeExact(a, node, field);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  /** The address of the field name of child {@code index} (compare with {@link #fieldNameAddress}). */
  public static long fieldNameForChild(MemorySegment node, int index) {
    try {
      return ((MemorySegment) NODE_FIELD_NAME_FOR_CHILD.invokeExact(node, index)).address();
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static MemorySegment parent(SegmentAllocator a, MemorySegment node) {
    try {
      return (MemorySegment) NODE_PARENT.invokeExact(a, node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static boolean isNamed(MemorySegment node) {
    try {
      return (boolean) NODE_IS_NAMED.invokeExact(node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static boolean isMissing(MemorySegment node) {
    try {
      return (boolean) NODE_IS_MISSING.invokeExact(node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static boolean isError(MemorySegment node) {
    try {
      return (boolean) NODE_IS_ERROR.invokeExact(node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static boolean hasError(MemorySegment node) {
    try {
      return (boolean) NODE_HAS_ERROR.invokeExact(node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  public static int descendantCount(MemorySegment node) {
    try {
      return (int) NODE_DESCENDANT_COUNT.invokeExact(node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  /** Whether the node is the null node (its id pointer is null). */
  public static boolean isNull(MemorySegment node) {
    return node.get(ADDRESS, NODE_ID_OFFSET).address() == 0;
  }

  public static long id(MemorySegment node) {
    return node.get(ADDRESS, NODE_ID_OFFSET).address();
  }

  static MemorySegment queryNew(MemorySegment language, MemorySegment source, int length,
      MemorySegment errorOffset, MemorySegment errorType) {
    try {
      return (MemorySegment) QUERY_NEW.invokeExact(language, source, length, errorOffset, errorType);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static void queryDelete(MemorySegment query) {
    try {
      QUERY_DELETE.invokeExact(query);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static int queryCaptureCount(MemorySegment query) {
    try {
      return (int) QUERY_CAPTURE_COUNT.invokeExact(query);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static String queryCaptureName(MemorySegment query, int id) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment length = arena.allocate(JAVA_INT);
      MemorySegment name = (MemorySegment) QUERY_CAPTURE_NAME.invokeExact(query, id, length);
      return name.reinterpret(length.get(JAVA_INT, 0) + 1L).getString(0);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static int queryPatternCount(MemorySegment query) {
    try {
      return (int) QUERY_PATTERN_COUNT.invokeExact(query);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  /** The predicate steps of a pattern as {@code type, value_id} int pairs (type 0 done, 1 capture, 2 string). */
  static int[] queryPredicates(MemorySegment query, int pattern) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment count = arena.allocate(JAVA_INT);
      MemorySegment steps = (MemorySegment) QUERY_PREDICATES.invokeExact(query, pattern, count);
      int n = count.get(JAVA_INT, 0);
      return n == 0 ? new int[0] : steps.reinterpret(n * 8L).toArray(JAVA_INT);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static String queryStringValue(MemorySegment query, int id) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment length = arena.allocate(JAVA_INT);
      MemorySegment value = (MemorySegment) QUERY_STRING_VALUE.invokeExact(query, id, length);
      return value.reinterpret(length.get(JAVA_INT, 0) + 1L).getString(0);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static MemorySegment cursorNew() {
    try {
      return (MemorySegment) CURSOR_NEW.invokeExact();
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static void cursorDelete(MemorySegment cursor) {
    try {
      CURSOR_DELETE.invokeExact(cursor);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static void cursorExec(MemorySegment cursor, MemorySegment query, MemorySegment node) {
    try {
      CURSOR_EXEC.invokeExact(cursor, query, node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static boolean cursorNextMatch(MemorySegment cursor, MemorySegment match) {
    try {
      return (boolean) CURSOR_NEXT_MATCH.invokeExact(cursor, match);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static short fieldId(MemorySegment language, String name) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment s = arena.allocateFrom(name);
      return (short) LANGUAGE_FIELD_ID.invokeExact(language, s, (int) (s.byteSize() - 1));
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static long fieldNameAddress(MemorySegment language, short field) {
    try {
      return ((MemorySegment) LANGUAGE_FIELD_NAME.invokeExact(language, field)).address();
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static int symbolCount(MemorySegment language) {
    try {
      return (int) LANGUAGE_SYMBOL_COUNT.invokeExact(language);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static int fieldCount(MemorySegment language) {
    try {
      return (int) LANGUAGE_FIELD_COUNT.invokeExact(language);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static String symbolName(MemorySegment language, short symbol) {
    try {
      MemorySegment s = (MemorySegment) LANGUAGE_SYMBOL_NAME.invokeExact(language, symbol);
      return s.address() == 0 ? "" : s.reinterpret(Integer.MAX_VALUE).getString(0);
    } catch (Throwable t) {
      throw fail(t);
    }
  }
}
