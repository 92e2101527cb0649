package dev.ananke.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * XXH64 as the reference implementation computes it: the expected values are {@code xxh64sum}'s
 * (xxHash 0.8.1, {@code printf '%s' TEXT | xxhsum -H1}), around every length where the
 * algorithm changes path (4- and 8-byte tails, the 32-byte stripe).
 */
class Xxh64Test {

  private static String hex(long h) {
    return HexFormat.of().toHexDigits(h);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|ef46db3751d8e999",
      "a|d24ec4f1a98c6e5b",
      "abc|44bc2cf5ad770999",
      "abcdefg|1860940e2902822d",
      "abcdefgh|3ad351775b4634b7",
      "abcdefghijkl|4b09b7d3a233d4b3",
      "0123456789abcdef0123456789abcde|1fdfc63febacfde7",
      "0123456789abcdef0123456789abcdef|642a94958e71e6c5",
      "0123456789abcdef0123456789abcdef0|e87684f08d6d0816",
      "Nobody inspects the spammish repetition|fbcea83c8a378bf1",
      "The quick brown fox jumps over the lazy dog, again and again and again!|997c8f93ea91563b"})
  void hashesAsTheReference(String text, String expected) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertEquals(expected, hex(Xxh64.hash(bytes, 0, bytes.length)));
  }

  @Test
  void aRangeOfAnArrayIsHashedAlone() {
    byte[] framed = "--abc--".getBytes(StandardCharsets.UTF_8);
    assertEquals("44bc2cf5ad770999", hex(Xxh64.hash(framed, 2, 3)));
    byte[] utf8 = "é日本\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
    assertEquals("06af06edcb6b92af", hex(Xxh64.hash(utf8, 0, utf8.length)));
  }
}
