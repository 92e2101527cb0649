package dev.ananke.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class MaskPropertyTest {
  private static final Vocabulary VOCAB = SmallVocab.create();

  /**
   * Along a random walk of allowed tokens, a token is in the mask exactly when the reference NFA
   * finds that output + token is still a viable prefix; EOS exactly when the output matches.
   */
  @Property(tries = 150)
  void maskIsExactlyTheViableTokens(@ForAll long seed) {
    Random r = new Random(seed);
    String pattern = RandomRegexes.pattern(r, 4);
    NfaOracle nfa = new NfaOracle(pattern);
    Regex regex = Regex.compile(pattern);
    TokenMatcher cached = RegexConstraint.of(regex, VOCAB).newMatcher();
    TokenMatcher walked = RegexConstraint.of(regex, VOCAB, 0, false).newMatcher();
    TokenMatcher sliced = RegexConstraint.of(regex, VOCAB, 0, true).newMatcher();
    long[] mask = TokenMasks.allocate(VOCAB);
    long[] mask2 = TokenMasks.allocate(VOCAB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int step = 0; step < 8; step++) {
      cached.computeMask(mask);
      walked.computeMask(mask2);
      assertEquals(java.util.Arrays.toString(mask), java.util.Arrays.toString(mask2), "cache vs walk");
      sliced.computeMask(mask2);
      assertEquals(java.util.Arrays.toString(mask), java.util.Arrays.toString(mask2), "cache vs sliced walk");
      byte[] prefix = out.toByteArray();
      for (int id = 0; id < VOCAB.modelSize(); id++) {
        boolean expected;
        if (id == SmallVocab.EOS) expected = nfa.matches(prefix);
        else if (!VOCAB.isDefined(id) || VOCAB.isSpecial(id)) expected = false;
        else expected = nfa.viablePrefix(concat(prefix, VOCAB.tokenBytes(id)));
        final int tok = id;
        assertEquals(expected, TokenMasks.get(mask, id),
            () -> "/" + pattern + "/ after " + new String(prefix) + " token " + tok + " " + new String(VOCAB.tokenBytes(tok)));
        assertEquals(expected, cached.isAllowed(id));
      }
      assertEquals(nfa.matches(prefix), cached.isAccepting());
      int[] allowed = TokenMasks.toIds(mask);
      int[] forced = cached.forcedTokens();
      for (int f : forced) assertTrue(TokenMasks.get(mask, f) || forced[0] != f, "forced token allowed");
      if (allowed.length == 0) break;
      int pick = allowed[r.nextInt(allowed.length)];
      if (pick == SmallVocab.EOS) {
        assertTrue(cached.consume(pick));
        assertTrue(cached.isTerminated());
        break;
      }
      assertTrue(cached.consume(pick));
      assertTrue(walked.consume(pick));
      assertTrue(sliced.consume(pick));
      out.writeBytes(VOCAB.tokenBytes(pick));
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
