package dev.ananke.tokens.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ananke.core.error.BadInputException;
import dev.ananke.tokens.Regex;
import dev.ananke.tokens.RegexLimits;
import dev.ananke.tokens.grammar.Expr;
import dev.ananke.tokens.grammar.Grammar;
import dev.ananke.tokens.grammar.Lexeme;
import dev.ananke.tokens.grammar.LexemeCheck;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a JSON Schema (draft 2020-12, the practical subset; drafts 4-7 spellings too) to a
 * {@link Grammar} whose language is the JSON texts the schema accepts, with whitespace as {@link
 * JsonSchemaOptions#whitespace()} allows and object properties in schema order.
 *
 * <p>Features it does not support make compilation fail with a {@link BadInputException} naming
 * the feature and its JSON pointer; nothing is silently ignored except annotations. See
 * docs/grammar.md for the coverage and the departures from JSON Schema semantics.
 */
public final class JsonSchemaCompiler {
  /** Keywords with no effect on validation. */
  private static final Set<String> ANNOTATIONS = Set.of(
      "$schema", "$id", "id", "$comment", "title", "description", "default", "examples", "example",
      "readOnly", "writeOnly", "deprecated", "$anchor", "contentMediaType", "contentEncoding",
      "definitions", "$defs", "$vocabulary", "$dynamicAnchor", "$recursiveAnchor", "nullable");
  /** Validation keywords this compiler does not implement: using one is an error. */
  private static final Set<String> UNSUPPORTED = Set.of(
      "not", "if", "then", "else", "dependentSchemas", "dependentRequired", "dependencies",
      "contains", "minContains", "maxContains", "propertyNames", "unevaluatedProperties",
      "unevaluatedItems", "$dynamicRef", "$recursiveRef");
  private static final Set<String> OBJECT_KEYS = Set.of("properties", "required", "additionalProperties",
      "patternProperties", "minProperties", "maxProperties");
  private static final Set<String> ARRAY_KEYS = Set.of("items", "prefixItems", "additionalItems", "minItems",
      "maxItems", "uniqueItems");
  private static final Set<String> STRING_KEYS = Set.of("minLength", "maxLength", "pattern", "format");
  private static final Set<String> NUMBER_KEYS = Set.of("minimum", "maximum", "exclusiveMinimum",
      "exclusiveMaximum", "multipleOf");
  private static final List<String> ALL_TYPES = List.of("object", "array", "string", "number", "boolean", "null");

  /** JSON string content: one character, raw or escaped. */
  static final String CHAR = "(?:[^\"\\\\\\x00-\\x1F]|\\\\(?:[\"\\\\/bfnrt]|u[0-9a-fA-F]{4}))";
  static final String RAW_CHAR = "[^\"\\\\\\x00-\\x1F]";
  static final String INTEGER = "-?(?:0|[1-9][0-9]*)";
  static final String NUMBER = "-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?";
  /** Longest counted string length expressed in the regex; longer bounds use an exact check. */
  private static final int MAX_REGEX_LENGTH = 32;
  private static final RegexLimits LIMITS = new RegexLimits(20_000, 400_000, 1_000);

  private final JsonNode root;
  private final JsonSchemaOptions options;
  private final long deadline;
  private final Map<String, Expr> rules = new LinkedHashMap<>();
  private final Map<String, String> refRules = new HashMap<>();
  private final Map<String, JsonNode> ids = new HashMap<>();
  private final Map<String, Lexeme> lexemes = new HashMap<>();
  private final Map<JsonNode, Expr> compiled = new IdentityHashMap<>();
  private int nodes;
  private int ruleCounter;

  private JsonSchemaCompiler(JsonNode root, JsonSchemaOptions options) {
    this.root = root;
    this.options = options;
    this.deadline = System.nanoTime() + options.maxCompileMillis() * 1_000_000L;
  }

  /** Compiles a schema given as JSON text. */
  public static Grammar compile(String schemaJson) {
    return compile(PythonJson.parse(schemaJson), JsonSchemaOptions.DEFAULT);
  }

  public static Grammar compile(String schemaJson, JsonSchemaOptions options) {
    return compile(PythonJson.parse(schemaJson), options);
  }

  /**
   * Forgets the regexes shared between compiled schemas, and with them their lazily built DFAs
   * and slice proofs (grammars compiled before keep theirs). For benchmarks that measure a
   * schema's first use, which would otherwise find the schema's own regexes warm from an earlier
   * run, and to release their memory.
   */
  public static void clearSharedCaches() {
    SharedRegexes.clear();
  }

  /**
   * @throws BadInputException located at {@code schema #/json/pointer} for unsupported features,
   *     invalid schemas and exceeded limits
   */
  public static Grammar compile(JsonNode schema, JsonSchemaOptions options) {
    JsonSchemaCompiler c = new JsonSchemaCompiler(schema, options);
    c.collectIds(schema, "#");
    Expr top = c.schema(schema, "#");
    c.rules.put("start", top);
    List<Lexeme> ignore = options.whitespace() == null ? List.of()
        : List.of(new Lexeme("%ws", SharedRegexes.get("ws:" + options.whitespace(), () -> Regex.compile(options.whitespace())), null));
    return new Grammar("start", c.rules, ignore);
  }

  // ---- schemas

  private Expr schema(JsonNode s, String path) {
    Expr cached = compiled.get(s);
    if (cached != null) return cached;
    tick(path);
    Expr e = schemaUncached(s, path);
    compiled.put(s, e);
    return e;
  }

  private Expr schemaUncached(JsonNode s, String path) {
    if (s.isBoolean()) return s.booleanValue() ? anyValue() : nothing();
    if (!s.isObject()) throw bad(path, "a schema must be an object or a boolean, found " + kind(s));
    for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (UNSUPPORTED.contains(k)) throw bad(path + "/" + escape(k), "unsupported keyword '" + k + "'");
      if (k.equals("uniqueItems") && s.get(k).asBoolean(false)) {
        throw bad(path + "/uniqueItems", "unsupported keyword 'uniqueItems'");
      }
    }
    if (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      ObjectNode rest = ((ObjectNode) s).deepCopy();
      rest.remove("$ref");
      boolean siblings = false;
      for (Iterator<String> it = rest.fieldNames(); it.hasNext(); ) {
        if (!ANNOTATIONS.contains(it.next())) siblings = true;
      }
      if (!siblings) return new Expr.Ref(refRule(ref, path + "/$ref"));
      ObjectNode merged = merge(resolve(ref, path + "/$ref").deepCopy(), rest, path);
      return schema(merged, path);
    }
    if (s.has("allOf")) {
      JsonNode all = s.get("allOf");
      if (!all.isArray() || all.isEmpty()) throw bad(path + "/allOf", "expected a non-empty array");
      ObjectNode merged = ((ObjectNode) s).deepCopy();
      merged.remove("allOf");
      for (int i = 0; i < all.size(); i++) {
        JsonNode part = all.get(i);
        String pp = path + "/allOf/" + i;
        if (part.isBoolean()) {
          if (!part.booleanValue()) return nothing();
          continue;
        }
        ObjectNode p = part.deepCopy();
        while (p.has("$ref")) {
          JsonNode target = resolve(p.get("$ref").asText(), pp + "/$ref");
          p.remove("$ref");
          if (target.isBoolean()) {
            if (!target.booleanValue()) return nothing();
            break;
          }
          p = merge(((ObjectNode) target).deepCopy(), p, pp);
        }
        if (p.has("allOf")) {
          JsonNode inner = p.get("allOf");
          p.remove("allOf");
          for (JsonNode x : inner) p = merge(p, x.isObject() ? (ObjectNode) x.deepCopy() : JsonNodeFactory.instance.objectNode(), pp);
        }
        merged = merge(merged, p, pp);
      }
      return schema(merged, path);
    }
    List<Expr> alts = new ArrayList<>();
    String combinator = s.has("anyOf") ? "anyOf" : s.has("oneOf") ? "oneOf" : null;
    if (combinator != null && s.has("anyOf") && s.has("oneOf")) {
      throw bad(path, "unsupported: anyOf and oneOf in the same schema");
    }
    if (combinator != null) {
      JsonNode opts = s.get(combinator);
      if (!opts.isArray() || opts.isEmpty()) throw bad(path + "/" + combinator, "expected a non-empty array");
      ObjectNode base = ((ObjectNode) s).deepCopy();
      base.remove(combinator);
      boolean baseHasConstraints = false;
      for (Iterator<String> it = base.fieldNames(); it.hasNext(); ) {
        if (!ANNOTATIONS.contains(it.next())) baseHasConstraints = true;
      }
      for (int i = 0; i < opts.size(); i++) {
        JsonNode o = opts.get(i);
        String op = path + "/" + combinator + "/" + i;
        if (!baseHasConstraints) {
          alts.add(schema(o, op));
        } else {
          JsonNode resolved = o;
          while (resolved.isObject() && resolved.has("$ref") && resolved.size() == 1) resolved = resolve(resolved.get("$ref").asText(), op);
          if (resolved.isBoolean()) {
            if (resolved.booleanValue()) alts.add(schema(base, path));
            continue;
          }
          alts.add(schema(merge(base.deepCopy(), (ObjectNode) resolved.deepCopy(), op), op));
        }
      }
      return Expr.alt(alts);
    }
    return typed((ObjectNode) s, path);
  }

  /** A schema without $ref / allOf / anyOf / oneOf: one alternative per allowed type. */
  private Expr typed(ObjectNode s, String path) {
    if (s.has("const")) return constOrEnum(List.of(s.get("const")), s, path);
    if (s.has("enum")) {
      JsonNode e = s.get("enum");
      if (!e.isArray()) throw bad(path + "/enum", "expected an array");
      List<JsonNode> values = new ArrayList<>();
      e.forEach(values::add);
      return constOrEnum(values, s, path);
    }
    List<String> types = types(s, path);
    List<Expr> alts = new ArrayList<>();
    for (String t : types) {
      switch (t) {
        case "object" -> alts.add(object(s, path));
        case "array" -> alts.add(array(s, path));
        case "string" -> alts.add(string(s, path));
        case "number" -> alts.add(number(s, path, false));
        case "integer" -> alts.add(number(s, path, true));
        case "boolean" -> alts.add(Expr.alt(List.of(lit("true"), lit("false"))));
        case "null" -> alts.add(lit("null"));
        default -> throw bad(path + "/type", "unknown type '" + t + "'");
      }
    }
    if (alts.isEmpty()) return nothing();
    return Expr.alt(alts);
  }

  private List<String> types(ObjectNode s, String path) {
    JsonNode t = s.get("type");
    List<String> out = new ArrayList<>();
    if (t == null) {
      out.addAll(ALL_TYPES);
      return out;
    }
    if (t.isTextual()) {
      out.add(t.textValue());
    } else if (t.isArray()) {
      for (JsonNode x : t) {
        if (!x.isTextual()) throw bad(path + "/type", "expected type names");
        out.add(x.textValue());
      }
    } else {
      throw bad(path + "/type", "expected a string or an array of strings");
    }
    if (out.contains("number")) out.remove("integer");
    return out;
  }

  // ---- const and enum

  private Expr constOrEnum(List<JsonNode> values, ObjectNode s, String path) {
    List<String> types = s.has("type") ? types(s, path) : null;
    List<Expr> alts = new ArrayList<>();
    for (JsonNode v : values) {
      if (types != null && !types.contains(typeOf(v)) && !(typeOf(v).equals("integer") && types.contains("number"))
          && !(typeOf(v).equals("number") && types.contains("integer") && isIntegral(v))) {
        continue;
      }
      alts.add(value(v));
    }
    if (alts.isEmpty()) return nothing();
    return Expr.alt(alts);
  }

  private static boolean isIntegral(JsonNode v) {
    return v.isIntegralNumber() || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0);
  }

  private static String typeOf(JsonNode v) {
    if (v.isObject()) return "object";
    if (v.isArray()) return "array";
    if (v.isTextual()) return "string";
    if (v.isIntegralNumber()) return "integer";
    if (v.isNumber()) return "number";
    if (v.isBoolean()) return "boolean";
    return "null";
  }

  /** Exactly this JSON value (whitespace between lexemes as configured). */
  private Expr value(JsonNode v) {
    tick("#");
    if (v.isObject()) {
      List<Expr> items = new ArrayList<>();
      items.add(lit("{"));
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!first) items.add(lit(","));
        first = false;
        items.add(lit(PythonJson.string(e.getKey())));
        items.add(lit(":"));
        items.add(value(e.getValue()));
      }
      items.add(lit("}"));
      return new Expr.Seq(items);
    }
    if (v.isArray()) {
      List<Expr> items = new ArrayList<>();
      items.add(lit("["));
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) items.add(lit(","));
        items.add(value(v.get(i)));
      }
      items.add(lit("]"));
      return new Expr.Seq(items);
    }
    if (v.isNumber()) {
      BigDecimal want = v.decimalValue();
      return terminal(new Lexeme("/num==" + want.stripTrailingZeros().toPlainString() + "/", regex(NUMBER), new NumberCheck(
          want, true, want, true, null, false)));
    }
    return lit(PythonJson.dumps(v));
  }

  // ---- objects

  private Expr object(ObjectNode s, String path) {
    JsonNode props = s.get("properties");
    if (props != null && !props.isObject()) throw bad(path + "/properties", "expected an object");
    Set<String> required = new LinkedHashSet<>();
    JsonNode req = s.get("required");
    if (req != null) {
      if (!req.isArray()) throw bad(path + "/required", "expected an array");
      for (JsonNode r : req) required.add(r.asText());
    }
    List<String> names = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    List<Boolean> isRequired = new ArrayList<>();
    if (props != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
        var e = it.next();
        String pp = path + "/properties/" + escape(e.getKey());
        JsonNode ps = e.getValue();
        if (ps.isBoolean() && !ps.booleanValue()) {
          if (required.contains(e.getKey())) return nothing();
          names.add(e.getKey()); // listed so that additionalProperties does not admit it
          values.add(null);
          isRequired.add(false);
          continue;
        }
        names.add(e.getKey());
        values.add(schema(ps, pp));
        isRequired.add(required.contains(e.getKey()));
      }
    }
    // keys: listed names, pattern properties, then additionalProperties. A pattern or additional
    // key must not be a listed name (nor, for additional keys, match a pattern): that exclusion
    // is a check on the finished key rather than regex complement, so that every generic key
    // shares the plain string lexeme's lexer states and slices.
    List<Expr> additional = new ArrayList<>();
    List<String> extraRequired = new ArrayList<>();
    for (String r : required) if (!names.contains(r)) extraRequired.add(r);
    Set<String> listedKeys = new java.util.HashSet<>();
    for (String n : names) listedKeys.add(PythonJson.string(n));
    for (String n : extraRequired) listedKeys.add(PythonJson.string(n));
    JsonNode pattern = s.get("patternProperties");
    List<Regex> patternKeys = new ArrayList<>();
    Map<String, Regex> patternRegex = new LinkedHashMap<>();
    if (pattern != null) {
      if (!pattern.isObject()) throw bad(path + "/patternProperties", "expected an object");
      for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
        var e = it.next();
        String pp = path + "/patternProperties/" + escape(e.getKey());
        Regex key = stringRegex(e.getKey(), -1, 0, -1, pp);
        patternRegex.put(e.getKey(), key);
        patternKeys.add(key);
        KeyCheck check = new KeyCheck(listedKeys, List.of(), pp);
        additional.add(new Expr.Seq(List.of(terminal(new Lexeme("key/" + pp, key, check)), lit(":"), schema(e.getValue(), pp))));
      }
    }
    JsonNode ap = s.get("additionalProperties");
    boolean apAllowed = ap == null || !(ap.isBoolean() && !ap.booleanValue());
    if (apAllowed) {
      KeyCheck check = new KeyCheck(listedKeys, patternKeys, path + "/additionalProperties");
      Lexeme key = new Lexeme("key/" + path + "/additionalProperties", regex("\"" + CHAR + "*\""),
          check.isTrivial() ? null : check);
      Expr apValue = ap == null ? anyValue() : schema(ap, path + "/additionalProperties");
      additional.add(new Expr.Seq(List.of(terminal(key), lit(":"), apValue)));
    }
    // a required property not listed in properties takes its schema from a matching pattern
    // property, else from additionalProperties
    for (String r : extraRequired) {
      byte[] quoted = PythonJson.string(r).getBytes(StandardCharsets.UTF_8);
      Expr value = null;
      if (pattern != null) {
        for (var e : patternRegex.entrySet()) {
          if (e.getValue().matches(quoted)) {
            value = schema(pattern.get(e.getKey()), path + "/patternProperties/" + escape(e.getKey()));
            break;
          }
        }
      }
      if (value == null) {
        if (!apAllowed) return nothing();
        value = ap == null ? anyValue() : schema(ap, path + "/additionalProperties");
      }
      names.add(r);
      values.add(value);
      isRequired.add(true);
    }
    int minProps = s.has("minProperties") ? s.get("minProperties").asInt() : 0;
    int maxProps = s.has("maxProperties") ? s.get("maxProperties").asInt() : Integer.MAX_VALUE;
    long requiredCount = isRequired.stream().filter(b -> b).count();
    Expr addl = additional.isEmpty() ? null : Expr.alt(additional);
    List<Expr> members = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      members.add(values.get(i) == null ? null
          : new Expr.Seq(List.of(lit(PythonJson.string(names.get(i))), lit(":"), values.get(i))));
    }
    boolean minBinds = minProps > requiredCount;
    boolean maxBinds = maxProps < Integer.MAX_VALUE && (maxProps < names.size() || addl != null);
    if ((minBinds || maxBinds) && requiredCount > 0 && options.anyPropertyOrder()) {
      return checkedObject(members, isRequired, names, addl, minProps, maxProps, path);
    }
    if (minBinds || maxBinds) {
      if (requiredCount > 0) {
        throw bad(path + (minBinds ? "/minProperties" : "/maxProperties"), "unsupported keyword '"
            + (minBinds ? "minProperties" : "maxProperties") + "' together with required properties");
      }
      return countedObject(members, addl, minProps, maxProps);
    }
    if (options.anyPropertyOrder() && requiredCount > MAX_REQUIRED_SUBSETS_LOG) {
      return checkedObject(members, isRequired, names, addl, 0, Integer.MAX_VALUE, path);
    }
    if (options.anyPropertyOrder()) return anyOrderObject(members, isRequired, addl, false, path);
    return schemaOrderObject(members, isRequired, addl, false);
  }

  /**
   * Any order with too many required properties for the grammar, or with min/maxProperties
   * besides required ones: members in any order, and the closing brace checks that every
   * required key is there and counts the keys (a departure: the mask does not steer
   * towards the missing keys; an object closed too early is refused at its brace).
   */
  private Expr checkedObject(List<Expr> members, List<Boolean> isRequired, List<String> names, Expr addl,
      int minProps, int maxProps, String path) {
    List<Expr> any = new ArrayList<>();
    Set<String> required = new java.util.HashSet<>();
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i) != null) any.add(members.get(i));
      if (isRequired.get(i)) required.add(PythonJson.string(names.get(i)));
    }
    if (addl != null) any.add(addl);
    Expr member = Expr.alt(any);
    Expr close = terminal(new Lexeme("}/required@" + path, SharedRegexes.get("lit:}", () -> Regex.literal("}")), new RequiredKeysCheck(required, minProps, maxProps, path)));
    return new Expr.Seq(List.of(lit("{"), member, Expr.star(new Expr.Seq(List.of(lit(","), member))), close));
  }

  /**
   * An object with no required properties and a bound on how many it has: members in any order,
   * counted (a property may repeat; see docs/grammar.md).
   */
  private Expr countedObject(List<Expr> members, Expr addl, int min, int max) {
    List<Expr> any = new ArrayList<>();
    for (Expr m : members) if (m != null) any.add(m);
    if (addl != null) any.add(addl);
    if (max == 0 || any.isEmpty()) return min > 0 ? nothing() : new Expr.Seq(List.of(lit("{"), lit("}")));
    Expr member = Expr.alt(any);
    int tmin = Math.max(0, min - 1);
    int tmax = max == Integer.MAX_VALUE ? -1 : max - 1;
    if (tmax != -1 && tmax < tmin) return nothing();
    Expr body = new Expr.Seq(List.of(member, new Expr.Repeat(new Expr.Seq(List.of(lit(","), member)), tmin, tmax)));
    return new Expr.Seq(List.of(lit("{"), min > 0 ? body : Expr.optional(body), lit("}")));
  }

  /**
   * Members in schema order; additional members anywhere. T(i, emitted) = the members from listed
   * property i on; "first" rules have emitted nothing yet (no leading comma).
   */
  private Expr schemaOrderObject(List<Expr> members, List<Boolean> isRequired, Expr addl, boolean needOne) {
    int n = members.size();
    String[] first = new String[n + 1];
    String[] rest = new String[n + 1];
    for (int i = 0; i <= n; i++) {
      first[i] = newRule();
      rest[i] = newRule();
    }
    for (int i = n; i >= 0; i--) {
      List<Expr> f = new ArrayList<>();
      List<Expr> r = new ArrayList<>();
      if (addl != null) {
        f.add(new Expr.Seq(List.of(addl, new Expr.Ref(rest[i]))));
        r.add(new Expr.Seq(List.of(lit(","), addl, new Expr.Ref(rest[i]))));
      }
      if (i == n) {
        if (!needOne) f.add(Expr.EMPTY);
        r.add(Expr.EMPTY);
      } else {
        Expr member = members.get(i);
        if (member != null) {
          f.add(new Expr.Seq(List.of(member, new Expr.Ref(rest[i + 1]))));
          r.add(new Expr.Seq(List.of(lit(","), member, new Expr.Ref(rest[i + 1]))));
        }
        if (!isRequired.get(i)) {
          f.add(new Expr.Ref(first[i + 1]));
          r.add(new Expr.Ref(rest[i + 1]));
        }
      }
      rules.put(first[i], f.isEmpty() ? nothing() : Expr.alt(f));
      rules.put(rest[i], r.isEmpty() ? nothing() : Expr.alt(r));
    }
    return new Expr.Seq(List.of(lit("{"), new Expr.Ref(first[0]), lit("}")));
  }

  /**
   * Members in any order. The state is which required properties have been written: a bit set
   * for up to {@value #MAX_REQUIRED_SUBSETS_LOG} required properties (2^r rules), else the index of
   * the next required property (required ones then keep their schema order among themselves).
   * Optional and additional members may come anywhere, repeats included.
   */
  private Expr anyOrderObject(List<Expr> members, List<Boolean> isRequired, Expr addl, boolean needOne, String path) {
    List<Integer> req = new ArrayList<>();
    List<Expr> optional = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i) == null) continue;
      if (isRequired.get(i)) req.add(i);
      else optional.add(members.get(i));
    }
    if (addl != null) optional.add(addl);
    int r = req.size();
    if (r > MAX_REQUIRED_SUBSETS_LOG) {
      throw bad(path + "/required", "unsupported: more than " + MAX_REQUIRED_SUBSETS_LOG
          + " required properties in any order (the grammar needs 2^n rules); use schema property order");
    }
    boolean subsets = true;
    int states = subsets ? 1 << r : r + 1;
    int full = states - 1;
    String[] first = new String[states];
    String[] rest = new String[states];
    for (int st = 0; st < states; st++) {
      first[st] = newRule();
      rest[st] = newRule();
    }
    Expr anyOptional = optional.isEmpty() ? null : Expr.alt(optional);
    for (int st = 0; st < states; st++) {
      List<Expr> f = new ArrayList<>();
      List<Expr> rs = new ArrayList<>();
      if (anyOptional != null) {
        f.add(new Expr.Seq(List.of(anyOptional, new Expr.Ref(rest[st]))));
        rs.add(new Expr.Seq(List.of(lit(","), anyOptional, new Expr.Ref(rest[st]))));
      }
      for (int k = 0; k < r; k++) {
        int next;
        if (subsets) {
          if ((st & (1 << k)) != 0) continue;
          next = st | (1 << k);
        } else {
          if (st != k) continue;
          next = st + 1;
        }
        Expr m = members.get(req.get(k));
        f.add(new Expr.Seq(List.of(m, new Expr.Ref(rest[next]))));
        rs.add(new Expr.Seq(List.of(lit(","), m, new Expr.Ref(rest[next]))));
      }
      if (st == full) {
        if (!needOne || r > 0) f.add(Expr.EMPTY);
        rs.add(Expr.EMPTY);
      }
      rules.put(first[st], f.isEmpty() ? nothing() : Expr.alt(f));
      rules.put(rest[st], rs.isEmpty() ? nothing() : Expr.alt(rs));
    }
    return new Expr.Seq(List.of(lit("{"), new Expr.Ref(first[0]), lit("}")));
  }

  private static final int MAX_REQUIRED_SUBSETS_LOG = 10;

  // ---- arrays

  private Expr array(ObjectNode s, String path) {
    List<Expr> prefix = new ArrayList<>();
    JsonNode items = s.get("items");
    JsonNode prefixItems = s.get("prefixItems");
    Expr restItem;
    if (prefixItems != null) {
      if (!prefixItems.isArray()) throw bad(path + "/prefixItems", "expected an array");
      for (int i = 0; i < prefixItems.size(); i++) prefix.add(schema(prefixItems.get(i), path + "/prefixItems/" + i));
      restItem = items == null ? anyValue() : schema(items, path + "/items");
    } else if (items != null && items.isArray()) {
      for (int i = 0; i < items.size(); i++) prefix.add(schema(items.get(i), path + "/items/" + i));
      JsonNode ai = s.get("additionalItems");
      restItem = ai == null ? anyValue() : schema(ai, path + "/additionalItems");
    } else {
      restItem = items == null ? anyValue() : schema(items, path + "/items");
    }
    int min = s.has("minItems") ? s.get("minItems").asInt() : 0;
    int max = s.has("maxItems") ? s.get("maxItems").asInt() : -1;
    if (max != -1 && max < min) return nothing();
    if (min > 10_000 || max > 10_000) throw bad(path + "/maxItems", "array length bounds above 10000 are not supported");
    // elements: position k uses prefix[k] or restItem; positions >= min are optional
    boolean restIsNothing = restItem == NOTHING_EXPR;
    int total = max == -1 ? -1 : max;
    if (restIsNothing) total = total == -1 ? prefix.size() : Math.min(total, prefix.size());
    if (total != -1 && total < min) return nothing();
    // tail after the prefix part: ("," rest){a,b}
    Expr tail = Expr.EMPTY;
    int k = prefix.size();
    if (total == -1 || total > k) {
      int tailMin = Math.max(0, min - k);
      int tailMax = total == -1 ? -1 : total - k;
      tail = new Expr.Repeat(new Expr.Seq(List.of(lit(","), restItem)), tailMin, tailMax);
    }
    // build from the end: after element i (0-based), what follows
    // seqFrom(i) = elements i.. with leading comma; optional when i >= min
    Expr after = tail;
    int last = Math.min(k, total == -1 ? k : total);
    for (int i = last - 1; i >= 1; i--) {
      Expr el = new Expr.Seq(List.of(lit(","), prefix.get(i), after));
      after = i >= min ? Expr.optional(el) : el;
    }
    Expr body;
    if (last >= 1) {
      Expr firstEl = new Expr.Seq(List.of(prefix.getFirst(), after));
      body = min >= 1 ? firstEl : Expr.optional(firstEl);
    } else if (total == 0) {
      body = Expr.EMPTY;
    } else {
      // no prefix: restItem ("," restItem){min-1, max-1}
      int tmin = Math.max(0, min - 1);
      int tmax = total == -1 ? -1 : total - 1;
      Expr firstEl = new Expr.Seq(List.of(restItem, new Expr.Repeat(new Expr.Seq(List.of(lit(","), restItem)), tmin, tmax)));
      body = min >= 1 ? firstEl : Expr.optional(firstEl);
    }
    return new Expr.Seq(List.of(lit("["), body, lit("]")));
  }

  // ---- strings

  private Expr string(ObjectNode s, String path) {
    int min = s.has("minLength") ? s.get("minLength").asInt() : 0;
    int max = s.has("maxLength") ? s.get("maxLength").asInt() : -1;
    if (max != -1 && max < min) return nothing();
    String pattern = s.has("pattern") ? s.get("pattern").asText() : null;
    String format = s.has("format") && s.get("format").isTextual() ? s.get("format").asText() : null;
    // Counted strings make one lexer state per position, each built lazily at the cost of a
    // derivative per byte class: fine for short bounds, a mask-time tail for maxLength 255. Above
    // MAX_REGEX_LENGTH the regex keeps the (small) minimum and an exact check on the finished
    // string enforces the rest (a departure: the mask does not stop a string at maxLength).
    boolean counted = max == -1 ? min <= MAX_REGEX_LENGTH : max <= MAX_REGEX_LENGTH;
    int rmin = counted ? min : Math.min(min, MAX_REGEX_LENGTH);
    int rmax = counted ? max : -1;
    LengthCheck lengthCheck = counted ? null : new LengthCheck(min, max);
    if (format != null) {
      String fre = Formats.regex(format);
      if (fre == null) throw bad(path + "/format", "unsupported format '" + format + "'");
      Regex re = stringRegex("^" + fre + "$", -1, rmin, rmax, path + "/format");
      if (pattern != null) {
        Regex formatted = re;
        Regex patterned = stringRegex(pattern, -1, rmin, rmax, path + "/pattern");
        re = SharedRegexes.get("and:" + formatted.pattern() + "\u0000" + patterned.pattern(), () -> formatted.and(patterned));
      }
      return terminal(new Lexeme("str/" + path + "/" + format + "/" + pattern + "/" + min + "," + max, re, lengthCheck));
    }
    if (pattern != null) {
      return terminal(new Lexeme("str/" + pattern + "/" + min + "," + max, stringRegex(pattern, -1, rmin, rmax, path + "/pattern"), lengthCheck));
    }
    String count = rmin == 0 && rmax == -1 ? "*" : "{" + rmin + "," + (rmax == -1 ? "" : rmax) + "}";
    return terminal(new Lexeme("str" + count + (lengthCheck == null ? "" : lengthCheck.describe()),
        regex("\"" + CHAR + count + "\""), lengthCheck));
  }

  /**
   * The lexeme regex of a JSON string whose content matches the ECMAScript {@code pattern}
   * (unanchored unless it says ^ and $) with {@code min..max} characters. Patterned strings hold
   * unescaped characters only (a documented departure).
   */
  private Regex stringRegex(String pattern, int unused, int min, int max, String path) {
    String content = anchored(pattern, path);
    String count = min == 0 && max == -1 ? "*" : "{" + min + "," + (max == -1 ? "" : max) + "}";
    return SharedRegexes.get("str:" + content + "\u0000" + count, () -> {
      Regex re;
      try {
        re = Regex.compile("\"(?:" + content + ")\"", LIMITS);
      } catch (BadInputException e) {
        throw bad(path, "unsupported pattern /" + pattern + "/: " + e.getMessage());
      }
      return re.and(Regex.compile("\"" + RAW_CHAR + count + "\"", LIMITS));
    });
  }

  /** An ECMAScript search pattern as a full-match regex: unanchored sides get [\s\S]*. */
  private String anchored(String pattern, String path) {
    List<String> branches = topLevelBranches(pattern);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < branches.size(); i++) {
      String p = branches.get(i);
      boolean start = p.startsWith("^");
      boolean end = p.endsWith("$") && !p.endsWith("\\$");
      if (start) p = p.substring(1);
      if (end) p = p.substring(0, p.length() - 1);
      if (i > 0) b.append('|');
      b.append(start ? "" : "[\\s\\S]*").append("(?:").append(p).append(")").append(end ? "" : "[\\s\\S]*");
    }
    return b.toString();
  }

  private static List<String> topLevelBranches(String p) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (inClass) {
        if (c == ']') inClass = false;
        continue;
      }
      if (c == '[') inClass = true;
      else if (c == '(') depth++;
      else if (c == ')') depth--;
      else if (c == '|' && depth == 0) {
        out.add(p.substring(start, i));
        start = i + 1;
      }
    }
    out.add(p.substring(start));
    return out;
  }

  // ---- numbers

  private Expr number(ObjectNode s, String path, boolean integer) {
    BigDecimal min = null;
    BigDecimal max = null;
    boolean minIncl = true;
    boolean maxIncl = true;
    if (s.has("minimum")) min = decimal(s.get("minimum"), path + "/minimum");
    if (s.has("maximum")) max = decimal(s.get("maximum"), path + "/maximum");
    JsonNode emin = s.get("exclusiveMinimum");
    JsonNode emax = s.get("exclusiveMaximum");
    if (emin != null) {
      if (emin.isBoolean()) minIncl = !emin.booleanValue();
      else {
        BigDecimal v = decimal(emin, path + "/exclusiveMinimum");
        if (min == null || v.compareTo(min) >= 0) {
          min = v;
          minIncl = false;
        }
      }
    }
    if (emax != null) {
      if (emax.isBoolean()) maxIncl = !emax.booleanValue();
      else {
        BigDecimal v = decimal(emax, path + "/exclusiveMaximum");
        if (max == null || v.compareTo(max) <= 0) {
          max = v;
          maxIncl = false;
        }
      }
    }
    BigDecimal multipleOf = s.has("multipleOf") ? decimal(s.get("multipleOf"), path + "/multipleOf") : null;
    if (multipleOf != null && multipleOf.signum() <= 0) throw bad(path + "/multipleOf", "must be positive");
    // integers: JSON Schema counts 1.0 as an integer, and Python writes integral floats that way
    String re = integer ? INTEGER + "(?:\\.0+)?" : NUMBER;
    if (min != null && min.signum() >= 0) re = integer ? "(?:0|[1-9][0-9]*)(?:\\.0+)?" : NUMBER.substring(2);
    if (min == null && max == null && multipleOf == null && !integer) return terminal(new Lexeme("number", regex(re), null));
    if (min == null && max == null && multipleOf == null) return terminal(new Lexeme("integer", regex(re), null));
    NumberCheck check = new NumberCheck(min, minIncl, max, maxIncl, multipleOf, integer);
    return terminal(new Lexeme("/" + re + "/" + check.describe(), regex(re), check));
  }

  private BigDecimal decimal(JsonNode v, String path) {
    if (!v.isNumber()) throw bad(path, "expected a number, found " + kind(v));
    return v.decimalValue();
  }

  // ---- any value

  private static final Expr NOTHING_EXPR = new Expr.Terminal(new Lexeme("∅", Regex.compile("a").and(Regex.compile("b")), null));

  private Expr nothing() {
    return NOTHING_EXPR;
  }

  private Expr anyValue() {
    if (!rules.containsKey("any_value")) {
      rules.put("any_value", Expr.EMPTY); // placeholder for recursion
      Expr str = terminal(new Lexeme("str*", regex("\"" + CHAR + "*\""), null));
      Expr member = new Expr.Seq(List.of(str, lit(":"), new Expr.Ref("any_value")));
      Expr object = new Expr.Seq(List.of(lit("{"), Expr.optional(new Expr.Seq(List.of(member,
          Expr.star(new Expr.Seq(List.of(lit(","), member)))))), lit("}")));
      Expr array = new Expr.Seq(List.of(lit("["), Expr.optional(new Expr.Seq(List.of(new Expr.Ref("any_value"),
          Expr.star(new Expr.Seq(List.of(lit(","), new Expr.Ref("any_value"))))))), lit("]")));
      rules.put("any_value", Expr.alt(List.of(object, array, str, terminal(new Lexeme("number", regex(NUMBER), null)),
          lit("true"), lit("false"), lit("null"))));
    }
    return new Expr.Ref("any_value");
  }

  // ---- $ref

  private String refRule(String ref, String path) {
    String name = refRules.get(ref);
    if (name != null) return name;
    JsonNode target = resolve(ref, path);
    name = newRule();
    refRules.put(ref, name);
    rules.put(name, Expr.EMPTY); // placeholder: recursion refers to the name
    rules.put(name, schema(target, refPath(ref)));
    return name;
  }

  private static String refPath(String ref) {
    return ref.startsWith("#") ? ref : "#";
  }

  private JsonNode resolve(String ref, String path) {
    if (ids.containsKey(ref)) return ids.get(ref);
    String pointer = ref;
    int hash = ref.indexOf('#');
    if (hash > 0) {
      String base = ref.substring(0, hash);
      JsonNode doc = ids.get(base);
      if (doc == null) doc = ids.get(base + "#");
      if (doc == null) {
        Object rootId = root.has("$id") ? root.get("$id").asText() : root.has("id") ? root.get("id").asText() : null;
        if (rootId != null && (rootId.equals(base) || ((String) rootId).startsWith(base) || ((String) rootId).endsWith(base))) doc = root;
      }
      if (doc == null) throw bad(path, "unsupported: $ref to another document '" + ref + "'");
      return pointer(doc, ref.substring(hash), ref, path);
    }
    if (hash < 0) {
      JsonNode doc = ids.get(ref);
      if (doc != null) return doc;
      throw bad(path, "unsupported: $ref to another document '" + ref + "'");
    }
    return pointer(root, pointer, ref, path);
  }

  private JsonNode pointer(JsonNode doc, String fragment, String ref, String path) {
    if (fragment.equals("#") || fragment.isEmpty()) return doc;
    if (!fragment.startsWith("#/")) {
      JsonNode anchor = ids.get(fragment);
      if (anchor != null) return anchor;
      throw bad(path, "cannot resolve $ref '" + ref + "'");
    }
    JsonNode cur = doc;
    for (String part : fragment.substring(2).split("/", -1)) {
      String key = java.net.URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8).replace("~1", "/").replace("~0", "~");
      if (cur.isArray()) {
        try {
          cur = cur.get(Integer.parseInt(key));
        } catch (NumberFormatException e) {
          cur = null;
        }
      } else {
        cur = cur.get(key);
      }
      if (cur == null) throw bad(path, "cannot resolve $ref '" + ref + "'");
    }
    return cur;
  }

  private void collectIds(JsonNode s, String path) {
    if (s.isObject()) {
      for (String k : List.of("$id", "id")) {
        JsonNode id = s.get(k);
        if (id != null && id.isTextual()) ids.putIfAbsent(id.textValue(), s);
      }
      JsonNode anchor = s.get("$anchor");
      if (anchor != null && anchor.isTextual()) ids.putIfAbsent("#" + anchor.textValue(), s);
      for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getKey().equals("enum") || e.getKey().equals("const") || e.getKey().equals("default")
            || e.getKey().equals("examples")) continue;
        if (e.getValue().isContainerNode()) collectIds(e.getValue(), path);
      }
    } else if (s.isArray()) {
      for (JsonNode x : s) if (x.isContainerNode()) collectIds(x, path);
    }
  }

  // ---- allOf merging

  /** The schema both {@code a} and {@code b} describe, for the keywords that can be merged. */
  private ObjectNode merge(ObjectNode a, ObjectNode b, String path) {
    tick(path);
    for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
      var e = it.next();
      String k = e.getKey();
      JsonNode bv = e.getValue();
      JsonNode av = a.get(k);
      if (av == null) {
        a.set(k, bv.deepCopy());
        continue;
      }
      if (av.equals(bv) || ANNOTATIONS.contains(k)) continue;
      switch (k) {
        case "properties" -> {
          ObjectNode merged = ((ObjectNode) av).deepCopy();
          for (Iterator<Map.Entry<String, JsonNode>> pit = bv.fields(); pit.hasNext(); ) {
            var p = pit.next();
            JsonNode existing = merged.get(p.getKey());
            if (existing == null) merged.set(p.getKey(), p.getValue());
            else merged.set(p.getKey(), both(existing, p.getValue()));
          }
          a.set(k, merged);
        }
        case "required" -> {
          Set<String> req = new LinkedHashSet<>();
          av.forEach(x -> req.add(x.asText()));
          bv.forEach(x -> req.add(x.asText()));
          ArrayNode arr = JsonNodeFactory.instance.arrayNode();
          req.forEach(arr::add);
          a.set(k, arr);
        }
        case "type" -> {
          Set<String> ta = new LinkedHashSet<>();
          Set<String> tb = new LinkedHashSet<>();
          if (av.isArray()) av.forEach(x -> ta.add(x.asText())); else ta.add(av.asText());
          if (bv.isArray()) bv.forEach(x -> tb.add(x.asText())); else tb.add(bv.asText());
          if (ta.contains("number") && tb.contains("integer")) ta.add("integer");
          if (tb.contains("number") && ta.contains("integer")) tb.add("integer");
          ta.retainAll(tb);
          ArrayNode arr = JsonNodeFactory.instance.arrayNode();
          ta.forEach(arr::add);
          a.set(k, arr);
        }
        case "minimum", "minLength", "minItems", "minProperties", "exclusiveMinimum" -> {
          if (av.isNumber() && bv.isNumber()) { if (bv.decimalValue().compareTo(av.decimalValue()) > 0) a.set(k, bv); }
          else throw bad(path, "unsupported: allOf with differing '" + k + "'");
        }
        case "maximum", "maxLength", "maxItems", "maxProperties", "exclusiveMaximum" -> {
          if (av.isNumber() && bv.isNumber()) { if (bv.decimalValue().compareTo(av.decimalValue()) < 0) a.set(k, bv); }
          else throw bad(path, "unsupported: allOf with differing '" + k + "'");
        }
        case "additionalProperties", "items", "additionalItems" -> a.set(k, both(av, bv));
        case "enum" -> {
          ArrayNode arr = JsonNodeFactory.instance.arrayNode();
          for (JsonNode x : av) for (JsonNode y : bv) if (x.equals(y)) { arr.add(x); break; }
          a.set(k, arr);
        }
        case "anyOf", "oneOf" -> {
          // (A1|A2) & (B1|B2) = the pairwise merges
          ArrayNode arr = JsonNodeFactory.instance.arrayNode();
          for (JsonNode x : av) for (JsonNode y : bv) arr.add(both(x, y));
          a.set(k, arr);
        }
        default -> throw bad(path, "unsupported: allOf combining two different '" + k + "'");
      }
    }
    return a;
  }

  private JsonNode both(JsonNode x, JsonNode y) {
    if (x.isBoolean()) return x.booleanValue() ? y : x;
    if (y.isBoolean()) return y.booleanValue() ? x : y;
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    ArrayNode all = n.putArray("allOf");
    all.add(x);
    all.add(y);
    return n;
  }

  // ---- helpers

  private Expr lit(String text) {
    Lexeme l = lexemes.computeIfAbsent("lit:" + text,
        t -> new Lexeme(Lexeme.literal(text).key(), SharedRegexes.get("lit:" + text, () -> Regex.literal(text)), null));
    return new Expr.Terminal(l);
  }

  private Expr terminal(Lexeme l) {
    Lexeme shared = lexemes.computeIfAbsent("lex:" + l.key(), t -> l);
    return new Expr.Terminal(shared);
  }

  private static Regex regex(String pattern) {
    return SharedRegexes.get("re:" + pattern, () -> Regex.compile(pattern, LIMITS));
  }

  private String newRule() {
    return "r" + (++ruleCounter);
  }

  private void tick(String path) {
    if (++nodes > options.maxGrammarNodes()) {
      throw bad(path, "the grammar would exceed " + options.maxGrammarNodes() + " nodes (JsonSchemaOptions.maxGrammarNodes)");
    }
    if ((nodes & 63) == 0 && System.nanoTime() > deadline) {
      throw bad(path, "compiling took longer than " + options.maxCompileMillis() + " ms (JsonSchemaOptions.maxCompileMillis)");
    }
  }

  private static String kind(JsonNode v) {
    return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static BadInputException bad(String path, String what) {
    return new BadInputException("schema " + path, what);
  }

  /** Keywords each type uses (for diagnostics). */
  static Set<String> typeKeywords() {
    Set<String> all = new LinkedHashSet<>();
    all.addAll(OBJECT_KEYS);
    all.addAll(ARRAY_KEYS);
    all.addAll(STRING_KEYS);
    all.addAll(NUMBER_KEYS);
    return all;
  }
}
