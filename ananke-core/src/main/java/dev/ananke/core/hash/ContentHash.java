package dev.ananke.core.hash;

import dev.ananke.core.ConstraintKind;
import dev.ananke.core.json.CompactJson;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.core.payload.Payload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** SHA-256 content hashes in lowercase hex. */
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
    final MessageDigest digest = sha256();
    final CompactJson.Buffer buffer = new CompactJson.Buffer(1024);
    /** The scope field of the last id: consecutive constraints mostly come from one file. */
    @Nullable String scope;
    byte[] scopeField = new byte[0];
  }

  private static final ThreadLocal<IdState> ID_STATE = ThreadLocal.withInitial(IdState::new);

  /**
   * A constraint's id: 16 hex digits (64 bits) of SHA-256 over a versioned, length-prefixed
   * encoding of its kind, name, scope and canonical payload JSON. Length prefixes keep
   * ("ab","c") and ("a","bc") apart.
   */
  public static String constraintId(ConstraintKind kind, String name, String scope, Payload payload) {
    IdState state = ID_STATE.get();
    CompactJson.Buffer buf = state.buffer;
    buf.reset();
    buf.put(VERSION_AND_KIND[kind.ordinal()]);
    if (!field(buf, name)) return slowConstraintId(kind, name, scope, payload);
    if (!scope.equals(state.scope)) {
      int at = buf.size();
      if (!field(buf, scope)) return slowConstraintId(kind, name, scope, payload);
      state.scope = scope;
      state.scopeField = Arrays.copyOfRange(buf.array(), at, buf.size());
    } else {
      buf.put(state.scopeField);
    }
    if (!payloadField(buf, payload)) return slowConstraintId(kind, name, scope, payload);
    MessageDigest md = state.digest;
    md.update(buf.array(), 0, buf.size());
    return HEX.formatHex(md.digest(), 0, 8);
  }

  /** A length-prefixed field (as {@link Fields#update}); false on text UTF-8 cannot carry as is. */
  private static boolean field(CompactJson.Buffer buf, String value) {
    int at = buf.skip(4);
    if (!buf.putUtf8(value)) return false;
    buf.putIntAt(at, buf.size() - at - 4);
    return true;
  }

  private static boolean payloadField(CompactJson.Buffer buf, Payload payload) {
    int at = buf.skip(4);
    if (!CompactJson.write(payload, buf)) return false;
    buf.putIntAt(at, buf.size() - at - 4);
    return true;
  }

  /** The definition, field by field through Jackson: for what the direct path declines. */
  static String slowConstraintId(ConstraintKind kind, String name, String scope, Payload payload) {
    MessageDigest md = sha256();
    Fields.update(md, "ananke.constraint/1");
    Fields.update(md, kind.name());
    Fields.update(md, name);
    Fields.update(md, scope);
    Fields.update(md, ConstraintJson.writeCompact((Record) payload));
    return HEX.formatHex(md.digest(), 0, 8);
  }

  /** The length-prefixed version field that starts every constraint id's input. */
  private static final byte[] VERSION = Fields.encode("ananke.constraint/1");

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
