package dev.ananke.tokens.earley;

/**
 * Bounds on what compiling a grammar may cost; going over one throws {@link
 * dev.ananke.core.error.BadInputException} naming the limit instead of eating memory.
 *
 * @param maxNonterminals nonterminals after expanding repetitions and nested alternations
 * @param maxGrammarSymbols symbols in all productions together
 * @param maxLexemes distinct lexemes
 * @param maxLexerStates states of the combined lexer DFA (built lazily, checked on growth)
 */
public record GrammarLimits(int maxNonterminals, int maxGrammarSymbols, int maxLexemes, int maxLexerStates) {
  /** 200,000 nonterminals and symbols, 20,000 lexemes, 100,000 lexer states. */
  public static final GrammarLimits DEFAULT = new GrammarLimits(200_000, 1_000_000, 20_000, 100_000);

  public GrammarLimits {
    if (maxNonterminals < 1 || maxGrammarSymbols < 1 || maxLexemes < 1 || maxLexerStates < 2) {
      throw new IllegalArgumentException("grammar limits must be positive");
    }
  }
}
