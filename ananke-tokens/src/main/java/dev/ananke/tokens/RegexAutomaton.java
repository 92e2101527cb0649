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
  /*
   * A literal regex (Regex.literal: grammar literals, JSON Schema keys and punctuation) needs no
   * DFA: state k + 1 means k of its bytes matched. Building a lazy DFA per literal (an expression
   * pool, a 16 KiB table) was most of what the first mask after '{' cost in an object with many
   * properties, whose keys are all literals reached at once.
   */
  private final byte[] literal;

  private RegexAutomaton(LazyDfa dfa, byte[] literal) {
    this.dfa = dfa;
    this.literal = literal;
  }

  public static RegexAutomaton of(Regex regex) {
    byte[] lit = regex.literalBytes();
    return lit != null ? new RegexAutomaton(null, lit) : new RegexAutomaton(regex.dfa(), null);
  }

  /** Whether this is a literal's automaton (one string, so one live byte per state). */
  public boolean isLiteral() {
    return literal != null;
  }

  public int start() {
    return literal != null ? 1 : dfa.start();
  }

  /** The state after byte {@code b} (0-255); builds the transition on first use. */
  public int step(int state, int b) {
    LazyDfa d = dfa;
    return d != null ? d.step(state, b) : literalStep(state, b);
  }

  private int literalStep(int state, int b) {
    return state != DEAD && state <= literal.length && (literal[state - 1] & 0xFF) == b ? state + 1 : DEAD;
  }

  public boolean isAccepting(int state) {
    return literal != null ? state == literal.length + 1 : dfa.isAccepting(state);
  }
}
