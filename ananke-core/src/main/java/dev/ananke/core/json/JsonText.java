package dev.ananke.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

/** Normalisation of JSON documents held as text in the model. */
public final class JsonText {
  private JsonText() {}

  /**
   * The compact form of a JSON object, key order kept.
   *
   * @throws IllegalArgumentException naming {@code what} when the text is not a JSON object
   */
  public static String compactObject(String text, String what) {
    JsonNode node;
    try {
      node = Jackson.MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    try {
      return Jackson.COMPACT.writeValueAsString(node);
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }
}
