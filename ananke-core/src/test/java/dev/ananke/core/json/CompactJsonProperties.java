package dev.ananke.core.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JacksonException;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintKind;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The tree-less compact writer writes exactly what Jackson writes for the encoded tree. */
class CompactJsonProperties {

  private static String jackson(Object value) {
    try {
      return Jackson.COMPACT.writeValueAsString(RecordCodec.encode(value));
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String direct(Object value) {
    CompactJson.Buffer out = new CompactJson.Buffer(16);
    assertTrue(CompactJson.write(value, out), "written without Jackson");
    String text = out.toString();
    // the bytes are the UTF-8 of the text: what content hashes read
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(out.array(), out.size()));
    return text;
  }

  @Property(tries = 500)
  void constraintsAsJacksonWritesThem(@ForAll("constraints") Constraint c) {
    assertEquals(jackson(c.payload()), direct(c.payload()));
    assertEquals(jackson(c), direct(c));
  }

  @Property(tries = 100)
  void setsAsJacksonWritesThem(@ForAll("sets") ConstraintSet set) {
    assertEquals(jackson(set), direct(set));
    assertEquals(jackson(set), ConstraintJson.writeCompact(set));
  }

  @Property(tries = 100)
  void irsAsJacksonWritesThem(@ForAll("irs") ConstraintIR ir) {
    assertEquals(jackson(ir), ConstraintJson.writeCompact(ir));
  }

  @Test
  void everyCharacterEscapedAsJacksonEscapesIt() {
    StringBuilder all = new StringBuilder();
    for (char ch = 0; ch < 0xFFFF; ch++) {
      if (Character.isSurrogate(ch)) continue;
      String one = "a" + ch + "b";
      assertEquals(jackson(one), direct(one), () -> "character " + Integer.toHexString(one.charAt(1)));
      all.append(ch);
    }
    all.appendCodePoint(0x1F600).appendCodePoint(0x10000).appendCodePoint(0x10FFFF);
    assertEquals(jackson(all.toString()), direct(all.toString()));
    String odd = "\"\\\u0000\u001f\u007f\ud83d\ude00/<>&'\u2028\u0800\uffff";
    assertEquals(jackson(odd), direct(odd));
    for (String unpaired : new String[] {"a\ud800", "\ud800x", "\udc00", "x\udc00\ud800"}) {
      assertFalse(CompactJson.write(unpaired, new CompactJson.Buffer(4)), "left to Jackson");
      var payload = new dev.ananke.core.payload.ParseError(1, 1, unpaired);
      assertEquals(jackson(payload), ConstraintJson.writeCompact(payload));
    }
    Parameter p = new Parameter("x\ty", "Map<String, \"q\">", true, false, "\\n");
    assertEquals(jackson(p), direct(p));
  }

  @Test
  void signaturesAsJacksonWritesThem() {
    var params = java.util.List.of(new Parameter("a", null, false, false, null),
        new Parameter("b\u00e9", "Map<K, \"V\">", true, true, "x\ny"));
    for (var sig : java.util.List.of(
        new dev.ananke.core.payload.FunctionSignature("f", java.util.List.of(), null, false,
            dev.ananke.core.payload.Visibility.PUBLIC, null, java.util.List.of(), null),
        new dev.ananke.core.payload.FunctionSignature("g", params, "Promise<T>", true,
            dev.ananke.core.payload.Visibility.PRIVATE, "C", java.util.List.of("T", "U extends X"), "g(a, b)"))) {
      assertEquals(jackson(sig), direct(sig));
    }
  }

  @Test
  void doublesAsJacksonWritesThem() {
    for (double d : new double[] {0.0, -0.0, 1.0, 0.1, 1e-7, 1e21, 123456789.125, Double.MIN_VALUE, Double.MAX_VALUE,
        0.7510373443983402, 2.0 / 3}) {
      assertEquals(jackson(d), direct(d));
    }
  }

  @Provide
  Arbitrary<Constraint> constraints() {
    return dev.ananke.core.TestModels.constraints();
  }

  @Provide
  Arbitrary<ConstraintSet> sets() {
    return dev.ananke.core.TestModels.sets();
  }

  @Provide
  Arbitrary<ConstraintIR> irs() {
    return dev.ananke.core.TestModels.irs();
  }
}
