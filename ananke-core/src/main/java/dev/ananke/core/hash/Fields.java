package dev.ananke.core.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Length-prefixed field encoding, so that concatenations cannot collide. */
final class Fields {
  private Fields() {}

  static void update(MessageDigest md, String value) {
    update(md, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The encoding of one field: its length (4 bytes, big-endian), then its UTF-8 bytes. */
  static byte[] encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[4 + bytes.length];
    int n = bytes.length;
    out[0] = (byte) (n >>> 24);
    out[1] = (byte) (n >>> 16);
    out[2] = (byte) (n >>> 8);
    out[3] = (byte) n;
    System.arraycopy(bytes, 0, out, 4, n);
    return out;
  }

  static void update(MessageDigest md, byte[] value) {
    int n = value.length;
    md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    md.update(value);
  }
}
