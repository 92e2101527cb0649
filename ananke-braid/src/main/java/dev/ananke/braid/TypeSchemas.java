package dev.ananke.braid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.JsonSchema;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.TypeDeclaration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/*
 * Declared types to JSON Schema. The root is the target type's own schema; every declared type
 * it refers to, directly or through arrays, maps and optionals, goes into $defs (sorted by
 * name) and is referenced as {"$ref": "#/$defs/Name"}, which also makes recursive types work.
 * Field order is declaration order, so generation follows the source. Type texts are read by
 * TypeText, which knows the primitive spellings of every supported language.
 */
final class TypeSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  record Result(JsonSchema schema, Set<String> usedTypes) {}

  private final Map<String, TypeDeclaration> declared = new TreeMap<>();

  TypeSchemas(ConstraintSet set) {
    for (var c : set.constraints()) {
      if (c.payload() instanceof TypeDeclaration t) declared.putIfAbsent(t.name(), t);
    }
  }

  boolean declares(String name) {
    return declared.containsKey(name);
  }

  Set<String> declaredNames() {
    return declared.keySet();
  }

  Result schemaOf(String root) {
    Set<String> used = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>();
    TypeText types = new TypeText(declared.keySet(), name -> {
      if (used.add(name)) pending.add(name);
    });
    used.add(root);
    ObjectNode rootSchema = NODES.objectNode();
    rootSchema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    rootSchema.put("title", root);
    rootSchema.setAll(declarationSchema(declared.get(root), types));
    Map<String, ObjectNode> defs = new TreeMap<>();
    while (!pending.isEmpty()) {
      String name = pending.poll();
      if (!name.equals(root)) defs.put(name, declarationSchema(declared.get(name), types));
    }
    if (used.contains(root) && types.refersTo(root)) {
      defs.put(root, declarationSchema(declared.get(root), types));
    }
    if (!defs.isEmpty()) {
      ObjectNode defsNode = rootSchema.putObject("$defs");
      defs.forEach(defsNode::set);
    }
    try {
      return new Result(new JsonSchema(MAPPER.writeValueAsString(rootSchema)), Set.copyOf(used));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode declarationSchema(TypeDeclaration t, TypeText types) {
    ObjectNode s = NODES.objectNode();
    switch (t.kind()) {
      case ENUM -> {
        if (t.variants().isEmpty()) throw unmappable(t, "an enum without variants");
        ArrayNode values = s.putArray("enum");
        t.variants().forEach(values::add);
      }
      case ALIAS -> s.setAll(types.schema(t.aliasOf(), t.name()));
      case UNION -> {
        if (t.variants().isEmpty()) throw unmappable(t, "a union without variants");
        ArrayNode anyOf = s.putArray("anyOf");
        if (t.fields().isEmpty()) {
          for (String v : t.variants()) anyOf.add(types.schema(v, t.name()));
        } else {
          // a tagged union (Zig union(enum), a Rust enum with data): {"tag": payload}, as
          // std.json and serde write it; a tag without payload is the tag's name
          for (String v : t.variants()) {
            Field payload = t.fields().stream().filter(f -> f.name().equals(v)).findFirst().orElse(null);
            if (payload == null || payload.type() == null) {
              anyOf.add(NODES.objectNode().put("const", v));
              continue;
            }
            ObjectNode tagged = anyOf.addObject();
            tagged.put("type", "object");
            tagged.putObject("properties").set(v, types.schema(payload.type(), t.name() + "." + v));
            tagged.putArray("required").add(v);
            tagged.put("additionalProperties", false);
          }
        }
      }
      case INTERFACE, CLASS, RECORD, STRUCT -> {
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        List<String> required = new ArrayList<>();
        for (Field f : t.fields()) {
          if (f.type() == null) throw unmappable(t, "field " + f.name() + " has no declared type");
          props.set(f.name(), types.schema(f.type(), t.name() + "." + f.name()));
          if (!f.optional()) required.add(f.name());
        }
        if (!required.isEmpty()) {
          ArrayNode req = s.putArray("required");
          required.forEach(req::add);
        }
        s.put("additionalProperties", false);
      }
      case TRAIT -> throw unmappable(t, "a trait has no values");
    }
    return s;
  }

  private static BadInputException unmappable(TypeDeclaration t, String why) {
    return new BadInputException("type " + t.name(), "cannot compile to JSON Schema: " + why);
  }
}
