package dev.ananke.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.error.BadInputException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenTrieTest {
  /** A recognizer the way a grammar engine would write one: a byte stack checked by prefix. */
  private static final class PrefixRecognizer implements ByteRecognizer {
    private final Regex regex;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private byte[] stack = new byte[0];
    private int depth;

    PrefixRecognizer(Regex regex, byte[] prefix) {
      this.regex = regex;
      stack = Arrays.copyOf(prefix, prefix.length + 512);
      depth = prefix.length;
    }

    @Override
    public boolean push(int b) {
      stack[depth] = (byte) b;
      if (!regex.matchesPrefix(Arrays.copyOf(stack, depth + 1))) return false;
      depth++;
      return true;
    }

    @Override
    public void pop(int n) {
      depth -= n;
    }
  }

  /** The generic recognizer walk and the DFA walk agree, and leave the recognizer as it was. */
  @Property(tries = 60)
  void genericWalkEqualsDfaWalk(@ForAll long seed) {
    Vocabulary v = SmallVocab.create();
    Random r = new Random(seed);
    Regex regex = Regex.compile(RandomRegexes.pattern(r, 3));
    TokenMatcher m = RegexConstraint.of(regex, v, 0, false).newMatcher();
    long[] expected = TokenMasks.allocate(v);
    m.computeMask(expected);
    PrefixRecognizer rec = new PrefixRecognizer(regex, new byte[0]);
    long[] mask = TokenMasks.allocate(v);
    v.trie().computeMask(rec, mask);
    assertEquals(0, rec.depth);
    for (int eos : v.eosTokenIds()) {
      if (regex.matches(new byte[0])) TokenMasks.set(mask, eos);
    }
    assertArrayEquals(expected, mask, regex.toString());
  }

  @Test
  void genericWalkOnLlama31() {
    Vocabulary v = TokenizerCache.load(KnownTokenizer.LLAMA3_1).vocabulary();
    Regex regex = Regex.compile("[a-z][a-zA-Z0-9]*\\(");
    long[] expected = TokenMasks.allocate(v);
    RegexConstraint.of(regex, v, 0, false).newMatcher().computeMask(expected);
    long[] mask = TokenMasks.allocate(v);
    v.trie().computeMask(new PrefixRecognizer(regex, new byte[0]), mask);
    assertArrayEquals(expected, mask);
    assertTrue(TokenMasks.count(mask) > 10_000);
  }

  @Test
  void cacheFindsAnExistingFileWithoutNpm(@TempDir Path dir) throws Exception {
    Path src = TokenizerCache.standard().tokenizerJson(KnownTokenizer.LLAMA2);
    Files.createDirectories(dir.resolve("llama2"));
    Files.copy(src, dir.resolve("llama2/tokenizer.json"));
    TokenizerCache cache = new TokenizerCache(dir);
    assertEquals(dir.resolve("llama2/tokenizer.json"), cache.tokenizerJson(KnownTokenizer.LLAMA2));
    // without tokenizer_config.json beside it, EOS still comes from the usual names
    assertEquals(2, Tokenizer.load(cache.tokenizerJson(KnownTokenizer.LLAMA2)).vocabulary().eosTokenId());
  }

  @Test
  void malformedTokenizerFilesNameFileAndPath(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("tokenizer.json");
    Files.writeString(f, "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {}}}");
    BadInputException e = assertThrows(BadInputException.class, () -> Tokenizer.load(f));
    assertEquals(f + ": model.type: expected \"BPE\", found \"WordPiece\"", e.getMessage());
    Files.writeString(f, "{\"model\": ");
    e = assertThrows(BadInputException.class, () -> Tokenizer.load(f));
    assertTrue(e.getMessage().startsWith(f + ": not valid JSON"), e.getMessage());
  }
}
