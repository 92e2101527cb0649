package dev.ananke.core.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Length-prefixed field encoding, so that concatenations cannot collide. */
final class Fields {
  private Fields() {}

  static void update(MessageDigest md, String value) {
    update(md, value.getBytes(StandardCharsets.UTF_8));
  }

  static void update(MessageDigest md, byte[] value) {
    int n = value.length;
    md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    md.update(value);
  }
}
