package dev.ananke.tokens.earley;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.tokens.KnownTokenizer;
import dev.ananke.tokens.TokenMasks;
import dev.ananke.tokens.TokenMatcher;
import dev.ananke.tokens.Tokenizer;
import dev.ananke.tokens.TokenizerCache;
import dev.ananke.tokens.Vocabulary;
import dev.ananke.tokens.jsonschema.JsonSchemaCompiler;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks replayed from a lexer state's record (LexerWalk), and walks shared between grammars, give
 * the masks of the plain walk: every mask is compared with token-by-token pushes on a fresh parser.
 */
class LexerWalkTest {
  static Tokenizer tok;

  @BeforeAll
  static void load() {
    tok = TokenizerCache.load(KnownTokenizer.LLAMA3_1);
  }

  /** The mask from feeding every token on its own to a fresh parser that has read {@code prefix}. */
  static long[] tokenByToken(CompiledGrammar g, byte[] prefix) {
    Vocabulary v = tok.vocabulary();
    long[] mask = TokenMasks.allocate(v);
    EarleyParser p = new EarleyParser(g);
    for (byte b : prefix) assertTrue(p.push(b & 0xFF));
    int d = p.depth;
    for (int id = 0; id < v.size(); id++) {
      if (!v.isDefined(id) || v.isSpecial(id)) continue;
      byte[] bytes = v.tokenBytes(id);
      int n = 0;
      while (n < bytes.length && p.push(bytes[n] & 0xFF)) n++;
      p.truncate(d);
      if (n == bytes.length && n > 0) TokenMasks.set(mask, id);
    }
    if (p.isAccepting()) for (int e : v.eosTokenIds()) TokenMasks.set(mask, e);
    return mask;
  }

  /** Feeds {@code text} token by token and checks every mask against tokenByToken. */
  static void checkEveryMask(GrammarConstraint c, String text) {
    int[] ids = tok.encode(text);
    TokenMatcher m = c.newMatcher();
    long[] mask = TokenMasks.allocate(tok.vocabulary());
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i <= ids.length; i++) {
      m.computeMask(mask);
      byte[] sofar = prefix.toString().getBytes(StandardCharsets.ISO_8859_1);
      assertArrayEquals(tokenByToken(c.grammar, sofar), mask, "after " + i + " tokens: " + prefix);
      if (i < ids.length) {
        assertTrue(m.consume(ids[i]), "token " + i);
        prefix.append(new String(tok.vocabulary().tokenBytes(ids[i]), StandardCharsets.ISO_8859_1));
      }
    }
  }

  /**
   * The same counted and patterned string lexemes in several properties and array items: the
   * lexer states inside the second and later values were walked before under other rows, so their
   * masks come from replays; patterned keys and additional properties add checked lexemes; an
   * unanchored pattern is covered through C+ (Slices.SUBSETS), not through its own proofs.
   */
  @Test
  void replayedMasksEqualTokenByTokenMasks() {
    CompiledGrammar g = CompiledGrammar.compile(JsonSchemaCompiler.compile("""
        {"type": "object", "properties": {
           "a": {"type": "string", "maxLength": 12},
           "b": {"type": "string", "maxLength": 12},
           "d": {"type": "string", "format": "date"},
           "p": {"type": "string", "pattern": "\\\\d{4}-\\\\d{2}"},
           "list": {"type": "array", "items": {"type": "string", "minLength": 2, "maxLength": 12}}},
         "patternProperties": {"^x[0-9]+$": {"type": "string", "maxLength": 12}},
         "additionalProperties": {"type": "integer"}}"""));
    GrammarConstraint c = g.constraint(tok.vocabulary());
    checkEveryMask(c, "{\"a\": \"hello wor\", \"b\": \"hello wor\", \"d\": \"2024-02-29\", "
        + "\"p\": \"on 2024-02 at noon, said the long text that goes on\", "
        + "\"list\": [\"hello\", \"hello wor\", \"ab\"], \"x12\": \"hello\", \"other\": 5}");
    // a walk from inside the counted string was kept (and the masks above replayed it)
    EarleyParser p = new EarleyParser(g);
    for (byte b : "{\"a\": \"hello".getBytes(StandardCharsets.UTF_8)) p.push(b & 0xFF);
    Lexer.MemberSet members = g.lexer.memberSet(p.lexerState());
    int n = c.slices.tries.length;
    LexerWalk kept = null;
    for (int t = 0; t <= n + 1; t++) {
      LexerWalk w = c.slices.walk(members, t);
      if (w != null && w != Slices.NOT_KEPT) kept = w;
    }
    assertNotNull(kept, "no walk kept inside a counted string");
  }

  /**
   * Two grammars compiled from different schemas share their string regexes, so the second one's
   * first masks replay walks the first one recorded; they must still be its own masks.
   */
  @Test
  void walksSharedBetweenGrammarsGiveEachGrammarsMasks() {
    CompiledGrammar g1 = CompiledGrammar.compile(JsonSchemaCompiler.compile("""
        {"type": "object", "properties": {"name": {"type": "string", "maxLength": 9}}}"""));
    CompiledGrammar g2 = CompiledGrammar.compile(JsonSchemaCompiler.compile("""
        {"type": "array", "items": {"type": "string", "maxLength": 9}, "maxItems": 2}"""));
    assertNotSame(g1.lexer, g2.lexer);
    checkEveryMask(g1.constraint(tok.vocabulary()), "{\"name\": \"abc de\"}");
    checkEveryMask(g2.constraint(tok.vocabulary()), "[\"abc de\", \"abc\"]");
  }

  /** Slice containment between the slicer's patterns: C+ holds every other slice, C{1,30} holds C{1,10}. */
  @Test
  void sliceSubsetsFollowTheLanguages() {
    int all = (1 << Slices.PATTERNS.length) - 1;
    org.junit.jupiter.api.Assertions.assertEquals(all, Slices.SUBSETS[4]);
    org.junit.jupiter.api.Assertions.assertEquals((1 << 2) | (1 << 3), Slices.SUBSETS[3]);
    org.junit.jupiter.api.Assertions.assertEquals(1 << 0, Slices.SUBSETS[0]);
  }
}
