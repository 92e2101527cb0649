package dev.ananke.core.hash;

import dev.ananke.core.ConstraintKind;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.core.payload.Payload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

  /** One digest per thread for {@link #constraintId}: every constraint built computes one. */
  private static final ThreadLocal<MessageDigest> CONSTRAINT_DIGEST = ThreadLocal.withInitial(ContentHash::sha256);

  /**
   * A constraint's id: 16 hex digits (64 bits) of SHA-256 over a versioned, length-prefixed
   * encoding of its kind, name, scope and canonical payload JSON. Length prefixes keep
   * ("ab","c") and ("a","bc") apart.
   */
  public static String constraintId(ConstraintKind kind, String name, String scope, Payload payload) {
    byte[] payloadJson = ConstraintJson.writeCompact((Record) payload).getBytes(StandardCharsets.UTF_8);
    byte[] kindName = kind.name().getBytes(StandardCharsets.UTF_8);
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] scopeBytes = scope.getBytes(StandardCharsets.UTF_8);
    // the same bytes Fields.update writes field by field, in one buffer and one update
    byte[] buf = new byte[VERSION.length + 4 * 4 + kindName.length + nameBytes.length + scopeBytes.length
        + payloadJson.length];
    System.arraycopy(VERSION, 0, buf, 0, VERSION.length);
    int at = VERSION.length;
    at = Fields.put(buf, at, kindName);
    at = Fields.put(buf, at, nameBytes);
    at = Fields.put(buf, at, scopeBytes);
    Fields.put(buf, at, payloadJson);
    return HEX.formatHex(CONSTRAINT_DIGEST.get().digest(buf), 0, 8); // digest() leaves it reset
  }

  /** The length-prefixed version field that starts every constraint id's input. */
  private static final byte[] VERSION = Fields.encode("ananke.constraint/1");
}
