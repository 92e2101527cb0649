package dev.ananke.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.ananke.core.Priority;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.Grammar;
import dev.ananke.core.ir.JsonSchema;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.ir.TokenMaskRules;
import dev.ananke.core.json.ConstraintJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IR frame: exact round trips, fixed bytes, and a located error for every malformed frame. */
class IrFrameTest {
  /** Grammar text as Braid writes it: quotes, backslashes, newlines, and non-ASCII text. */
  static final String LARK = "start: \"fn(\" ARGS \")\" body\nARGS: /[a-z\\\\\"]+/\nbody: \"{\" \"é 日本 😀 \\uFFFD\" \"}\"\n";
  static final String GBNF = "root ::= \"fn(\" args \")\" body\nargs ::= [a-z\\\\\"]+\nbody ::= \"{\" \"é 日本 😀\" \"}\"\n";

  static final ConstraintIR FULL = new ConstraintIR(
      new Target("typescript", TargetKind.FUNCTION_BODY, "settle", "src/ledger.ts"),
      new JsonSchema("{\"type\":\"object\",\"properties\":{\"név\":{\"type\":\"string\"}}}"),
      new Grammar(LARK, GBNF),
      List.of("^[a-z]+$", "日本.*", "😀\\d{2}", "\uFFFD\u0000x"),
      new TokenMaskRules(List.of("allowed"), List.of("eval(", "exec(é")),
      Priority.HIGH,
      List.of("c0ffee", "beef", "ÿ-id"));

  static final ConstraintIR BARE = new ConstraintIR(
      new Target("python", TargetKind.MODULE, null, null), null, null, List.of(), TokenMaskRules.NONE, Priority.LOW, List.of());

  @Test
  void aFullIrComesBackEqual() {
    assertEquals(FULL, IrFrame.read(IrFrame.write(FULL)));
  }

  @Test
  void nullPartsAndEmptyListsComeBackEqual() {
    assertEquals(BARE, IrFrame.read(IrFrame.write(BARE)));
    ConstraintIR schemaOnly = new ConstraintIR(new Target("json", TargetKind.TYPE_VALUE, "User", null),
        new JsonSchema("{\"type\":\"object\"}"), null, List.of(), TokenMaskRules.NONE, Priority.MEDIUM, List.of("a"));
    assertEquals(schemaOnly, IrFrame.read(IrFrame.write(schemaOnly)));
  }

  @Test
  void aFrameIsAFunctionOfTheValue() {
    byte[] frame = IrFrame.write(FULL);
    assertArrayEquals(frame, IrFrame.write(FULL));
    assertArrayEquals(frame, IrFrame.write(IrFrame.read(frame)));
    ConstraintIR shuffled = new ConstraintIR(FULL.target(), FULL.jsonSchema(), FULL.grammar(),
        List.of("😀\\d{2}", "\uFFFD\u0000x", "日本.*", "^[a-z]+$", "日本.*"), new TokenMaskRules(List.of("allowed"), List.of("exec(é", "eval(")),
        FULL.priority(), List.of("ÿ-id", "beef", "c0ffee"));
    assertArrayEquals(frame, IrFrame.write(shuffled), "sets are sorted: the order they were given in does not show");
  }

  @Test
  void theHeaderIsTheTagTheMagicAndTheVersion() {
    byte[] frame = IrFrame.write(BARE);
    byte[] header = {(byte) 0xd9, (byte) 0xd9, (byte) 0xf7, (byte) 0xa8, 0x69, 'a', 'n', 'a', 'n', 'k', 'e', '-', 'i', 'r', 0x01};
    assertArrayEquals(header, Arrays.copyOf(frame, header.length));
    assertTrue(IrFrame.isFrame(frame));
    assertFalse(IrFrame.isFrame(ConstraintJson.writeCompact(BARE).getBytes(StandardCharsets.UTF_8)));
    assertFalse(IrFrame.isFrame(Arrays.copyOf(frame, 10)));
    assertFalse(IrFrame.isFrame(new byte[0]));
  }

  @Test
  void anyCborLibraryReadsAFrameAsTheJsonFormsFields() throws IOException {
    JsonNode map = new CBORMapper().readTree(IrFrame.write(FULL));
    List<String> keys = new ArrayList<>();
    map.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("ananke-ir", "target", "jsonSchema", "grammar", "regexes", "tokenMaskRules", "priority", "provenance"), keys);
    assertEquals(1, map.get("ananke-ir").intValue());
    assertEquals("FUNCTION_BODY", map.at("/target/kind").textValue());
    assertEquals(LARK, map.at("/grammar/lark").textValue());
    assertEquals(GBNF, map.at("/grammar/gbnf").textValue());
    assertEquals(FULL.jsonSchema().text(), map.get("jsonSchema").textValue());
    assertEquals("😀\\d{2}", map.at("/regexes/2").textValue());
    assertEquals("exec(é", map.at("/tokenMaskRules/deny/1").textValue());
    assertTrue(new CBORMapper().readTree(IrFrame.write(BARE)).at("/target/name").isNull());
  }

  @Test
  void headsWiderThanNeededStillRead() {
    byte[] frame = IrFrame.write(FULL);
    int lark = textAt(frame, "lark");
    int length = frame[lark + 1] & 0xff;
    // the root map's count on 1 extra byte, the lark text's length on 4 instead of 1
    byte[] wide = splice(frame, lark, 2, (byte) 0x7a, 0, 0, 0, length);
    wide = splice(wide, 3, 1, (byte) 0xb8, 8);
    assertEquals(FULL, IrFrame.read(wide));
    assertArrayEquals(frame, IrFrame.write(IrFrame.read(wide)), "written back in the shortest form");
  }

  // ---------------------------------------------------------------- malformed frames

  @Test
  void notAFrame() {
    assertError("ir frame @ 0 (magic)", "empty input", new byte[0]);
    assertError("ir frame @ 0 (magic)", "it looks like JSON", ConstraintJson.writeCompact(BARE).getBytes(StandardCharsets.UTF_8));
    byte[] frame = IrFrame.write(BARE);
    frame[6] = 'x';
    assertError("ir frame @ 0 (magic)", "not an IR frame", frame);
    assertError("ir frame @ 2 (magic)", "truncated", Arrays.copyOf(IrFrame.write(BARE), 2));
    assertError("ir frame @ 8 (magic)", "truncated", Arrays.copyOf(IrFrame.write(BARE), 8));
  }

  @Test
  void anotherVersion() {
    byte[] frame = IrFrame.write(BARE);
    frame[14] = 2;
    assertError("ir frame @ 14 (version)", "unsupported IR frame version 2 (this build reads version 1)", frame);
    frame[14] = 0x60; // an empty text string
    assertError("ir frame @ 14 (version)", "expected the frame version", frame);
  }

  @Test
  void everyTruncationIsLocated() {
    byte[] frame = IrFrame.write(FULL);
    for (int n = 0; n < frame.length; n++) {
      BadInputException e = assertThrows(BadInputException.class, read(Arrays.copyOf(frame, n)), "cut at " + n);
      assertTrue(e.location().startsWith("ir frame @ "), e.getMessage());
      assertTrue(e.detail().contains("truncated") || e.detail().contains("empty input"), n + ": " + e.getMessage());
    }
    int gbnf = textAt(frame, "gbnf");
    assertError("ir frame @ " + gbnf + " (grammar.gbnf)", "truncated: a text string of ", Arrays.copyOf(frame, gbnf + 20));
  }

  @Test
  void aLengthBeyondTheInput() {
    byte[] frame = IrFrame.write(FULL);
    int lark = textAt(frame, "lark");
    assertEquals(0x78, frame[lark] & 0xff, "a lark text of 24-255 bytes has a two-byte head");
    byte[] huge = splice(frame, lark, 2, (byte) 0x7b, (byte) 0x7f, -1, -1, -1, -1, -1, -1, -1);
    assertError("ir frame @ " + lark + " (grammar.lark)", "truncated: a text string of 9223372036854775807 bytes", huge);
    byte[] unsignedHuge = splice(frame, lark, 2, (byte) 0x7b, -1, -1, -1, -1, -1, -1, -1, -1);
    assertError("ir frame @ " + lark + " (grammar.lark)", "truncated", unsignedHuge);
    int regexes = indexOf(frame, key("regexes")) + key("regexes").length;
    byte[] manyItems = splice(frame, regexes, 1, (byte) 0x9a, 0x7f, -1, -1, -1);
    assertError("ir frame @ " + regexes + " (regexes)", "truncated: an array of 2147483647 items", manyItems);
  }

  @Test
  void invalidUtf8IsLocatedAtTheBadByte() {
    byte[] frame = IrFrame.write(FULL);
    int lark = textAt(frame, "lark") + 2; // past the head
    for (byte[] bad : List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0xaf},
        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})) {
      byte[] broken = frame.clone();
      System.arraycopy(bad, 0, broken, lark + 5, bad.length);
      assertError("ir frame @ " + (lark + 5) + " (grammar.lark)", "invalid UTF-8 in a text string", broken);
    }
    byte[] cut = frame.clone();
    int regex = indexOf(frame, "日本.*".getBytes(StandardCharsets.UTF_8));
    cut[regex + 3] = 'x'; // 本 loses its lead byte: two stray continuation bytes
    assertError("ir frame @ " + (regex + 4) + " (regexes[1])", "invalid UTF-8", cut);
  }

  @Test
  void unknownEnumConstant() {
    byte[] frame = IrFrame.write(FULL);
    int kind = indexOf(frame, "FUNCTION_BODY".getBytes(StandardCharsets.UTF_8));
    frame[kind + 12] = 'X';
    assertError("ir frame @ " + (kind - 1) + " (target.kind)",
        "expected one of [FUNCTION_BODY, NEW_FUNCTION, TYPE_VALUE, MODULE], found \"FUNCTION_BODX\"", frame);
  }

  @Test
  void wrongKeysAndTypes() {
    byte[] frame = IrFrame.write(FULL);
    int grammar = indexOf(frame, key("grammar"));
    byte[] renamed = frame.clone();
    renamed[grammar + 6] = 'e';
    assertError("ir frame @ " + grammar + " (grammar)", "expected the key \"grammar\", found \"grammer\"", renamed);

    int schema = indexOf(frame, key("jsonSchema")) + key("jsonSchema").length;
    byte[] number = splice(frame, schema, 2 + FULL.jsonSchema().text().getBytes(StandardCharsets.UTF_8).length, (byte) 0x07);
    assertError("ir frame @ " + schema + " (jsonSchema)", "expected a text string, found an unsigned integer", number);

    int regexes = indexOf(frame, key("regexes")) + key("regexes").length;
    int second = regexes + 1 + 1 + "^[a-z]+$".length(); // the array's head, then the first regex
    byte[] notText = splice(frame, second, 1 + "日本.*".getBytes(StandardCharsets.UTF_8).length, (byte) 0xf5);
    assertError("ir frame @ " + second + " (regexes[1])", "expected a text string, found a boolean", notText);

    int target = indexOf(frame, key("target")) + key("target").length;
    byte[] pairs = frame.clone();
    pairs[target] = (byte) 0xa3;
    assertError("ir frame @ " + target + " (target)", "expected a map of 4 pairs, found a map of 3", pairs);

    byte[] rootPairs = frame.clone();
    rootPairs[3] = (byte) 0xaa;
    assertError("ir frame @ 3 (ir)", "a version 1 frame is a map of 8 pairs, found 10", rootPairs);

    byte[] indefinite = frame.clone();
    indefinite[textAt(frame, "lark")] = 0x7f;
    assertError("ir frame @ " + textAt(frame, "lark") + " (grammar.lark)", "indefinite-length", indefinite);
  }

  @Test
  void trailingBytes() {
    byte[] frame = IrFrame.write(BARE);
    byte[] longer = Arrays.copyOf(frame, frame.length + 2);
    assertError("ir frame @ " + frame.length, "trailing bytes: 2 after the end of the frame", longer);
    byte[] twice = Arrays.copyOf(frame, frame.length * 2);
    System.arraycopy(frame, 0, twice, frame.length, frame.length);
    assertError("ir frame @ " + frame.length, "trailing bytes", twice);
  }

  @Test
  void theRecordsOwnValidationIsLocatedAtTheRecord() {
    ConstraintIR blankLanguage = new ConstraintIR(new Target("xx", TargetKind.MODULE, null, null), null, null, List.of(),
        TokenMaskRules.NONE, Priority.LOW, List.of());
    byte[] frame = IrFrame.write(blankLanguage);
    int xx = indexOf(frame, "xx".getBytes(StandardCharsets.UTF_8));
    frame[xx] = ' ';
    frame[xx + 1] = ' ';
    int target = indexOf(frame, key("target")) + key("target").length;
    assertError("ir frame @ " + target + " (target)", "target language must not be empty", frame);

    ConstraintIR both = new ConstraintIR(BARE.target(), null, null, List.of(), new TokenMaskRules(List.of("ab"), List.of("cd")),
        Priority.LOW, List.of());
    byte[] clash = IrFrame.write(both);
    int cd = indexOf(clash, "cd".getBytes(StandardCharsets.UTF_8));
    clash[cd] = 'a';
    clash[cd + 1] = 'b';
    int rules = indexOf(clash, key("tokenMaskRules")) + key("tokenMaskRules").length;
    assertError("ir frame @ " + rules + " (tokenMaskRules)", "strings both allowed and denied: [ab]", clash);

    ConstraintIR withSchema = new ConstraintIR(BARE.target(), new JsonSchema("{\"a\":1}"), null, List.of(), TokenMaskRules.NONE,
        Priority.LOW, List.of());
    byte[] notJson = IrFrame.write(withSchema);
    int schema = indexOf(notJson, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    notJson[schema] = '[';
    assertError("ir frame @ " + (schema - 1) + " (jsonSchema)", "jsonSchema is not valid JSON", notJson);

    ConstraintIR blankEntry = new ConstraintIR(BARE.target(), null, null, List.of("r"), TokenMaskRules.NONE, Priority.LOW, List.of());
    byte[] blank = IrFrame.write(blankEntry);
    blank[indexOf(blank, key("regexes")) + key("regexes").length + 2] = ' ';
    assertError("ir frame @ 3 (ir)", "regexes entry must not be empty", blank);
  }

  @Test
  void readIrTakesAFrameFileAndLocatesItsErrorsInTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("ir.frame");
    Files.write(file, IrFrame.write(FULL));
    assertEquals(FULL, ConstraintJson.readIR(file));
    Path json = dir.resolve("ir.json");
    Files.writeString(json, ConstraintJson.write(FULL));
    assertEquals(FULL, ConstraintJson.readIR(json));

    byte[] frame = IrFrame.write(FULL);
    Files.write(file, Arrays.copyOf(frame, frame.length - 1));
    BadInputException e = assertThrows(BadInputException.class, () -> ConstraintJson.readIR(file));
    assertTrue(e.getMessage().startsWith(file + ": ir frame @ "), e.getMessage());
    frame[5] = 'x';
    Files.write(file, frame);
    e = assertThrows(BadInputException.class, () -> ConstraintJson.readIR(file));
    assertEquals(file + ": ir frame @ 0 (magic)", e.location(), "a damaged magic is reported as a frame's, not as bad text");
  }

  // ---------------------------------------------------------------- helpers

  static org.junit.jupiter.api.function.Executable read(byte[] frame) {
    return () -> IrFrame.read(frame);
  }

  static void assertError(String location, String detail, byte[] frame) {
    BadInputException e = assertThrows(BadInputException.class, read(frame));
    assertEquals(location, e.location(), e.getMessage());
    assertTrue(e.detail().contains(detail), e.getMessage());
  }

  /** A key as a frame writes it: a short text string. */
  static byte[] key(String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[utf8.length + 1];
    out[0] = (byte) (0x60 | utf8.length);
    System.arraycopy(utf8, 0, out, 1, utf8.length);
    return out;
  }

  /** The offset of the value of the (first) key {@code name}. */
  static int textAt(byte[] frame, String name) {
    return indexOf(frame, key(name)) + key(name).length;
  }

  static int indexOf(byte[] hay, byte[] needle) {
    for (int i = 0; i + needle.length <= hay.length; i++) {
      if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) return i;
    }
    throw new AssertionError("not in the frame: " + new String(needle, StandardCharsets.UTF_8));
  }

  /** {@code frame} with {@code remove} bytes at {@code at} replaced by {@code insert}. */
  static byte[] splice(byte[] frame, int at, int remove, int... insert) {
    byte[] out = new byte[frame.length - remove + insert.length];
    System.arraycopy(frame, 0, out, 0, at);
    for (int i = 0; i < insert.length; i++) out[at + i] = (byte) insert[i];
    System.arraycopy(frame, at + remove, out, at + insert.length, frame.length - at - remove);
    return out;
  }
}
