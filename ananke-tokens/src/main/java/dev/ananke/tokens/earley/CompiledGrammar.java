package dev.ananke.tokens.earley;

import dev.ananke.tokens.Vocabulary;
import dev.ananke.tokens.grammar.Grammar;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Grammar} lowered to flat Earley productions plus its lexer: the vocabulary-independent,
 * shared part of grammar-constrained decoding. Immutable apart from the lexer's lazily built DFA;
 * thread-safe.
 *
 * <p>Cost: compiling is linear in the grammar; lexer states are built as bytes are seen, bounded by
 * {@link GrammarLimits#maxLexerStates()}.
 */
public final class CompiledGrammar {
  final Grammar grammar;
  final Cfg cfg;
  final Lexer lexer;

  private CompiledGrammar(Grammar grammar, Cfg cfg, Lexer lexer) {
    this.grammar = grammar;
    this.cfg = cfg;
    this.lexer = lexer;
  }

  /** @throws dev.ananke.core.error.BadInputException when a limit is exceeded */
  public static CompiledGrammar compile(Grammar grammar) {
    return compile(grammar, GrammarLimits.DEFAULT);
  }

  public static CompiledGrammar compile(Grammar grammar, GrammarLimits limits) {
    Cfg cfg = Cfg.lower(grammar, limits);
    return new CompiledGrammar(grammar, cfg, new Lexer(cfg.lexemes, limits.maxLexerStates()));
  }

  public Grammar grammar() {
    return grammar;
  }

  /** Whether the whole of {@code text} (as UTF-8) is in the grammar's language. */
  public boolean accepts(String text) {
    return accepts(text.getBytes(StandardCharsets.UTF_8));
  }

  public boolean accepts(byte[] text) {
    EarleyParser p = new EarleyParser(this);
    for (byte b : text) if (!p.push(b & 0xFF)) return false;
    return p.isAccepting();
  }

  /** How many leading bytes of {@code text} some sentence of the language starts with. */
  public int validPrefixLength(byte[] text) {
    EarleyParser p = new EarleyParser(this);
    for (int i = 0; i < text.length; i++) if (!p.push(text[i] & 0xFF)) return i;
    return text.length;
  }

  /** Masks for {@code vocabulary}; create one per (grammar, vocabulary) and share it. */
  public GrammarConstraint constraint(Vocabulary vocabulary) {
    return new GrammarConstraint(this, vocabulary);
  }

  /** Lexer states built so far (diagnostics). */
  public int lexerStateCount() {
    return lexer.stateCount();
  }

  /** Productions after lowering (diagnostics). */
  public int productionCount() {
    return cfg.productionCount();
  }
}
