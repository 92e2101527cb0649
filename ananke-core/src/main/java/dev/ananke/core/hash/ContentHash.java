package dev.ananke.core.hash;

import dev.ananke.core.ConstraintKind;
import dev.ananke.core.json.CanonicalBytes;
import dev.ananke.core.json.CompactJson;
import dev.ananke.core.payload.Payload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** Content hashes in lowercase hex: SHA-256 of files and cache keys, XXH64 of constraint ids. */
public final class ContentHash {
  private ContentHash() {}

  private static final HexFormat HEX = HexFormat.of();

  /** A fresh SHA-256 digest (digests are not thread-safe, so each caller gets its own). */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  public static String sha256Hex(byte[] data) {
    return HEX.formatHex(sha256().digest(data));
  }

  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** What {@link #constraintId} reuses per thread: every constraint built computes one. */
  private static final class IdState {
    final CompactJson.Buffer buffer = new CompactJson.Buffer(1024);
    /** The scope field of the last id: consecutive constraints mostly come from one file. */
    @Nullable String scope;
    byte[] scopeField = new byte[0];
  }

  private static final ThreadLocal<IdState> ID_STATE = ThreadLocal.withInitial(IdState::new);

  /**
   * A constraint's id: 16 hex digits of XXH64 over length-prefixed fields: the version, the kind,
   * the name, the scope, then the payload's {@link CanonicalBytes}. Length prefixes keep
   * ("ab","c") and ("a","bc") apart.
   */
  public static String constraintId(ConstraintKind kind, String name, String scope, Payload payload) {
    IdState state = ID_STATE.get();
    CompactJson.Buffer buf = state.buffer;
    buf.reset();
    buf.put(VERSION_AND_KIND[kind.ordinal()]);
    CanonicalBytes.lengthPrefixed(buf, name); // as Fields#encode
    if (!scope.equals(state.scope)) {
      int at = buf.size();
      CanonicalBytes.lengthPrefixed(buf, scope);
      state.scope = scope;
      state.scopeField = Arrays.copyOfRange(buf.array(), at, buf.size());
    } else {
      buf.put(state.scopeField);
    }
    CanonicalBytes.payload(payload, buf);
    return HEX.toHexDigits(Xxh64.hash(buf.array(), 0, buf.size()));
  }

  /** The definition, field by field, the payload by reflection: what the direct path must equal. */
  static String slowConstraintId(ConstraintKind kind, String name, String scope, Payload payload) {
    CompactJson.Buffer bytes = new CompactJson.Buffer(256);
    for (String field : new String[] {VERSION_NAME, kind.name(), name, scope}) bytes.put(Fields.encode(field));
    CanonicalBytes.definition(payload, bytes);
    return HEX.toHexDigits(Xxh64.hash(bytes.array(), 0, bytes.size()));
  }

  /**
   * The version of the id's definition. 3: XXH64 of the fields; 2 took the first 64 bits of their
   * SHA-256, a third of what an id cost (docs/clew.md); 1 hashed the payload's compact JSON, which
   * cost twice as much to write as the hash itself.
   */
  private static final String VERSION_NAME = "ananke.constraint/3";

  /** The length-prefixed version field that starts every constraint id's input. */
  private static final byte[] VERSION = Fields.encode(VERSION_NAME);

  /** The version field and then the kind field, by kind: how every id's input starts. */
  private static final byte[][] VERSION_AND_KIND = Arrays.stream(ConstraintKind.values())
      .map(k -> {
        byte[] kind = Fields.encode(k.name());
        byte[] both = Arrays.copyOf(VERSION, VERSION.length + kind.length);
        System.arraycopy(kind, 0, both, VERSION.length, kind.length);
        return both;
      })
      .toArray(byte[][]::new);
}
