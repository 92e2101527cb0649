package dev.ananke.braid;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ananke.core.error.BadInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/*
 * Reads a type as written in TypeScript, Python, Rust, Go, Zig or Java and returns its JSON
 * Schema. One reader for all languages works because their spellings rarely collide; where they
 * do, the reading is the same (`string`, `bool`). Shapes, tried in order:
 *   T | U (TS, Python 3.10), with null/undefined/None meaning "or null"
 *   Option<T>, Optional[T], ?T, *T            -> T or null
 *   T[], Array<T>, Vec<T>, List[T], []T, ...  -> array (sets: uniqueItems)
 *   Record<K,V>, Map<K,V>, Dict[K,V], map[K]V -> object with additionalProperties
 *   'a' (a string literal)                    -> const
 *   primitives, dates, uuids, "anything"      -> their schema
 *   a declared type                           -> {"$ref": "#/$defs/Name"}
 * Anything else is an error naming the type and the field: a schema that silently accepted
 * an unknown type would not enforce the declaration.
 */
final class TypeText {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final Set<String> STRINGS =
      Set.of("string", "str", "String", "&str", "[]const u8", "[]u8", "char", "rune", "Character", "CharSequence");
  private static final Set<String> INTEGERS =
      Set.of(
          "int", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
          "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "long", "Long",
          "Integer", "short", "Short", "byte", "Byte", "bigint", "BigInteger", "comptime_int", "c_int");
  private static final Set<String> NUMBERS =
      Set.of("number", "float", "f16", "f32", "f64", "f128", "float32", "float64", "double", "Double", "Float",
          "Decimal", "BigDecimal", "comptime_float");
  private static final Set<String> BOOLEANS = Set.of("boolean", "bool", "Boolean");
  private static final Set<String> ANYTHING =
      Set.of("any", "unknown", "Any", "object", "Object", "interface{}", "any?", "serde_json::Value", "Value", "JsonValue");
  private static final Set<String> NULLS = Set.of("null", "undefined", "None", "void", "nil");
  private static final Map<String, String> FORMATS =
      Map.ofEntries(
          Map.entry("Date", "date-time"),
          Map.entry("datetime", "date-time"),
          Map.entry("datetime.datetime", "date-time"),
          Map.entry("time.Time", "date-time"),
          Map.entry("Instant", "date-time"),
          Map.entry("OffsetDateTime", "date-time"),
          Map.entry("LocalDate", "date"),
          Map.entry("date", "date"),
          Map.entry("UUID", "uuid"),
          Map.entry("Uuid", "uuid"),
          Map.entry("uuid.UUID", "uuid"),
          Map.entry("URL", "uri"));
  private static final Set<String> ARRAYS =
      Set.of("Array", "ReadonlyArray", "Vec", "VecDeque", "List", "list", "Sequence", "Iterable", "ArrayList",
          "Collection", "tuple", "Tuple");
  private static final Set<String> SETS = Set.of("Set", "set", "HashSet", "BTreeSet", "frozenset", "FrozenSet");
  private static final Set<String> MAPS =
      Set.of("Record", "Map", "HashMap", "BTreeMap", "Dict", "dict", "Mapping", "TreeMap", "LinkedHashMap");
  private static final Set<String> OPTIONALS = Set.of("Option", "Optional");
  /** Wrappers whose value is their content: Box<T>, Arc<T>, Promise<T> (awaited), ... */
  private static final Set<String> TRANSPARENT =
      Set.of("Box", "Rc", "Arc", "Cow", "Readonly", "Promise", "Awaitable", "Final", "ClassVar", "Annotated");

  private final Set<String> declared;
  private final Consumer<String> onReference;
  private final Set<String> referenced = new HashSet<>();

  TypeText(Set<String> declared, Consumer<String> onReference) {
    this.declared = declared;
    this.onReference = onReference;
  }

  boolean refersTo(String name) {
    return referenced.contains(name);
  }

  /** The schema of {@code type}; {@code where} names the field for error messages. */
  ObjectNode schema(String type, String where) {
    String t = strip(type.trim());
    List<String> union = splitTop(t, '|');
    if (union.size() > 1) return unionSchema(union, type, where);
    if (t.startsWith("?") || (t.startsWith("*") && t.length() > 1)) {
      return nullable(schema(t.substring(1), where));
    }
    if (t.endsWith("[]")) return array(schema(t.substring(0, t.length() - 2), where), false);
    if (t.startsWith("[]const ") && !STRINGS.contains(t)) return array(schema(t.substring(8), where), false);
    if (t.startsWith("[]") && !STRINGS.contains(t)) return array(schema(t.substring(2), where), false);
    if (t.startsWith("&[") && t.endsWith("]")) return array(schema(t.substring(2, t.length() - 1), where), false);
    if (t.startsWith("map[")) {
      int close = matching(t, 3);
      if (close > 0) return map(schema(t.substring(close + 1), where));
    }
    if ((t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\"")) && t.length() >= 2) {
      ObjectNode s = NODES.objectNode();
      s.put("const", t.substring(1, t.length() - 1));
      return s;
    }
    int open = genericOpen(t);
    if (open > 0) {
      String head = t.substring(0, open);
      String simpleHead = head.contains("::") ? head.substring(head.lastIndexOf("::") + 2) : head;
      simpleHead = simpleHead.startsWith("typing.") ? simpleHead.substring(7) : simpleHead;
      List<String> args = splitTop(t.substring(open + 1, t.length() - 1), ',');
      if (OPTIONALS.contains(simpleHead) && args.size() == 1) return nullable(schema(args.get(0), where));
      if (TRANSPARENT.contains(simpleHead) && !args.isEmpty()) return schema(args.get(0), where);
      if (ARRAYS.contains(simpleHead) && args.size() >= 1) return array(schema(args.get(0), where), false);
      if (SETS.contains(simpleHead) && args.size() == 1) return array(schema(args.get(0), where), true);
      if (MAPS.contains(simpleHead) && args.size() == 2) return map(schema(args.get(1), where));
      if (simpleHead.equals("Union")) return unionSchema(args, type, where);
      if (simpleHead.equals("Literal")) return unionSchema(args, type, where);
      if (simpleHead.equals("DateTime")) return formatted("date-time");
      throw unknown(type, where);
    }
    return simple(t, type, where);
  }

  private ObjectNode simple(String t, String original, String where) {
    if (STRINGS.contains(t)) return typed("string");
    if (INTEGERS.contains(t)) return typed("integer");
    if (NUMBERS.contains(t)) return typed("number");
    if (BOOLEANS.contains(t)) return typed("boolean");
    if (ANYTHING.contains(t)) return NODES.objectNode();
    if (NULLS.contains(t)) return typed("null");
    String format = FORMATS.get(t);
    if (format != null) return formatted(format);
    String local = t.contains(".") ? t.substring(t.lastIndexOf('.') + 1) : t;
    local = local.contains("::") ? local.substring(local.lastIndexOf("::") + 2) : local;
    if (declared.contains(t) || declared.contains(local)) {
      String name = declared.contains(t) ? t : local;
      referenced.add(name);
      onReference.accept(name);
      ObjectNode ref = NODES.objectNode();
      ref.put("$ref", "#/$defs/" + name);
      return ref;
    }
    throw unknown(original, where);
  }

  private ObjectNode unionSchema(List<String> parts, String original, String where) {
    List<ObjectNode> schemas = new ArrayList<>();
    boolean nullable = false;
    boolean allConst = true;
    for (String p : parts) {
      String s = strip(p.trim());
      if (NULLS.contains(s)) {
        nullable = true;
        continue;
      }
      ObjectNode schema = schema(s, where);
      allConst &= schema.has("const") && schema.size() == 1;
      schemas.add(schema);
    }
    if (schemas.isEmpty()) throw unknown(original, where);
    ObjectNode result;
    if (schemas.size() == 1) {
      result = schemas.get(0);
    } else if (allConst) {
      result = NODES.objectNode();
      ArrayNode values = result.putArray("enum");
      for (ObjectNode s : schemas) values.add(s.get("const"));
    } else {
      result = NODES.objectNode();
      ArrayNode anyOf = result.putArray("anyOf");
      schemas.forEach(anyOf::add);
    }
    return nullable ? nullable(result) : result;
  }

  private static ObjectNode nullable(ObjectNode s) {
    ObjectNode n = NODES.objectNode();
    ArrayNode anyOf = n.putArray("anyOf");
    anyOf.add(s);
    anyOf.add(typed("null"));
    return n;
  }

  private static ObjectNode array(ObjectNode items, boolean unique) {
    ObjectNode s = typed("array");
    s.set("items", items);
    if (unique) s.put("uniqueItems", true);
    return s;
  }

  private static ObjectNode map(ObjectNode values) {
    ObjectNode s = typed("object");
    s.set("additionalProperties", values);
    return s;
  }

  private static ObjectNode typed(String type) {
    ObjectNode s = NODES.objectNode();
    s.put("type", type);
    return s;
  }

  private static ObjectNode formatted(String format) {
    ObjectNode s = typed("string");
    s.put("format", format);
    return s;
  }

  private static BadInputException unknown(String type, String where) {
    return new BadInputException(where, "cannot compile type '" + type + "' to JSON Schema: not a known primitive or a declared type");
  }

  /** Drops reference and ownership markers that do not change a value's JSON shape. */
  private static String strip(String t) {
    String s = t;
    for (String prefix : List.of("readonly ", "const ", "&'static ", "&mut ", "&")) {
      if (s.startsWith(prefix) && !s.equals("&str") && !s.startsWith("&[")) s = s.substring(prefix.length()).trim();
    }
    if (s.startsWith("(") && s.endsWith(")") && matching(s, 0) == s.length() - 1) {
      s = s.substring(1, s.length() - 1).trim();
    }
    return s;
  }

  /** Index of the '<' or '[' opening a generic argument list that closes at the end, or -1. */
  private static int genericOpen(String t) {
    if (!(t.endsWith(">") || t.endsWith("]"))) return -1;
    for (int i = 1; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '<' || c == '[') return matching(t, i) == t.length() - 1 ? i : -1;
    }
    return -1;
  }

  private static int matching(String t, int open) {
    int depth = 0;
    for (int i = open; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '<' || c == '[' || c == '(' || c == '{') depth++;
      else if (c == '>' || c == ']' || c == ')' || c == '}') {
        depth--;
        if (depth == 0) return i;
      }
    }
    return -1;
  }

  /** Splits on {@code sep} outside brackets and quotes. */
  private static List<String> splitTop(String t, char sep) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '<' || c == '[' || c == '(' || c == '{') {
        depth++;
      } else if (c == '>' || c == ']' || c == ')' || c == '}') {
        depth--;
      } else if (c == sep && depth == 0) {
        parts.add(t.substring(start, i).trim());
        start = i + 1;
      }
    }
    parts.add(t.substring(start).trim());
    parts.removeIf(String::isEmpty);
    return parts;
  }
}
