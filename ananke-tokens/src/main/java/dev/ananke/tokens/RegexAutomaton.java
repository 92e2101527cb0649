package dev.ananke.tokens;

/**
 * Step-by-step access to the lazy DFA of a {@link Regex}, for engines that drive several regexes
 * at once (the grammar lexer of {@code dev.ananke.tokens.earley}). States are small ints; {@link
 * #DEAD} (0) means no continuation can match. Thread-safe like the DFA it wraps.
 */
public final class RegexAutomaton {
  /** The state from which nothing matches. */
  public static final int DEAD = LazyDfa.DEAD;

  private final LazyDfa dfa;

  private RegexAutomaton(LazyDfa dfa) {
    this.dfa = dfa;
  }

  public static RegexAutomaton of(Regex regex) {
    return new RegexAutomaton(regex.dfa());
  }

  public int start() {
    return dfa.start();
  }

  /** The state after byte {@code b} (0-255); builds the transition on first use. */
  public int step(int state, int b) {
    return dfa.step(state, b);
  }

  public boolean isAccepting(int state) {
    return dfa.isAccepting(state);
  }
}
