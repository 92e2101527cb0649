package dev.ananke.tokens.earley;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.tokens.KnownTokenizer;
import dev.ananke.tokens.TokenMasks;
import dev.ananke.tokens.TokenMatcher;
import dev.ananke.tokens.Tokenizer;
import dev.ananke.tokens.TokenizerCache;
import dev.ananke.tokens.Vocabulary;
import dev.ananke.tokens.jsonschema.JsonSchemaCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The grammar matcher on the real Llama 3.1 vocabulary. */
class GrammarMatcherTest {
  static Tokenizer tok;
  static GrammarConstraint json;

  @BeforeAll
  static void load() {
    tok = TokenizerCache.load(KnownTokenizer.LLAMA3_1);
    json = CompiledGrammar.compile(JsonSchemaCompiler.compile("""
        {"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer"},
         "tags": {"type": "array", "items": {"enum": ["a", "b"]}}}, "required": ["name"],
         "additionalProperties": false}""")).constraint(tok.vocabulary());
  }

  /** The mask (slicer and trie walk) agrees with feeding each token on its own. */
  @Test
  void maskAgreesWithTokenByTokenChecks() {
    String text = "{\"name\": \"Ana \\\"K\\\" é\", \"age\": 42, \"tags\": [\"a\", \"b\"]}";
    int[] ids = tok.encode(text);
    TokenMatcher m = json.newMatcher();
    Vocabulary v = tok.vocabulary();
    long[] mask = TokenMasks.allocate(v);
    for (int i = 0; i <= ids.length; i++) {
      m.computeMask(mask);
      if (i % 3 == 0 || i == ids.length) {
        for (int id = 0; id < v.modelSize(); id++) {
          assertEquals(m.isAllowed(id), TokenMasks.get(mask, id), "token " + id + " (" + v.tokenString(id) + ") after " + i + " tokens");
        }
      }
      if (i < ids.length) {
        assertTrue(TokenMasks.get(mask, ids[i]), "token " + i);
        assertTrue(m.consume(ids[i]));
      }
    }
    assertTrue(m.isAccepting());
    assertTrue(TokenMasks.get(mask, v.eosTokenId()));
    assertTrue(m.consume(v.eosTokenId()));
    assertTrue(m.isTerminated());
  }

  @Test
  void rollbackForkValidateAndReset() {
    int[] ids = tok.encode("{\"name\": \"x\", \"age\": 7}");
    TokenMatcher m = json.newMatcher();
    assertEquals(ids.length, m.validate(ids));
    assertEquals(0, m.position());
    assertEquals(ids.length, m.consumeAll(ids));
    assertTrue(m.isAccepting());
    TokenMatcher f = m.fork();
    m.rollback(3);
    assertFalse(m.isAccepting());
    assertEquals(ids.length - 3, m.position());
    assertEquals(3, m.consumeAll(java.util.Arrays.copyOfRange(ids, ids.length - 3, ids.length)));
    assertTrue(m.isAccepting());
    assertTrue(f.isAccepting());
    m.reset();
    assertEquals(0, m.position());
    int[] bad = tok.encode("{\"age\": 7}");
    assertTrue(m.validate(bad) < bad.length || !m.isAccepting());
  }

  @Test
  void forcedTokensSpellTheOnlyContinuation() {
    GrammarConstraint g = CompiledGrammar.compile(dev.ananke.tokens.grammar.Grammar.lark("""
        start: "function getUserById(" NAME ")"
        NAME: /[a-z]+/
        """)).constraint(tok.vocabulary());
    TokenMatcher m = g.newMatcher();
    int[] forced = m.forcedTokens();
    assertTrue(forced.length > 0);
    String text = tok.decode(forced);
    assertTrue("function getUserById(".startsWith(text), text);
    assertEquals(forced.length, m.consumeAll(forced));
  }

  @Test
  void specialAndPaddingTokensNeverAllowed() {
    TokenMatcher m = json.newMatcher();
    long[] mask = TokenMasks.allocate(tok.vocabulary());
    m.computeMask(mask);
    int eot = tok.vocabulary().tokenId("<|eot_id|>").orElseThrow();
    assertFalse(TokenMasks.get(mask, eot));
    assertFalse(m.consume(eot));
    assertFalse(m.isAllowed(tok.vocabulary().modelSize() - 1) && !tok.vocabulary().isDefined(tok.vocabulary().modelSize() - 1));
  }

  @Test
  void sameMasksOnEveryRun() {
    int[] ids = tok.encode("{\"name\": \"a b c\"}");
    long[] a = TokenMasks.allocate(tok.vocabulary());
    long[] b = TokenMasks.allocate(tok.vocabulary());
    TokenMatcher m1 = json.newMatcher();
    TokenMatcher m2 = json.newMatcher();
    for (int id : ids) {
      m1.computeMask(a);
      m2.computeMask(b);
      assertArrayEquals(a, b);
      m1.consume(id);
      m2.consume(id);
    }
  }

  /**
   * Masks remembered per parser state (a matcher's memo) equal masks computed afresh by a fork,
   * which starts with an empty memo: along a long string, numbers, checked keys and long
   * strings, and after rollbacks that rebuild rows.
   */
  @Test
  void rememberedMasksEqualFreshOnes() {
    GrammarConstraint g = CompiledGrammar.compile(JsonSchemaCompiler.compile("""
        {"type": "object", "properties": {"text": {"type": "string"}, "n": {"type": "number"},
         "long": {"type": "string", "maxLength": 40}},
         "additionalProperties": {"type": "integer"}}""")).constraint(tok.vocabulary());
    String text = "{\"text\": \"a long plain string with many words in it, \u00e9 and more words\", "
        + "\"n\": 1234567.125, \"other\": 12345678, \"long\": \"abcdefghij klmnopqrst uvwxyz 0123\"}";
    int[] ids = tok.encode(text);
    long[] a = TokenMasks.allocate(tok.vocabulary());
    long[] b = TokenMasks.allocate(tok.vocabulary());
    TokenMatcher m = g.newMatcher();
    for (int i = 0; i <= ids.length; i++) {
      for (int round = 0; round < 2; round++) {
        m.computeMask(a);
        m.fork().computeMask(b);
        assertArrayEquals(b, a, "after " + i + " tokens, round " + round);
        if (i >= 2 && round == 0) {
          m.rollback(2);
          assertEquals(2, m.consumeAll(java.util.Arrays.copyOfRange(ids, i - 2, i)));
        }
      }
      if (i < ids.length) assertTrue(m.consume(ids[i]), "token " + i);
    }
    assertTrue(TokenMasks.get(a, tok.vocabulary().eosTokenId()));
  }
}
