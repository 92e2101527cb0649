package dev.ananke.tokens;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A synthetic vocabulary small enough for brute force, with the awkward cases real ones have. */
final class SmallVocab {
  private SmallVocab() {}

  static final int EOS = 1;
  static final int SPECIAL = 0;

  static Vocabulary create() {
    Set<String> texts = new LinkedHashSet<>();
    String chars = "abc01 A-.\n";
    for (int i = 0; i < chars.length(); i++) {
      texts.add(chars.substring(i, i + 1));
      for (int j = 0; j < chars.length(); j += 2) {
        texts.add(chars.substring(i, i + 1) + chars.charAt(j));
      }
    }
    texts.add("abc");
    texts.add("aaa");
    texts.add("0101");
    texts.add("é");
    texts.add("日");
    texts.add("a日");
    texts.add("ab-");
    List<byte[]> tokens = new ArrayList<>();
    tokens.add("<|special|>".getBytes(StandardCharsets.UTF_8)); // 0: special
    tokens.add("</s>".getBytes(StandardCharsets.UTF_8)); // 1: EOS
    tokens.add(null); // 2: an undefined id
    for (String t : texts) tokens.add(t.getBytes(StandardCharsets.UTF_8));
    byte[] e = "é".getBytes(StandardCharsets.UTF_8);
    byte[] ri = "日".getBytes(StandardCharsets.UTF_8);
    // partial UTF-8: lead bytes, continuation bytes, a lead byte after a letter
    tokens.add(new byte[] {e[0]});
    tokens.add(new byte[] {e[1]});
    tokens.add(new byte[] {ri[0], ri[1]});
    tokens.add(new byte[] {ri[2]});
    tokens.add(new byte[] {'a', ri[0]});
    tokens.add(new byte[] {(byte) 0xFF}); // never valid UTF-8
    tokens.add("b".getBytes(StandardCharsets.UTF_8)); // a duplicate of "b" (byte-fallback style)
    return Vocabulary.of(tokens.toArray(new byte[0][]), new int[] {SPECIAL}, new int[] {EOS});
  }
}
