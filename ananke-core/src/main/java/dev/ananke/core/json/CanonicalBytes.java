package dev.ananke.core.json;

import dev.ananke.core.payload.AsyncIdiom;
import dev.ananke.core.payload.AsyncStyle;
import dev.ananke.core.payload.ErrorHandlingIdiom;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.OperationalBound;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.ParseError;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.Payload;
import dev.ananke.core.payload.RequiredPattern;
import dev.ananke.core.payload.TypeBound;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The canonical bytes of a payload, what its content id hashes: a tagged, length-prefixed,
 * binary walk of the record, cheaper to produce than its JSON (no keys, no escapes, strings
 * copied as the JDK encodes them).
 *
 * <p>The definition is {@link #definition}: every value is a tag byte and then its content.
 * A string is its UTF-8 length (4 bytes, big-endian) and {@code String.getBytes(UTF_8)} (an
 * unpaired surrogate becomes '?'); an int 4 bytes; a double the 8 bytes of
 * {@code doubleToLongBits}; an enum its name as a string; a list its size and its elements; a
 * record its components in declaration order, a payload record first its JSON type name. Null
 * is its tag alone. {@link #payload} writes the same bytes record by record, without reflection;
 * a property test holds it to the definition.
 */
public final class CanonicalBytes {
  private CanonicalBytes() {}

  private static final byte NULL = 0, STRING = 1, INT = 2, FALSE = 3, TRUE = 4, DOUBLE = 5, ENUM = 6, LIST = 7,
      RECORD = 8;

  /** The tag and type name that start each payload record, by class. */
  private static final ClassValue<byte[]> PAYLOAD_HEADS = new ClassValue<>() {
    @Override
    protected byte[] computeValue(Class<?> type) {
      CompactJson.Buffer head = new CompactJson.Buffer(32);
      head.put(RECORD);
      String name = RecordCodec.payloadName(type);
      if (name != null) string(head, name);
      return java.util.Arrays.copyOf(head.array(), head.size());
    }
  };

  // What payload() writes for the payload heads and the enums it knows, computed once: a
  // ClassValue lookup and an enum's name encoded again were a quarter of an id's cost.
  private static final byte[] FUNCTION_SIGNATURE = head(FunctionSignature.class),
      TYPE_DECLARATION = head(TypeDeclaration.class), IMPORT_SET = head(ImportSet.class),
      NAMING_CONVENTION = head(NamingConvention.class), ERROR_HANDLING_IDIOM = head(ErrorHandlingIdiom.class),
      ASYNC_IDIOM = head(AsyncIdiom.class), FORBIDDEN_PATTERN = head(ForbiddenPattern.class),
      REQUIRED_PATTERN = head(RequiredPattern.class), TYPE_BOUND = head(TypeBound.class),
      OPERATIONAL_BOUND = head(OperationalBound.class), PARSE_ERROR = head(ParseError.class);

  private static final byte[][] VISIBILITY = enumBytes(Visibility.values()), TYPE_KIND = enumBytes(TypeKind.values()),
      IDENTIFIER_CATEGORY = enumBytes(IdentifierCategory.values()), NAMING_STYLE = enumBytes(NamingStyle.values()),
      ERROR_IDIOM = enumBytes(ErrorIdiom.values()), ASYNC_STYLE = enumBytes(AsyncStyle.values()),
      PATTERN_SYNTAX = enumBytes(PatternSyntax.values());

  private static byte[] head(Class<? extends Payload> type) {
    return PAYLOAD_HEADS.get(type);
  }

  /** The canonical bytes of each constant, by ordinal. */
  private static byte[][] enumBytes(Enum<?>[] constants) {
    byte[][] out = new byte[constants.length][];
    for (Enum<?> e : constants) {
      CompactJson.Buffer b = new CompactJson.Buffer(32);
      enumeration(b, e);
      out[e.ordinal()] = java.util.Arrays.copyOf(b.array(), b.size());
    }
    return out;
  }

  private static void enumeration(CompactJson.Buffer out, byte[][] table, @Nullable Enum<?> e) {
    out.put(e == null ? NULL_BYTES : table[e.ordinal()]);
  }

  private static final byte[] NULL_BYTES = {NULL};

  /** Appends the canonical bytes of a payload, as {@link #definition} would. */
  public static void payload(Payload payload, CompactJson.Buffer out) {
    switch (payload) {
      case FunctionSignature s -> {
        out.put(FUNCTION_SIGNATURE);
        string(out, s.name());
        List<Parameter> parameters = s.parameters();
        out.put(LIST);
        out.putInt(parameters.size());
        for (int i = 0, n = parameters.size(); i < n; i++) {
          Parameter p = parameters.get(i);
          out.put(RECORD);
          string(out, p.name());
          string(out, p.type());
          bool(out, p.optional());
          bool(out, p.variadic());
          string(out, p.defaultValue());
        }
        string(out, s.returnType());
        bool(out, s.async());
        enumeration(out, VISIBILITY, s.visibility());
        string(out, s.enclosingType());
        strings(out, s.typeParameters());
        string(out, s.signature());
      }
      case TypeDeclaration t -> {
        out.put(TYPE_DECLARATION);
        string(out, t.name());
        enumeration(out, TYPE_KIND, t.kind());
        List<Field> fields = t.fields();
        out.put(LIST);
        out.putInt(fields.size());
        for (int i = 0, n = fields.size(); i < n; i++) {
          Field f = fields.get(i);
          out.put(RECORD);
          string(out, f.name());
          string(out, f.type());
          bool(out, f.optional());
        }
        strings(out, t.typeParameters());
        strings(out, t.supertypes());
        strings(out, t.variants());
        string(out, t.aliasOf());
        enumeration(out, VISIBILITY, t.visibility());
      }
      case ImportSet i -> {
        out.put(IMPORT_SET);
        string(out, i.module());
        strings(out, i.symbols());
        string(out, i.alias());
        bool(out, i.wildcard());
      }
      case NamingConvention n -> {
        out.put(NAMING_CONVENTION);
        enumeration(out, IDENTIFIER_CATEGORY, n.category());
        enumeration(out, NAMING_STYLE, n.style());
        integer(out, n.conforming());
        integer(out, n.total());
      }
      case ErrorHandlingIdiom e -> {
        out.put(ERROR_HANDLING_IDIOM);
        enumeration(out, ERROR_IDIOM, e.idiom());
        integer(out, e.occurrences());
      }
      case AsyncIdiom a -> {
        out.put(ASYNC_IDIOM);
        enumeration(out, ASYNC_STYLE, a.style());
        integer(out, a.occurrences());
      }
      case ForbiddenPattern f -> {
        out.put(FORBIDDEN_PATTERN);
        string(out, f.pattern());
        enumeration(out, PATTERN_SYNTAX, f.syntax());
        string(out, f.reason());
      }
      case RequiredPattern r -> {
        out.put(REQUIRED_PATTERN);
        string(out, r.pattern());
        enumeration(out, PATTERN_SYNTAX, r.syntax());
        string(out, r.reason());
      }
      case TypeBound b -> {
        out.put(TYPE_BOUND);
        string(out, b.subject());
        string(out, b.requiredType());
        strings(out, b.forbiddenTypes());
        bool(out, b.annotationsRequired());
      }
      case OperationalBound o -> {
        out.put(OPERATIONAL_BOUND);
        string(out, o.metric());
        number(out, o.min());
        number(out, o.max());
        string(out, o.unit());
      }
      case ParseError p -> {
        out.put(PARSE_ERROR);
        integer(out, p.endLine());
        integer(out, p.endColumn());
        string(out, p.message());
      }
    }
  }

  /** The definition: the canonical bytes of any model value, by reflection over records. */
  public static void definition(@Nullable Object value, CompactJson.Buffer out) {
    switch (value) {
      case null -> out.put(NULL);
      case String s -> string(out, s);
      case Integer i -> integer(out, i);
      case Boolean b -> bool(out, b);
      case Double d -> number(out, d);
      case Enum<?> e -> enumeration(out, e);
      case List<?> list -> {
        out.put(LIST);
        out.putInt(list.size());
        for (Object e : list) definition(e, out);
      }
      case Record r -> {
        out.put(PAYLOAD_HEADS.get(r.getClass()));
        for (RecordCodec.Component c : RecordCodec.components(r.getClass())) {
          try {
            definition((Object) c.accessor().invokeExact((Object) r), out);
          } catch (Throwable t) {
            throw new IllegalStateException("cannot read " + c.name() + " of " + r.getClass(), t);
          }
        }
      }
      default -> throw new IllegalArgumentException("not a model value: " + value.getClass());
    }
  }

  private static void string(CompactJson.Buffer out, @Nullable String s) {
    if (s == null) {
      out.put(NULL);
      return;
    }
    out.put(STRING);
    lengthPrefixed(out, s);
  }

  /**
   * The UTF-8 length of {@code s} (4 bytes, big-endian) and its {@code String.getBytes(UTF_8)}.
   * An ASCII string, nearly every one, is written in place: the encoder's array and its copy cost
   * more than the loop (measured in extraction, docs/clew.md), though the encoder alone is faster.
   */
  public static void lengthPrefixed(CompactJson.Buffer out, String s) {
    if (!out.putAsciiLengthPrefixed(s)) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      out.putInt(utf8.length);
      out.put(utf8);
    }
  }

  private static void strings(CompactJson.Buffer out, List<String> list) {
    out.put(LIST);
    out.putInt(list.size());
    for (int i = 0, n = list.size(); i < n; i++) string(out, list.get(i));
  }

  private static void integer(CompactJson.Buffer out, int i) {
    out.put(INT);
    out.putInt(i);
  }

  private static void bool(CompactJson.Buffer out, boolean b) {
    out.put(b ? TRUE : FALSE);
  }

  private static void number(CompactJson.Buffer out, @Nullable Double d) {
    if (d == null) {
      out.put(NULL);
      return;
    }
    out.put(DOUBLE);
    long bits = Double.doubleToLongBits(d);
    out.putInt((int) (bits >>> 32));
    out.putInt((int) bits);
  }

  private static void enumeration(CompactJson.Buffer out, @Nullable Enum<?> e) {
    if (e == null) {
      out.put(NULL);
      return;
    }
    out.put(ENUM);
    string(out, e.name());
  }
}
