package dev.ananke.core.json;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The compact JSON of a model value written straight to UTF-8 bytes: byte for byte the UTF-8 of
 * what {@link ConstraintJson#writeCompact} gets from Jackson for the encoded tree (fields in
 * component order, nulls omitted, a payload's "type" first, Jackson's escapes: quote, backslash
 * and control characters), without building the tree or a String: how constraint sets and IRs
 * are written out compactly (output files, the wire format).
 *
 * <p>What only Jackson writes (an embedded JSON schema, a non-finite number, a string with an
 * unpaired surrogate) makes {@link #write} return false; callers then fall back to Jackson.
 */
public final class CompactJson {
  private CompactJson() {}

  /** A growable byte buffer; reusable after {@link #reset}. Not thread-safe. */
  public static final class Buffer {
    private byte[] bytes;
    private int size;

    public Buffer(int capacity) {
      bytes = new byte[Math.max(16, capacity)];
    }

    public void reset() {
      size = 0;
    }

    public int size() {
      return size;
    }

    /** The backing array; its first {@link #size} bytes are the content. */
    public byte[] array() {
      return bytes;
    }

    void ensure(int more) {
      if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }

    public void put(byte b) {
      ensure(1);
      bytes[size++] = b;
    }

    public void put(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, bytes, size, b.length);
      size += b.length;
    }

    /** Appends a big-endian int. */
    public void putInt(int value) {
      ensure(4);
      putIntAt(size, value);
      size += 4;
    }

    /** Writes a big-endian int at {@code at} (a place reserved earlier). */
    public void putIntAt(int at, int value) {
      bytes[at] = (byte) (value >>> 24);
      bytes[at + 1] = (byte) (value >>> 16);
      bytes[at + 2] = (byte) (value >>> 8);
      bytes[at + 3] = (byte) value;
    }

    /** Reserves {@code n} bytes, returning where they start. */
    public int skip(int n) {
      ensure(n);
      int at = size;
      size += n;
      return at;
    }

    /** The UTF-8 bytes of {@code s}; false (nothing usable written) on an unpaired surrogate. */
    public boolean putUtf8(String s) {
      return utf8(s, this, false);
    }

    /**
     * The length (4 bytes, big-endian) and the bytes of an ASCII string, written in place; false,
     * with nothing written, when {@code s} has another character.
     */
    public boolean putAsciiLengthPrefixed(String s) {
      int n = s.length();
      ensure(4 + n);
      byte[] b = bytes;
      int at = size + 4;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) return false;
        b[at + i] = (byte) c;
      }
      putIntAt(size, n);
      size = at + n;
      return true;
    }

    void putAscii(String s) {
      int n = s.length();
      ensure(n);
      for (int i = 0; i < n; i++) bytes[size++] = (byte) s.charAt(i);
    }

    @Override
    public String toString() {
      return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
  }

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /** How a record component's value is written, decided once per record class. */
  private record Field(byte[] key, Function<Object, Object> accessor, int kind) {}

  /** What a component holds, from its declared type: the writer then needs no type switch. */
  private static final int ANY = 0, STRING = 1, INT = 2, BOOLEAN = 3, ENUM = 4;

  private static int kind(Class<?> raw) {
    if (raw == String.class) return STRING;
    if (raw == int.class || raw == Integer.class) return INT;
    if (raw == boolean.class || raw == Boolean.class) return BOOLEAN;
    if (raw.isEnum()) return ENUM;
    return ANY;
  }

  /**
   * A component's accessor as a {@link Function}: a lambda class the JIT inlines or calls
   * directly, where a method handle held in a field is interpreted at every call. Falls back to
   * the method handle when the accessor is not accessible from here.
   */
  @SuppressWarnings("unchecked")
  private static Function<Object, Object> accessor(Class<?> type, RecordCodec.Component c) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodHandle direct = lookup.unreflect(type.getMethod(c.name()));
      return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
              MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), direct,
              MethodType.methodType(Object.class, type))
          .getTarget().invokeExact();
    } catch (Throwable e) {
      MethodHandle mh = c.accessor();
      return r -> {
        try {
          return (Object) mh.invokeExact(r);
        } catch (Throwable t) {
          throw new IllegalStateException(t);
        }
      };
    }
  }

  private record Writer(byte @Nullable [] typeTag, Field[] fields) {}

  private static final ClassValue<Writer> WRITERS = new ClassValue<>() {
    @Override
    protected Writer computeValue(Class<?> type) {
      String payloadName = RecordCodec.payloadName(type);
      Buffer tag = new Buffer(32);
      if (payloadName != null) {
        tag.putAscii("\"type\":");
        utf8(payloadName, tag, true);
      }
      List<RecordCodec.Component> components = RecordCodec.components(type);
      Field[] fields = new Field[components.size()];
      for (int i = 0; i < fields.length; i++) {
        Buffer key = new Buffer(32);
        utf8(components.get(i).name(), key, true);
        key.put((byte) ':');
        fields[i] = new Field(Arrays.copyOf(key.bytes, key.size), accessor(type, components.get(i)),
            kind(components.get(i).raw()));
      }
      return new Writer(payloadName == null ? null : Arrays.copyOf(tag.bytes, tag.size), fields);
    }
  };

  /**
   * Appends the compact JSON of a model value (a record of the model, or a string, number,
   * boolean, enum or list in one) to {@code out}. Returns false, leaving {@code out} in an
   * unspecified state, for what only Jackson writes.
   */
  public static boolean write(Object value, Buffer out) {
    switch (value) {
      case String s -> {
        return utf8(s, out, true);
      }
      case Integer i -> out.putAscii(Integer.toString(i));
      case Boolean b -> out.putAscii(b ? "true" : "false");
      case Enum<?> e -> utf8(e.name(), out, true);
      case Double d -> {
        if (!Double.isFinite(d)) return false;
        out.putAscii(Double.toString(d));
      }
      case List<?> list -> {
        out.put((byte) '[');
        for (int i = 0, n = list.size(); i < n; i++) {
          if (i > 0) out.put((byte) ',');
          Object e = list.get(i);
          if (!(e instanceof String str ? utf8(str, out, true) : write(e, out))) return false;
        }
        out.put((byte) ']');
      }
      case dev.ananke.core.ir.JsonSchema schema -> {
        return false;
      }
      case Record r -> {
        return writeRecord(r, out);
      }
      default -> throw new IllegalArgumentException("not a model value: " + value.getClass());
    }
    return true;
  }

  private static List<String> componentNames(Class<?> type) {
    return RecordCodec.components(type).stream().map(RecordCodec.Component::name).toList();
  }

  /**
   * Function signatures (most constraints carry one) and their parameters are written by hand,
   * without an accessor call per component: only while their components are these, in this
   * order; a change to either record falls back to the generic writer.
   */
  private static final boolean DIRECT_SIGNATURES =
      componentNames(FunctionSignature.class).equals(List.of("name", "parameters", "returnType", "async",
          "visibility", "enclosingType", "typeParameters", "signature"))
      && componentNames(Parameter.class).equals(List.of("name", "type", "optional", "variadic", "defaultValue"));

  private static boolean writeSignature(FunctionSignature s, Buffer out) {
    Writer w = WRITERS.get(FunctionSignature.class);
    Field[] f = w.fields();
    out.put((byte) '{');
    out.put(w.typeTag());
    if (!string(out, f[0], s.name())) return false;
    out.put((byte) ',');
    out.put(f[1].key());
    out.put((byte) '[');
    Writer pw = WRITERS.get(Parameter.class);
    Field[] pf = pw.fields();
    List<Parameter> parameters = s.parameters();
    for (int i = 0, n = parameters.size(); i < n; i++) {
      if (i > 0) out.put((byte) ',');
      Parameter p = parameters.get(i);
      out.put((byte) '{');
      out.put(pf[0].key());
      if (!utf8(p.name(), out, true)) return false; // never null: the record checks it
      if (!string(out, pf[1], p.type())) return false;
      bool(out, pf[2], p.optional());
      bool(out, pf[3], p.variadic());
      if (!string(out, pf[4], p.defaultValue())) return false;
      out.put((byte) '}');
    }
    out.put((byte) ']');
    if (!string(out, f[2], s.returnType())) return false;
    bool(out, f[3], s.async());
    if (s.visibility() != null && !string(out, f[4], s.visibility().name())) return false;
    if (!string(out, f[5], s.enclosingType())) return false;
    out.put((byte) ',');
    out.put(f[6].key());
    if (!write(s.typeParameters(), out)) return false;
    if (!string(out, f[7], s.signature())) return false;
    out.put((byte) '}');
    return true;
  }

  /** {@code ,"key":"value"}, or nothing for null. */
  private static boolean string(Buffer out, Field f, @Nullable String value) {
    if (value == null) return true;
    out.put((byte) ',');
    out.put(f.key());
    return utf8(value, out, true);
  }

  private static void bool(Buffer out, Field f, boolean value) {
    out.put((byte) ',');
    out.put(f.key());
    out.putAscii(value ? "true" : "false");
  }

  private static boolean writeRecord(Record r, Buffer out) {
    if (DIRECT_SIGNATURES && r instanceof FunctionSignature s) return writeSignature(s, out);
    Writer w = WRITERS.get(r.getClass());
    out.put((byte) '{');
    boolean first = true;
    if (w.typeTag() != null) {
      out.put(w.typeTag());
      first = false;
    }
    for (Field f : w.fields()) {
      Object v = f.accessor().apply(r);
      if (v == null) continue;
      if (!first) out.put((byte) ',');
      first = false;
      out.put(f.key());
      boolean ok = switch (f.kind()) {
        case STRING -> utf8((String) v, out, true);
        case INT -> {
          out.putAscii(Integer.toString((Integer) v));
          yield true;
        }
        case BOOLEAN -> {
          out.putAscii((Boolean) v ? "true" : "false");
          yield true;
        }
        case ENUM -> utf8(((Enum<?>) v).name(), out, true);
        default -> write(v, out);
      };
      if (!ok) return false;
    }
    out.put((byte) '}');
    return true;
  }

  /** {@code s} in UTF-8, as a JSON string (quoted, escaped as Jackson does) or as it is. */
  private static boolean utf8(String s, Buffer out, boolean quoted) {
    int n = s.length();
    // room for the common case, one byte a char; a char that needs more (an escape \\u00XX is
    // six, UTF-8 up to four) makes room for itself and the rest first. Reserving 6n up front
    // cost more than the copy: a grammar of 12 KB allocated and zeroed 72 KB.
    out.ensure(n + 2);
    byte[] b = out.bytes;
    int p = out.size;
    if (quoted) b[p++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80 && (!quoted || (c >= 0x20 && c != '"' && c != '\\'))) {
        b[p++] = (byte) c;
        continue;
      }
      if (b.length - p < 8 + (n - i)) {
        out.size = p;
        out.ensure(8 + (n - i));
        b = out.bytes;
      }
      if (c < 0x80) {
        b[p++] = '\\';
        switch (c) {
          case '"' -> b[p++] = '"';
          case '\\' -> b[p++] = '\\';
          case '\b' -> b[p++] = 'b';
          case '\t' -> b[p++] = 't';
          case '\n' -> b[p++] = 'n';
          case '\f' -> b[p++] = 'f';
          case '\r' -> b[p++] = 'r';
          default -> {
            b[p++] = 'u';
            b[p++] = '0';
            b[p++] = '0';
            b[p++] = HEX[c >> 4];
            b[p++] = HEX[c & 0xF];
          }
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xF0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    if (quoted) b[p++] = '"';
    out.size = p;
    return true;
  }
}
