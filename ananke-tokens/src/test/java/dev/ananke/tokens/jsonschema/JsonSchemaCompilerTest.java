package dev.ananke.tokens.jsonschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.error.BadInputException;
import dev.ananke.tokens.earley.CompiledGrammar;
import org.junit.jupiter.api.Test;

/** JSON Schema features one by one: what each accepts and refuses. */
class JsonSchemaCompilerTest {
  private static CompiledGrammar schema(String json) {
    return CompiledGrammar.compile(JsonSchemaCompiler.compile(json));
  }

  private static CompiledGrammar anyOrder(String json) {
    return CompiledGrammar.compile(JsonSchemaCompiler.compile(json, JsonSchemaOptions.DEFAULT.withAnyPropertyOrder(true)));
  }

  private static String error(String json) {
    return assertThrows(BadInputException.class, () -> JsonSchemaCompiler.compile(json)).getMessage();
  }

  @Test
  void types() {
    CompiledGrammar g = schema("{\"type\": [\"string\", \"null\", \"boolean\"]}");
    assertTrue(g.accepts("\"x\\n\\u00e9\""));
    assertTrue(g.accepts("null"));
    assertTrue(g.accepts("false"));
    assertFalse(g.accepts("1"));
    CompiledGrammar n = schema("{\"type\": \"number\"}");
    assertTrue(n.accepts("-1.5e+3"));
    assertFalse(n.accepts("01"));
    CompiledGrammar i = schema("{\"type\": \"integer\"}");
    assertTrue(i.accepts("-12"));
    assertTrue(i.accepts("3.0")); // an integer in JSON Schema's sense
    assertFalse(i.accepts("3.5"));
  }

  @Test
  void anyValueWhenNoType() {
    CompiledGrammar g = schema("{}");
    assertTrue(g.accepts("{\"a\": [1, {\"b\": null}], \"c\": \"d\"}"));
    assertTrue(g.accepts("true"));
    assertFalse(g.accepts("{\"a\" 1}"));
  }

  @Test
  void propertiesRequiredAndSchemaOrder() {
    String s = """
        {"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "string"}},
         "required": ["b"], "additionalProperties": false}""";
    CompiledGrammar g = schema(s);
    assertTrue(g.accepts("{\"a\": 1, \"b\": \"x\"}"));
    assertTrue(g.accepts("{\"b\": \"x\"}"));
    assertFalse(g.accepts("{\"a\": 1}"));
    assertFalse(g.accepts("{\"b\": \"x\", \"a\": 1}"));
    assertFalse(g.accepts("{\"b\": \"x\", \"c\": 1}"));
    CompiledGrammar any = anyOrder(s);
    assertTrue(any.accepts("{\"b\": \"x\", \"a\": 1}"));
    assertFalse(any.accepts("{\"a\": 1}"));
  }

  @Test
  void additionalAndPatternProperties() {
    CompiledGrammar g = schema("""
        {"type": "object", "properties": {"id": {"type": "integer"}},
         "patternProperties": {"^x-": {"type": "string"}},
         "additionalProperties": {"type": "boolean"}}""");
    assertTrue(g.accepts("{\"id\": 1, \"x-a\": \"s\", \"other\": true}"));
    assertFalse(g.accepts("{\"id\": \"1\"}"));
    assertFalse(g.accepts("{\"x-a\": true}"));
    assertFalse(g.accepts("{\"other\": \"s\"}"));
  }

  @Test
  void arrays() {
    CompiledGrammar g = schema("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"minItems\": 1, \"maxItems\": 3}");
    assertTrue(g.accepts("[1]"));
    assertTrue(g.accepts("[1, 2, 3]"));
    assertFalse(g.accepts("[]"));
    assertFalse(g.accepts("[1, 2, 3, 4]"));
    CompiledGrammar t = schema("{\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"integer\"}], \"items\": false}");
    assertTrue(t.accepts("[\"a\", 1]"));
    assertTrue(t.accepts("[\"a\"]"));
    assertFalse(t.accepts("[\"a\", 1, 2]"));
    assertFalse(t.accepts("[1]"));
  }

  @Test
  void enumAndConst() {
    CompiledGrammar g = schema("{\"enum\": [\"red\", 1, null, {\"a\": [true]}]}");
    assertTrue(g.accepts("\"red\""));
    assertTrue(g.accepts("1.0"));
    assertTrue(g.accepts("{\"a\": [ true ]}"));
    assertFalse(g.accepts("\"blue\""));
    assertFalse(g.accepts("2"));
    assertTrue(schema("{\"const\": \"x\"}").accepts("\"x\""));
  }

  @Test
  void combinators() {
    CompiledGrammar any = schema("{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\", \"minimum\": 5}]}");
    assertTrue(any.accepts("\"a\""));
    assertTrue(any.accepts("7"));
    assertFalse(any.accepts("3"));
    CompiledGrammar all = schema("""
        {"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
                   {"properties": {"b": {"type": "integer"}}, "required": ["b"]}]}""");
    assertTrue(all.accepts("{\"a\": \"x\", \"b\": 1}"));
    assertFalse(all.accepts("{\"a\": \"x\"}"));
  }

  @Test
  void refsAndRecursion() {
    CompiledGrammar g = schema("""
        {"$ref": "#/$defs/node", "$defs": {"node": {"type": "object",
          "properties": {"v": {"type": "integer"}, "next": {"$ref": "#/$defs/node"}},
          "required": ["v"], "additionalProperties": false}}}""");
    assertTrue(g.accepts("{\"v\": 1, \"next\": {\"v\": 2, \"next\": {\"v\": 3}}}"));
    assertFalse(g.accepts("{\"v\": 1, \"next\": {}}"));
  }

  @Test
  void stringLengthPatternAndFormats() {
    CompiledGrammar len = schema("{\"type\": \"string\", \"minLength\": 2, \"maxLength\": 3}");
    assertTrue(len.accepts("\"ab\""));
    assertTrue(len.accepts("\"é\\n\""));
    assertFalse(len.accepts("\"a\""));
    assertFalse(len.accepts("\"abcd\""));
    CompiledGrammar longLen = schema("{\"type\": \"string\", \"maxLength\": 40}");
    assertTrue(longLen.accepts("\"" + "a".repeat(40) + "\""));
    assertFalse(longLen.accepts("\"" + "a".repeat(41) + "\""));
    CompiledGrammar pat = schema("{\"type\": \"string\", \"pattern\": \"^[A-Z]{2}-[0-9]+$\"}");
    assertTrue(pat.accepts("\"AB-12\""));
    assertFalse(pat.accepts("\"AB-\""));
    assertTrue(schema("{\"type\": \"string\", \"pattern\": \"ab\"}").accepts("\"xxabyy\"")); // unanchored
    CompiledGrammar date = schema("{\"type\": \"string\", \"format\": \"date\"}");
    assertTrue(date.accepts("\"2024-02-29\""));
    assertFalse(date.accepts("\"2023-02-29\""));
    assertFalse(date.accepts("\"2023-13-01\""));
    assertTrue(schema("{\"format\": \"date-time\"}").accepts("\"2024-01-31T12:00:00.5Z\""));
    assertTrue(schema("{\"format\": \"uuid\"}").accepts("\"123e4567-e89b-12d3-a456-426655440000\""));
    assertTrue(schema("{\"format\": \"email\"}").accepts("\"a.b@c.org\""));
  }

  @Test
  void numericBounds() {
    CompiledGrammar g = schema("{\"type\": \"number\", \"exclusiveMinimum\": 0, \"maximum\": 10.5, \"multipleOf\": 0.5}");
    assertTrue(g.accepts("0.5"));
    assertTrue(g.accepts("10.5"));
    assertFalse(g.accepts("0"));
    assertFalse(g.accepts("11"));
    assertFalse(g.accepts("1.25"));
  }

  @Test
  void minAndMaxProperties() {
    CompiledGrammar g = schema("{\"type\": \"object\", \"minProperties\": 1, \"maxProperties\": 2}");
    assertFalse(g.accepts("{}"));
    assertTrue(g.accepts("{\"a\": 1}"));
    assertTrue(g.accepts("{\"a\": 1, \"b\": 2}"));
    assertFalse(g.accepts("{\"a\": 1, \"b\": 2, \"c\": 3}"));
  }

  @Test
  void whitespaceIsConfigurableAndBounded() {
    String s = "{\"type\": \"array\", \"items\": {\"type\": \"integer\"}}";
    assertTrue(schema(s).accepts("[ 1 ,\n\t2 ]"));
    assertFalse(schema(s).accepts("[1," + " ".repeat(21) + "2]")); // no runaway whitespace
    CompiledGrammar compact = CompiledGrammar.compile(JsonSchemaCompiler.compile(s, JsonSchemaOptions.DEFAULT.compact()));
    assertTrue(compact.accepts("[1,2]"));
    assertFalse(compact.accepts("[1, 2]"));
  }

  @Test
  void unsupportedFeaturesFailWithTheirPath() {
    assertEquals("schema #/properties/a/not: unsupported keyword 'not'",
        error("{\"properties\": {\"a\": {\"not\": {\"type\": \"string\"}}}}"));
    assertEquals("schema #/items/uniqueItems: unsupported keyword 'uniqueItems'",
        error("{\"items\": {\"type\": \"array\", \"uniqueItems\": true}}"));
    assertEquals("schema #/format: unsupported format 'topic'", error("{\"type\": \"string\", \"format\": \"topic\"}"));
    assertEquals("schema #/$ref: unsupported: $ref to another document 'other.json#/a'",
        error("{\"$ref\": \"other.json#/a\"}"));
    assertTrue(error("{\"type\": \"string\", \"pattern\": \"a(?=b)\"}").startsWith("schema #/pattern: unsupported pattern /a(?=b)/"));
  }

  @Test
  void sizeLimit() {
    JsonSchemaOptions tiny = new JsonSchemaOptions(null, false, 5, 10_000);
    String m = assertThrows(BadInputException.class, () -> JsonSchemaCompiler.compile(
        "{\"properties\": {\"a\": {}, \"b\": {}, \"c\": {}, \"d\": {}, \"e\": {}, \"f\": {}}}", tiny)).getMessage();
    assertTrue(m.contains("the grammar would exceed 5 nodes"), m);
  }

  @Test
  void pythonJsonSpelling() {
    assertEquals("{\"a\": [1, 2.5, 1e-05, 1e+16, 100.0], \"é\": \"\\n\"}",
        PythonJson.dumps(PythonJson.parse("{\"a\": [1, 2.5, 0.00001, 1e16, 1e2], \"é\": \"\\n\"}")));
  }
}
