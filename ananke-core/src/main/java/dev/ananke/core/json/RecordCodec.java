package dev.ananke.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSource;
import dev.ananke.core.Priority;
import dev.ananke.core.Severity;
import dev.ananke.core.Tier;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.JsonSchema;
import dev.ananke.core.payload.Payload;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/*
 * One codec for every model record, driven by the record's components, so that a payload added
 * to the model is serialised without touching this file and the JSON form cannot drift from
 * the Java form. Rules:
 *  - fields in component order; null components omitted; payloads carry a "type" discriminator
 *    first (the record name in snake_case);
 *  - input is strict: unknown fields, wrong JSON types and out-of-range integers are errors at
 *    their JSON path, and the record's own validation messages are reported at the record's path;
 *  - absent booleans read as false, absent lists as empty, absent @Nullable components as null;
 *    Constraint has documented defaults for the rest (a hand-written constraint file need not
 *    spell out every field), and everything else that is absent is an error.
 * Shapes are computed once per class (ClassValue) and invoked through method handles.
 */
final class RecordCodec {
  private RecordCodec() {}

  record Component(String name, Type type, Class<?> raw, boolean nullable, MethodHandle accessor) {}

  private record Shape(List<Component> components, Map<String, Integer> index, MethodHandle constructor) {}

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return shapeOf(type);
        }
      };

  private static final Map<String, Class<?>> PAYLOAD_TYPES = new TreeMap<>();
  private static final Map<Class<?>, String> PAYLOAD_NAMES = new HashMap<>();

  static {
    for (Class<?> c : Payload.class.getPermittedSubclasses()) {
      String name = snakeCase(c.getSimpleName());
      PAYLOAD_TYPES.put(name, c);
      PAYLOAD_NAMES.put(c, name);
    }
  }

  /** The components of a model record, in declaration order, with their accessors (erased to Object). */
  static List<Component> components(Class<?> type) {
    return SHAPES.get(type).components;
  }

  /** The "type" discriminator of a payload record, or null for any other class. */
  static @Nullable String payloadName(Class<?> type) {
    return PAYLOAD_NAMES.get(type);
  }

  private static Shape shapeOf(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type + " is not a model record");
    }
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      RecordComponent[] rcs = type.getRecordComponents();
      List<Component> components = new ArrayList<>(rcs.length);
      Map<String, Integer> index = new LinkedHashMap<>();
      Class<?>[] params = new Class<?>[rcs.length];
      for (int i = 0; i < rcs.length; i++) {
        RecordComponent rc = rcs[i];
        boolean nullable = rc.getAnnotatedType().isAnnotationPresent(Nullable.class);
        components.add(
            new Component(
                rc.getName(),
                rc.getGenericType(),
                rc.getType(),
                nullable,
                lookup.unreflect(rc.getAccessor()).asType(MethodType.methodType(Object.class, Object.class))));
        index.put(rc.getName(), i);
        params[i] = rc.getType();
      }
      // Erased to (Object[])Object once, so that every call is an invokeExact with no adaptation.
      MethodHandle ctor =
          lookup
              .unreflectConstructor(type.getDeclaredConstructor(params))
              .asSpreader(Object[].class, params.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
      return new Shape(List.copyOf(components), java.util.Collections.unmodifiableMap(index), ctor);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the shape of " + type, e);
    }
  }

  static String snakeCase(String camel) {
    StringBuilder sb = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      if (Character.isUpperCase(ch)) {
        if (i > 0) sb.append('_');
        sb.append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- encoding

  static JsonNode encode(Object value) {
    return switch (value) {
      case String s -> Jackson.NODES.textNode(s);
      case Integer i -> Jackson.NODES.numberNode(i);
      case Double d -> Jackson.NODES.numberNode(d);
      case Boolean b -> Jackson.NODES.booleanNode(b);
      case Enum<?> e -> Jackson.NODES.textNode(e.name());
      case List<?> list -> {
        ArrayNode array = Jackson.NODES.arrayNode(list.size());
        for (Object o : list) array.add(encode(o));
        yield array;
      }
      case JsonSchema schema -> parseTrusted(schema.text());
      case Record r -> encodeRecord(r);
      default -> throw new IllegalArgumentException("not a model value: " + value.getClass());
    };
  }

  private static ObjectNode encodeRecord(Record r) {
    ObjectNode object = Jackson.NODES.objectNode();
    String payloadName = PAYLOAD_NAMES.get(r.getClass());
    if (payloadName != null) object.put("type", payloadName);
    for (Component c : SHAPES.get(r.getClass()).components) {
      Object v;
      try {
        v = (Object) c.accessor.invokeExact((Object) r);
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
      if (v != null) object.set(c.name, encode(v));
    }
    return object;
  }

  private static JsonNode parseTrusted(String json) {
    try {
      return Jackson.MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalStateException("model held invalid JSON", e);
    }
  }

  // ---------------------------------------------------------------- decoding

  static <T> T decode(JsonNode node, Class<T> type) {
    return type.cast(decodeValue(node, type, type, ""));
  }

  private static Object decodeValue(JsonNode n, Type type, Class<?> raw, String path) {
    if (raw == String.class) {
      if (!n.isTextual()) throw mismatch(path, "string", n);
      return n.textValue();
    }
    if (raw == int.class || raw == Integer.class) {
      if (!n.isIntegralNumber()) throw mismatch(path, "integer", n);
      if (!n.canConvertToInt()) throw new BadInputException(at(path), "integer out of range: " + n.asText());
      return n.intValue();
    }
    if (raw == double.class || raw == Double.class) {
      if (!n.isNumber()) throw mismatch(path, "number", n);
      double d = n.doubleValue();
      if (!Double.isFinite(d)) throw new BadInputException(at(path), "number out of range: " + n.asText());
      return d;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      if (!n.isBoolean()) throw mismatch(path, "boolean", n);
      return n.booleanValue();
    }
    if (raw.isEnum()) {
      if (!n.isTextual()) throw mismatch(path, "string", n);
      for (Object constant : raw.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(n.textValue())) return constant;
      }
      throw new BadInputException(
          at(path),
          "expected one of " + Arrays.toString(raw.getEnumConstants()) + ", found \"" + n.textValue() + "\"");
    }
    if (raw == List.class) {
      if (!n.isArray()) throw mismatch(path, "array", n);
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      Class<?> elementRaw = rawOf(element);
      List<Object> out = new ArrayList<>(n.size());
      for (int i = 0; i < n.size(); i++) {
        out.add(decodeValue(n.get(i), element, elementRaw, path + "[" + i + "]"));
      }
      return out;
    }
    if (raw == JsonSchema.class) {
      if (!n.isObject()) throw mismatch(path, "object", n);
      try {
        return new JsonSchema(Jackson.COMPACT.writeValueAsString(n));
      } catch (JacksonException e) {
        throw new IllegalStateException(e);
      }
    }
    if (raw == Payload.class) {
      if (!n.isObject()) throw mismatch(path, "object", n);
      JsonNode tag = n.get("type");
      String tagPath = child(path, "type");
      if (tag == null) {
        throw new BadInputException(at(tagPath), "missing payload type (one of " + PAYLOAD_TYPES.keySet() + ")");
      }
      if (!tag.isTextual()) throw mismatch(tagPath, "string", tag);
      Class<?> payloadType = PAYLOAD_TYPES.get(tag.textValue());
      if (payloadType == null) {
        throw new BadInputException(
            at(tagPath), "unknown payload type \"" + tag.textValue() + "\" (expected one of " + PAYLOAD_TYPES.keySet() + ")");
      }
      return decodeRecord((ObjectNode) n, payloadType, path, "type");
    }
    if (raw.isRecord()) {
      if (!n.isObject()) throw mismatch(path, "object", n);
      return decodeRecord((ObjectNode) n, raw, path, null);
    }
    throw new IllegalStateException("no JSON mapping for " + type);
  }

  private static Object decodeRecord(ObjectNode o, Class<?> type, String path, @Nullable String tagField) {
    Shape shape = SHAPES.get(type);
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!shape.index.containsKey(field) && !field.equals(tagField)) {
        throw new BadInputException(
            at(child(path, field)), "unknown field (expected one of " + shape.index.keySet() + ")");
      }
    }
    Map<String, Object> values = new HashMap<>();
    for (Component c : shape.components) {
      JsonNode f = o.get(c.name);
      if (f != null && !f.isNull()) {
        values.put(c.name, decodeValue(f, c.type, c.raw, child(path, c.name)));
      }
    }
    if (type == Constraint.class) fillConstraintDefaults(values);
    Object[] args = new Object[shape.components.size()];
    for (int i = 0; i < args.length; i++) {
      Component c = shape.components.get(i);
      Object v = values.get(c.name);
      if (v == null) {
        if (c.raw == boolean.class) v = false;
        else if (c.raw == List.class) v = List.of();
        else if (!c.nullable) throw new BadInputException(at(child(path, c.name)), "missing required field");
      }
      args[i] = v;
    }
    try {
      return (Object) shape.constructor.invokeExact(args);
    } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
      throw new BadInputException(at(path), String.valueOf(e.getMessage()), e);
    } catch (BadInputException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("constructing " + type.getSimpleName() + " at " + at(path), t);
    }
  }

  /**
   * Defaults that let a hand-written constraint say only what matters: kind from the payload,
   * SOFT, severity ERROR when HARD else WARNING, MEDIUM, confidence 1, frequency 1,
   * USER_DEFINED, an empty description, and the id computed.
   */
  private static void fillConstraintDefaults(Map<String, Object> v) {
    v.putIfAbsent("id", "");
    v.putIfAbsent("description", "");
    if (v.get("payload") instanceof Payload p) v.putIfAbsent("kind", p.defaultKind());
    v.putIfAbsent("tier", Tier.SOFT);
    v.putIfAbsent("severity", v.get("tier") == Tier.HARD ? Severity.ERROR : Severity.WARNING);
    v.putIfAbsent("priority", Priority.MEDIUM);
    v.putIfAbsent("confidence", 1.0);
    v.putIfAbsent("frequency", 1);
    v.putIfAbsent("source", ConstraintSource.USER_DEFINED);
  }

  private static Class<?> rawOf(Type t) {
    if (t instanceof Class<?> c) return c;
    if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
    throw new IllegalStateException("unsupported type " + t);
  }

  private static String child(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static String at(String path) {
    return path.isEmpty() ? "(root)" : path;
  }

  private static BadInputException mismatch(String path, String expected, JsonNode found) {
    return new BadInputException(at(path), "expected " + expected + ", found " + describe(found));
  }

  private static String describe(JsonNode n) {
    return switch (n.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> n.isIntegralNumber() ? "integer" : "number";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array";
      case OBJECT -> "object";
      case NULL -> "null";
      default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
