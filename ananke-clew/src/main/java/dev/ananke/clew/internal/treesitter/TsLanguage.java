package dev.ananke.clew.internal.treesitter;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

/**
 * A loaded grammar as the hot path needs it: its {@code TSLanguage*}, the names of its symbols
 * (a node's type is an array lookup) and its field ids. Immutable and shared by all threads.
 */
public final class TsLanguage {
  private final String name;
  private final MemorySegment pointer;
  private final String[] symbolNames;
  /**
   * The field ids as an open-addressing table (by the name's hash, linear probing):
   * {@link #fieldId} runs for every field lookup of every extractor, and a boxed HashMap lookup
   * with its collision chains showed in profiles.
   */
  private final String[] fieldTableKeys;
  private final short[] fieldTableIds;

  TsLanguage(String name, MemorySegment pointer) {
    this.name = name;
    this.pointer = pointer;
    int symbols = TsApi.symbolCount(pointer);
    symbolNames = new String[symbols];
    // interned, as field names: extractors compare types with literals, equal ones by identity
    for (int i = 0; i < symbols; i++) symbolNames[i] = TsApi.symbolName(pointer, (short) i).intern();
    Map<String, Short> fieldIds = new HashMap<>();
    int fields = TsApi.fieldCount(pointer);
    for (short f = 1; f <= fields; f++) {
      String field = TsApi.fieldName(pointer, f);
      // interned: callers pass literals, so a lookup's key comparison is one identity check
      if (!field.isEmpty()) fieldIds.put(field.intern(), f);
    }
    int size = Integer.highestOneBit(Math.max(4, fieldIds.size() * 4) - 1) << 1;
    fieldTableKeys = new String[size];
    fieldTableIds = new short[size];
    fieldIds.forEach((field, id) -> {
      int i = field.hashCode() & (size - 1);
      while (fieldTableKeys[i] != null) i = (i + 1) & (size - 1);
      fieldTableKeys[i] = field;
      fieldTableIds[i] = id;
    });
  }

  public String name() {
    return name;
  }

  MemorySegment pointer() {
    return pointer;
  }

  public int symbolCount() {
    return symbolNames.length;
  }

  /** The type name of a symbol, as {@code ts_node_type} gives it; ERROR for the error symbol. */
  public String symbolName(short symbol) {
    int s = Short.toUnsignedInt(symbol);
    if (s < symbolNames.length) return symbolNames[s];
    return s == 0xFFFF ? "ERROR" : s == 0xFFFE ? "_ERROR" : "";
  }

  /** The id of a field, 0 when the grammar has no such field. */
  public short fieldId(String field) {
    String[] keys = fieldTableKeys;
    int mask = keys.length - 1;
    for (int i = field.hashCode() & mask; ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) return 0;
      if (k == field || k.equals(field)) return fieldTableIds[i];
    }
  }
}
