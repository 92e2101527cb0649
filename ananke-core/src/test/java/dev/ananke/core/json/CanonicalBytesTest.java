package dev.ananke.core.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.OperationalBound;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.Payload;
import dev.ananke.core.payload.RequiredPattern;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the canonical bytes keep apart, each in the direct writer and in the definition alike. */
class CanonicalBytesTest {

  private static byte[] direct(Payload p) {
    CompactJson.Buffer out = new CompactJson.Buffer(16);
    CanonicalBytes.payload(p, out);
    return Arrays.copyOf(out.array(), out.size());
  }

  private static byte[] definition(Payload p) {
    CompactJson.Buffer out = new CompactJson.Buffer(16);
    CanonicalBytes.definition(p, out);
    return Arrays.copyOf(out.array(), out.size());
  }

  private static void apart(Payload a, Payload b) {
    assertArrayEquals(definition(a), direct(a));
    assertArrayEquals(definition(b), direct(b));
    assertFalse(Arrays.equals(direct(a), direct(b)), a + " and " + b + " encode alike");
  }

  @Test
  void payloadTypesWithTheSameComponentsDiffer() {
    apart(new ForbiddenPattern("eval(", PatternSyntax.LITERAL, "no eval"),
        new RequiredPattern("eval(", PatternSyntax.LITERAL, "no eval"));
  }

  @Test
  void listBoundariesNullAndEmptyDiffer() {
    apart(new ImportSet("m", List.of("ab", "c"), null, false), new ImportSet("m", List.of("a", "bc"), null, false));
    apart(new OperationalBound("latency", null, 10.0, "ms"), new OperationalBound("latency", 0.0, 10.0, "ms"));
    apart(new OperationalBound("latency", 0.0, 10.0, "ms"), new OperationalBound("latency", -0.0, 10.0, "ms"));
    apart(new ImportSet("m", List.of(), null, false), new ImportSet("m", List.of(), null, true));
  }

  @Test
  void textIsItsUtf8() {
    apart(new ImportSet("é", List.of(), null, false), new ImportSet("e", List.of(), null, false));
    apart(new ImportSet("日本", List.of(), null, false), new ImportSet("\uD83D\uDE00", List.of(), null, false));
  }
}
