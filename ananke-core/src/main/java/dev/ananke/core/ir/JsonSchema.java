package dev.ananke.core.ir;

import dev.ananke.core.json.JsonText;

/**
 * A JSON Schema document (draft 2020-12) kept as compact JSON text with its key order, which
 * matters: the order of {@code properties} is the order in which fields are generated. In the
 * IR's JSON form it is embedded as an object, not as a string.
 */
public record JsonSchema(String text) {

  public JsonSchema {
    text = JsonText.compactObject(text, "jsonSchema");
  }
}
