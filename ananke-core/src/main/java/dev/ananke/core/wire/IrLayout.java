package dev.ananke.core.wire;

import dev.ananke.core.Priority;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.Grammar;
import dev.ananke.core.ir.JsonSchema;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.ir.TokenMaskRules;
import dev.ananke.core.wire.CborReader.Key;
import dev.ananke.core.wire.CborReader.Names;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/*
 * The layout of a version 1 frame, written and read field by field in one place so that the two
 * cannot drift. A frame is CBOR: tag 55799 ("self-described CBOR", whose three bytes d9 d9 f7 no
 * text file starts with) around a map whose first pair, "ananke-ir": 1, completes the magic and
 * gives the version. Every other key is the record component's name, as in the JSON form, in
 * declaration order; null components are written as null rather than left out, so that the
 * layout is fixed and reading needs no lookups. See docs/ARCHITECTURE.md for the bytes.
 */
final class IrLayout {
  private IrLayout() {}

  static final byte[] SELF_DESCRIBED = {(byte) 0xd9, (byte) 0xd9, (byte) 0xf7};
  static final Key MAGIC = Key.of("ananke-ir");
  /** Offset of the version: the tag (3), the map head (1) and the magic key (10). */
  static final int VERSION_AT = SELF_DESCRIBED.length + 1 + 10;
  private static final int PAIRS = 8;

  private static final Key TARGET = Key.of("target");
  private static final Key LANGUAGE = Key.of("language");
  private static final Key KIND = Key.of("kind");
  private static final Key NAME = Key.of("name");
  private static final Key FILE = Key.of("file");
  private static final Key JSON_SCHEMA = Key.of("jsonSchema");
  private static final Key GRAMMAR = Key.of("grammar");
  private static final Key LARK = Key.of("lark");
  private static final Key GBNF = Key.of("gbnf");
  private static final Key REGEXES = Key.of("regexes");
  private static final Key TOKEN_MASK_RULES = Key.of("tokenMaskRules");
  private static final Key ALLOW = Key.of("allow");
  private static final Key DENY = Key.of("deny");
  private static final Key PRIORITY = Key.of("priority");
  private static final Key PROVENANCE = Key.of("provenance");

  private static final Names<TargetKind> KINDS = new Names<>(TargetKind.class);
  private static final Names<Priority> PRIORITIES = new Names<>(Priority.class);

  static {
    if (MAGIC.encoded().length != 10) throw new AssertionError("the magic key is 10 bytes");
  }

  // ---------------------------------------------------------------- writing

  static byte[] write(ConstraintIR ir) {
    CborWriter w = new CborWriter();
    write(ir, w); // sizing
    w.allocate();
    write(ir, w);
    return w.toByteArray();
  }

  private static void write(ConstraintIR ir, CborWriter w) {
    w.raw(SELF_DESCRIBED);
    w.head(CborWriter.MAP, PAIRS);
    w.raw(MAGIC.encoded());
    w.head(CborWriter.UNSIGNED, IrFrame.VERSION);

    Target t = ir.target();
    w.raw(TARGET.encoded());
    w.head(CborWriter.MAP, 4);
    w.raw(LANGUAGE.encoded());
    w.text(t.language());
    w.raw(KIND.encoded());
    w.text(t.kind().name());
    w.raw(NAME.encoded());
    w.textOrNull(t.name());
    w.raw(FILE.encoded());
    w.textOrNull(t.file());

    w.raw(JSON_SCHEMA.encoded());
    JsonSchema schema = ir.jsonSchema();
    w.textOrNull(schema == null ? null : schema.text());

    w.raw(GRAMMAR.encoded());
    Grammar g = ir.grammar();
    if (g == null) {
      w.nil();
    } else {
      w.head(CborWriter.MAP, 2);
      w.raw(LARK.encoded());
      w.text(g.lark());
      w.raw(GBNF.encoded());
      w.text(g.gbnf());
    }

    w.raw(REGEXES.encoded());
    w.textArray(ir.regexes());

    w.raw(TOKEN_MASK_RULES.encoded());
    w.head(CborWriter.MAP, 2);
    w.raw(ALLOW.encoded());
    w.textArray(ir.tokenMaskRules().allow());
    w.raw(DENY.encoded());
    w.textArray(ir.tokenMaskRules().deny());

    w.raw(PRIORITY.encoded());
    w.text(ir.priority().name());

    w.raw(PROVENANCE.encoded());
    w.textArray(ir.provenance());
  }

  // ---------------------------------------------------------------- reading

  static ConstraintIR read(byte[] in) {
    CborReader r = header(in);
    Target target = target(r);

    r.key(JSON_SCHEMA, "jsonSchema");
    int schemaAt = r.position();
    String schemaText = r.textOrNull("jsonSchema");
    JsonSchema schema = schemaText == null ? null : build(schemaAt, "jsonSchema", () -> new JsonSchema(schemaText));

    r.key(GRAMMAR, "grammar");
    Grammar grammar = grammar(r);

    r.key(REGEXES, "regexes");
    List<String> regexes = r.textArray("regexes");

    r.key(TOKEN_MASK_RULES, "tokenMaskRules");
    int rulesAt = r.position();
    r.map("tokenMaskRules", 2);
    r.key(ALLOW, "tokenMaskRules.allow");
    List<String> allow = r.textArray("tokenMaskRules.allow");
    r.key(DENY, "tokenMaskRules.deny");
    List<String> deny = r.textArray("tokenMaskRules.deny");
    TokenMaskRules rules = build(rulesAt, "tokenMaskRules", () -> new TokenMaskRules(allow, deny));

    r.key(PRIORITY, "priority");
    Priority priority = r.constant(PRIORITIES, "priority");

    r.key(PROVENANCE, "provenance");
    List<String> provenance = r.textArray("provenance");
    r.end();
    return build(SELF_DESCRIBED.length, "ir",
        () -> new ConstraintIR(target, schema, grammar, regexes, rules, priority, provenance));
  }

  /** The magic and the version; returns a reader at the first field. */
  private static CborReader header(byte[] in) {
    if (in.length == 0) throw IrFrame.error(0, "magic", "empty input: expected an IR frame");
    for (int i = 0; i < Math.min(in.length, SELF_DESCRIBED.length); i++) {
      if (in[i] != SELF_DESCRIBED[i]) throw notAFrame(in);
    }
    if (in.length < SELF_DESCRIBED.length) throw IrFrame.error(in.length, "magic", "truncated: the frame ends inside its magic");
    CborReader r = new CborReader(in, SELF_DESCRIBED.length);
    if (r.head("magic", -1) != CborWriter.MAP) throw notAFrame(in);
    long pairs = r.argument();
    if (!r.skip(MAGIC)) {
      if (in.length < r.position() + MAGIC.encoded().length) {
        throw IrFrame.error(in.length, "magic", "truncated: the frame ends inside its magic");
      }
      throw notAFrame(in);
    }
    int versionAt = r.position(); // VERSION_AT when the map head has its shortest form, as written
    if (r.head("version", -1) != CborWriter.UNSIGNED) {
      throw IrFrame.error(versionAt, "version", "expected the frame version, an unsigned integer");
    }
    if (r.argument() != IrFrame.VERSION) {
      throw IrFrame.error(versionAt, "version",
          "unsupported IR frame version " + Long.toUnsignedString(r.argument()) + " (this build reads version " + IrFrame.VERSION + ")");
    }
    if (pairs != PAIRS) {
      throw IrFrame.error(SELF_DESCRIBED.length, "ir", "a version 1 frame is a map of " + PAIRS + " pairs, found " + pairs);
    }
    return r;
  }

  private static BadInputException notAFrame(byte[] in) {
    String hint = in[0] == '{' || in[0] == ' ' || in[0] == '\n' ? " (it looks like JSON)" : "";
    return IrFrame.error(0, "magic",
        "not an IR frame: it must start with CBOR tag 55799 (d9 d9 f7) and the key \"ananke-ir\"" + hint);
  }

  private static Target target(CborReader r) {
    r.key(TARGET, "target");
    int at = r.position();
    r.map("target", 4);
    r.key(LANGUAGE, "target.language");
    String language = r.text("target.language", -1);
    r.key(KIND, "target.kind");
    TargetKind kind = r.constant(KINDS, "target.kind");
    r.key(NAME, "target.name");
    String name = r.textOrNull("target.name");
    r.key(FILE, "target.file");
    String file = r.textOrNull("target.file");
    return build(at, "target", () -> new Target(language, kind, name, file));
  }

  private static @Nullable Grammar grammar(CborReader r) {
    int at = r.position();
    if (r.nullNext()) return null;
    r.map("grammar", 2);
    r.key(LARK, "grammar.lark");
    String lark = r.text("grammar.lark", -1);
    r.key(GBNF, "grammar.gbnf");
    String gbnf = r.text("grammar.gbnf", -1);
    return build(at, "grammar", () -> new Grammar(lark, gbnf));
  }

  /** A record from decoded parts: its own validation is reported at its offset and path. */
  private static <T> T build(int at, String field, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw IrFrame.error(at, field, String.valueOf(e.getMessage()));
    }
  }
}
