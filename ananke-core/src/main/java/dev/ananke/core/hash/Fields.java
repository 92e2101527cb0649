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
    put(out, 0, bytes);
    return out;
  }

  /** Writes the encoding of {@code value} into {@code out} at {@code at}; returns where it ends. */
  static int put(byte[] out, int at, byte[] value) {
    int n = value.length;
    out[at] = (byte) (n >>> 24);
    out[at + 1] = (byte) (n >>> 16);
    out[at + 2] = (byte) (n >>> 8);
    out[at + 3] = (byte) n;
    System.arraycopy(value, 0, out, at + 4, n);
    return at + 4 + n;
  }

  static void update(MessageDigest md, byte[] value) {
    int n = value.length;
    md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    md.update(value);
  }
}
