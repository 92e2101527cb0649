package dev.ananke.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegexMatcherTest {
  private static Vocabulary tiny(String... tokens) {
    byte[][] b = new byte[tokens.length + 1][];
    b[0] = "</s>".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < tokens.length; i++) b[i + 1] = tokens[i].getBytes(StandardCharsets.UTF_8);
    return Vocabulary.of(b, new int[0], new int[] {0});
  }

  private static int[] allowed(TokenMatcher m) {
    long[] mask = TokenMasks.allocate(m.vocabulary());
    m.computeMask(mask);
    return TokenMasks.toIds(mask);
  }

  @Test
  void tokensSpanningTheEndOfTheRegexAreNotAllowed() {
    Vocabulary v = tiny("a", "ab", "abc", "b", "bc");
    TokenMatcher m = RegexConstraint.of(Regex.compile("ab"), v).newMatcher();
    assertArrayEquals(new int[] {1, 2}, allowed(m)); // "a", "ab"; not "abc"
    assertTrue(m.consume(1));
    assertArrayEquals(new int[] {4}, allowed(m)); // "b" only; EOS not yet
    assertFalse(m.isAccepting());
    assertFalse(m.consume(5)); // "bc" overshoots
    assertTrue(m.consume(4));
    assertTrue(m.isAccepting());
    assertTrue(m.isTerminated());
    assertArrayEquals(new int[] {0}, allowed(m)); // EOS only
    assertTrue(m.consume(0));
    assertTrue(m.isTerminated());
    assertArrayEquals(new int[] {0}, allowed(m));
    assertFalse(m.consume(1));
    assertTrue(m.consume(0)); // EOS padding after EOS
  }

  @Test
  void emptyMatches() {
    Vocabulary v = tiny("x", "xx", "y");
    TokenMatcher star = RegexConstraint.of(Regex.compile("x*"), v).newMatcher();
    assertTrue(star.isAccepting());
    assertFalse(star.isTerminated());
    assertArrayEquals(new int[] {0, 1, 2}, allowed(star));
    TokenMatcher empty = RegexConstraint.of(Regex.compile(""), v).newMatcher();
    assertTrue(empty.isAccepting());
    assertTrue(empty.isTerminated());
    assertArrayEquals(new int[] {0}, allowed(empty));
    TokenMatcher nothing = RegexConstraint.of(Regex.compile("a").and(Regex.compile("b")), v).newMatcher();
    assertArrayEquals(new int[0], allowed(nothing));
    assertTrue(nothing.isTerminated());
  }

  @Test
  void rollbackValidateResetFork() {
    Vocabulary v = tiny("a", "b", "ab");
    TokenMatcher m = RegexConstraint.of(Regex.compile("(ab)+"), v).newMatcher();
    assertEquals(3, m.validate(new int[] {3, 1, 2, 2}));
    assertEquals(0, m.position()); // validate does not move
    assertEquals(3, m.consumeAll(new int[] {3, 1, 2, 2}));
    assertEquals(3, m.position());
    assertTrue(m.isAccepting());
    TokenMatcher f = m.fork();
    m.rollback(1);
    assertFalse(m.isAccepting());
    assertArrayEquals(new int[] {2}, allowed(m));
    assertTrue(f.isAccepting()); // the fork kept its state
    assertThrows(IllegalArgumentException.class, () -> m.rollback(3));
    m.rollback(2);
    assertEquals(0, m.position());
    assertTrue(m.consume(3));
    m.reset();
    assertEquals(0, m.position());
    assertArrayEquals(new int[] {1, 3}, allowed(m));
  }

  @Test
  void partialUtf8Tokens() {
    byte[] ri = "日".getBytes(StandardCharsets.UTF_8);
    byte[][] b = {
      "</s>".getBytes(StandardCharsets.UTF_8), {ri[0]}, {ri[1], ri[2]}, {ri[0], ri[1]}, {ri[2]},
      "日".getBytes(StandardCharsets.UTF_8), {(byte) 0xFF}, "a".getBytes(StandardCharsets.UTF_8)
    };
    Vocabulary v = Vocabulary.of(b, new int[0], new int[] {0});
    TokenMatcher m = RegexConstraint.of(Regex.compile("[^a]+"), v).newMatcher();
    assertArrayEquals(new int[] {1, 3, 5}, allowed(m)); // lead bytes and the whole char; not a lone continuation
    assertTrue(m.consume(1));
    // the rest of 日, or any continuation byte (another character starts E6 A5 ..); no EOS mid-character
    assertArrayEquals(new int[] {2, 4}, allowed(m));
    assertTrue(m.consume(2));
    assertTrue(m.isAccepting());
    assertArrayEquals(new int[] {0, 1, 3, 5}, allowed(m));
  }

  @Test
  void forcedTokensOnLlama31() {
    Tokenizer t = TokenizerCache.load(KnownTokenizer.LLAMA3_1);
    Vocabulary v = t.vocabulary();
    String literal = "public static void main(String[] args) {";
    TokenMatcher m = RegexConstraint.of(Regex.compile("public static void main\\(String\\[\\] args\\) \\{\\n[a-z]+"), v).newMatcher();
    int[] forced = m.forcedTokens();
    assertTrue(forced.length >= 5, java.util.Arrays.toString(forced));
    String text = t.decode(forced);
    assertTrue(literal.startsWith(text), text);
    assertEquals(forced.length, m.consumeAll(forced));
    // what is left is still forced up to the newline, then a choice
    int[] more = m.forcedTokens();
    assertEquals(more.length, m.consumeAll(more));
    assertEquals(0, m.forcedTokens().length == 0 ? 0 : 1, "nothing forced once [a-z]+ starts");

    TokenMatcher choice = RegexConstraint.of(Regex.compile("foo|bar"), v).newMatcher();
    assertEquals(0, choice.forcedTokens().length);
    // a literal that ends the regex keeps its last token
    TokenMatcher whole = RegexConstraint.of(Regex.literal("return null;"), v).newMatcher();
    int[] all = whole.forcedTokens();
    assertEquals("return null;", t.decode(all));
    whole.consumeAll(all);
    assertTrue(whole.isTerminated());
  }

  /**
   * On the real Llama 3.1 vocabulary, feeding the tokenizer's own encoding of a valid string token
   * by token: every mask equals stepping each of the 128k tokens through the regex one by one.
   */
  @Test
  void masksOnLlama31EqualTokenByTokenStepping() {
    Tokenizer t = TokenizerCache.load(KnownTokenizer.LLAMA3_1);
    Vocabulary v = t.vocabulary();
    String[][] cases = {
      {"[a-z][a-zA-Z0-9]*", "fooBarBaz9"},
      {"\"([^\"\\\\]|\\\\.)*\"", "\"héllo \\\"w\\\" 日本 🎉\""},
      {"-?(0|[1-9][0-9]*)(\\.[0-9]+)?", "-1234.5"},
      {"public static [A-Z][a-zA-Z]*\\(", "public static Foo("},
    };
    long[] mask = TokenMasks.allocate(v);
    for (String[] c : cases) {
      Regex regex = Regex.compile(c[0]);
      assertTrue(regex.matches(c[1]), c[0] + " should match " + c[1]);
      TokenMatcher m = RegexConstraint.of(regex, v).newMatcher();
      int[] ids = t.encode(c[1]);
      java.io.ByteArrayOutputStream prefix = new java.io.ByteArrayOutputStream();
      for (int step = 0; step <= ids.length; step++) {
        m.computeMask(mask);
        byte[] p = prefix.toByteArray();
        for (int id = 0; id < v.modelSize(); id++) {
          boolean expected;
          if (v.isEos(id)) expected = regex.matches(p);
          else if (!v.isDefined(id) || v.isSpecial(id)) expected = false;
          else {
            byte[] tb = v.tokenBytes(id);
            byte[] all = java.util.Arrays.copyOf(p, p.length + tb.length);
            System.arraycopy(tb, 0, all, p.length, tb.length);
            expected = regex.matchesPrefix(all);
          }
          if (expected != TokenMasks.get(mask, id)) {
            throw new AssertionError(c[0] + " after \"" + new String(p, StandardCharsets.UTF_8) + "\": token " + id
                + " " + v.tokenString(id) + " expected " + expected);
          }
        }
        if (step < ids.length) {
          assertTrue(m.consume(ids[step]), c[0] + " token " + step);
          prefix.writeBytes(v.tokenBytes(ids[step]));
        }
      }
      assertTrue(m.isAccepting());
    }
  }
}
