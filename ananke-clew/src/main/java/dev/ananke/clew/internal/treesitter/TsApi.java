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
 * The downcalls Clew makes into the tree-sitter runtime: parse, flatten the tree
 * ({@code ananke_flatten}, compiled into the runtime library from {@code src/main/c}), free it,
 * and read a grammar's symbol and field names.
 *
 * <p>Why not jtreesitter's {@code Node} and {@code QueryCursor} for the walk: each jtreesitter
 * node opens an automatic arena that registers with a {@code Cleaner} (1 to 5 us per node,
 * measured here), {@code ts_node_parent} searches from the root, and the native query cursor
 * cost half a parse on our queries. Exporting the tree once and reading it in Java
 * ({@link FlatTree}, {@link FlatQuery}) avoids all three. jtreesitter still loads and validates
 * the grammars ({@link Grammars}).
 */
final class TsApi {
  private TsApi() {}

  /** {@code TSNode}: {@code uint32_t context[4]; const void *id; const TSTree *tree;} */
  static final StructLayout NODE = MemoryLayout.structLayout(
      MemoryLayout.sequenceLayout(4, JAVA_INT).withName("context"), ADDRESS.withName("id"), ADDRESS.withName("tree"));

  private static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup RUNTIME =
      SymbolLookup.libraryLookup(NativeLibraries.library("tree-sitter"), Arena.global());

  private static MethodHandle fn(String name, FunctionDescriptor d, Linker.Option... options) {
    MemorySegment address = RUNTIME.find(name)
        .orElseThrow(() -> new IllegalStateException("tree-sitter runtime lacks " + name + ": rebuild ananke-clew"));
    return LINKER.downcallHandle(address, d, options);
  }

  private static final MethodHandle PARSER_NEW = fn("ts_parser_new", FunctionDescriptor.of(ADDRESS));
  private static final MethodHandle PARSER_DELETE = fn("ts_parser_delete", FunctionDescriptor.ofVoid(ADDRESS));
  private static final MethodHandle PARSER_SET_LANGUAGE =
      fn("ts_parser_set_language", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, ADDRESS));
  private static final MethodHandle PARSER_PARSE_STRING =
      fn("ts_parser_parse_string", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT));
  private static final MethodHandle TREE_DELETE = fn("ts_tree_delete", FunctionDescriptor.ofVoid(ADDRESS));
  private static final MethodHandle TREE_ROOT = fn("ts_tree_root_node", FunctionDescriptor.of(NODE, ADDRESS));
  private static final MethodHandle NODE_DESCENDANT_COUNT =
      fn("ts_node_descendant_count", FunctionDescriptor.of(JAVA_INT, NODE));
  /**
   * Critical, with heap access: the flat tree is written straight into a Java {@code int[]} (no
   * native buffer to allocate, clear and copy out), and the call makes no thread-state
   * transition. It neither blocks nor calls back; it runs for well under a parse.
   */
  private static final MethodHandle FLATTEN =
      fn("ananke_flatten", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS), Linker.Option.critical(true));
  private static final MethodHandle NODE_COUNT =
      fn("ananke_node_count", FunctionDescriptor.of(JAVA_INT, ADDRESS), Linker.Option.critical(false));
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

  static MemorySegment treeRoot(SegmentAllocator a, MemorySegment tree) {
    try {
      return (MemorySegment) TREE_ROOT.invokeExact(a, tree);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static int descendantCount(MemorySegment node) {
    try {
      return (int) NODE_DESCENDANT_COUNT.invokeExact(node);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  /** {@code ananke_node_count}: the nodes {@link #flatten} writes. */
  static int nodeCount(MemorySegment tree) {
    try {
      return (int) NODE_COUNT.invokeExact(tree);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  /**
   * {@code ananke_flatten}: nodes written, or minus the room needed, or INT_MIN out of memory.
   * {@code out} may be a heap segment ({@code MemorySegment.ofArray(int[])}).
   */
  static int flatten(MemorySegment tree, int capacity, MemorySegment out) {
    try {
      return (int) FLATTEN.invokeExact(tree, capacity, out);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  static String fieldName(MemorySegment language, short field) {
    try {
      MemorySegment s = (MemorySegment) LANGUAGE_FIELD_NAME.invokeExact(language, field);
      return s.address() == 0 ? "" : s.reinterpret(Integer.MAX_VALUE).getString(0);
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
