package dev.ananke.tokens.jsonschema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps(value, ensure_ascii=False)} writes it (separators
 * {@code ", "} and {@code ": "}, floats in {@code repr} form, key order kept): the serialization
 * MaskBench feeds to tokenizers, and the spelling the JSON Schema compiler gives constants.
 */
public final class PythonJson {
  /** Keeps key order, big integers and exact decimals. */
  static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactory())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private PythonJson() {}

  /** Parses JSON keeping key order and exact numbers. */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new dev.ananke.core.error.BadInputException("json", "not valid JSON: " + e.getOriginalMessage());
    }
  }

  public static String dumps(JsonNode v) {
    StringBuilder b = new StringBuilder();
    write(v, b);
    return b.toString();
  }

  static void write(JsonNode v, StringBuilder b) {
    if (v.isObject()) {
      b.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!first) b.append(", ");
        first = false;
        string(e.getKey(), b);
        b.append(": ");
        write(e.getValue(), b);
      }
      b.append('}');
    } else if (v.isArray()) {
      b.append('[');
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) b.append(", ");
        write(v.get(i), b);
      }
      b.append(']');
    } else if (v.isTextual()) {
      string(v.textValue(), b);
    } else if (v.isBoolean()) {
      b.append(v.booleanValue() ? "true" : "false");
    } else if (v.isNull()) {
      b.append("null");
    } else if (v.isIntegralNumber()) {
      b.append(v.bigIntegerValue().toString());
    } else if (v.isNumber()) {
      b.append(floatRepr(v.decimalValue()));
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v);
    }
  }

  /** A JSON string literal as json.dumps(ensure_ascii=False) writes it. */
  public static String string(String s) {
    StringBuilder b = new StringBuilder();
    string(s, b);
    return b.toString();
  }

  static void string(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    b.append('"');
  }

  /** Python's repr of the double nearest {@code d}. */
  static String floatRepr(BigDecimal d) {
    double x = d.doubleValue();
    if (Double.isInfinite(x)) return x > 0 ? "Infinity" : "-Infinity";
    if (x == 0) return (1 / x < 0 || d.signum() < 0) ? "-0.0" : "0.0";
    // shortest round-trip digits, then Python's layout: positional when -4 <= exp10 < 16
    BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int exp = digits.length() - 1 - shortest.scale(); // decimal exponent of the first digit
    String sign = x < 0 ? "-" : "";
    if (exp >= -4 && exp < 16) {
      int decpt = exp + 1;
      if (decpt <= 0) return sign + "0." + "0".repeat(-decpt) + digits;
      if (decpt >= digits.length()) return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
      return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
    }
    String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }
}
