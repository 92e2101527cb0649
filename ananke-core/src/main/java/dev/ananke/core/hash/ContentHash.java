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

  /**
   * A constraint's id: 16 hex digits (64 bits) of SHA-256 over a versioned, length-prefixed
   * encoding of its kind, name, scope and canonical payload JSON. Length prefixes keep
   * ("ab","c") and ("a","bc") apart.
   */
  public static String constraintId(ConstraintKind kind, String name, String scope, Payload payload) {
    MessageDigest md = sha256();
    Fields.update(md, "ananke.constraint/1");
    Fields.update(md, kind.name());
    Fields.update(md, name);
    Fields.update(md, scope);
    Fields.update(md, ConstraintJson.writeCompact((Record) payload));
    return HEX.formatHex(md.digest(), 0, 8);
  }
}
