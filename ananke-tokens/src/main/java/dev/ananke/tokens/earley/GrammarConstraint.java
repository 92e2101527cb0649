package dev.ananke.tokens.earley;

import dev.ananke.tokens.TokenMatcher;
import dev.ananke.tokens.Vocabulary;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A compiled grammar paired with a vocabulary: the shared, thread-safe part of grammar-constrained
 * decoding. Create one per (grammar, vocabulary) with {@link CompiledGrammar#constraint} and a
 * {@link TokenMatcher} per sequence with {@link #newMatcher()}.
 *
 * <p>Cost of a mask: one trie walk in which most bytes only step the lexer DFA (a table load);
 * the Earley parser runs at lexeme boundaries only. Inside JSON-string-like lexemes the slicer
 * replaces most of the walk by a precomputed mask (see docs/grammar.md).
 */
public final class GrammarConstraint {
  final CompiledGrammar grammar;
  final Vocabulary vocabulary;
  final Slices slices;
  private volatile Map<String, Integer> tokenOfBytes;

  GrammarConstraint(CompiledGrammar grammar, Vocabulary vocabulary) {
    this.grammar = grammar;
    this.vocabulary = vocabulary;
    this.slices = Slices.of(vocabulary);
  }

  public CompiledGrammar grammar() {
    return grammar;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** A matcher at the start of the grammar. */
  public TokenMatcher newMatcher() {
    return new GrammarMatcher(this, new EarleyParser(grammar));
  }

  /*
   * Token ids by their bytes, per vocabulary: building the map walks all 128k tokens (tens of
   * milliseconds), and one vocabulary serves every grammar of a run, e.g. one per function target.
   */
  private static final Map<Vocabulary, Map<String, Integer>> TOKEN_OF_BYTES = new WeakHashMap<>();

  /** Token ids by their bytes (as ISO-8859-1 strings), for forced tokens; built on first use. */
  Map<String, Integer> tokenOfBytes() {
    Map<String, Integer> m = tokenOfBytes;
    if (m == null) tokenOfBytes = m = tokenOfBytes(vocabulary);
    return m;
  }

  private static Map<String, Integer> tokenOfBytes(Vocabulary vocabulary) {
    synchronized (TOKEN_OF_BYTES) {
      Map<String, Integer> m = TOKEN_OF_BYTES.get(vocabulary);
      if (m == null) {
        m = new HashMap<>();
        for (int id = 0; id < vocabulary.size(); id++) {
          if (!vocabulary.isDefined(id) || vocabulary.isSpecial(id)) continue;
          m.putIfAbsent(new String(vocabulary.tokenBytes(id), java.nio.charset.StandardCharsets.ISO_8859_1), id);
        }
        m = Map.copyOf(m);
        TOKEN_OF_BYTES.put(vocabulary, m);
      }
      return m;
    }
  }
}
