package dev.ananke.tokens;

/**
 * Bounds on what a regex may cost. The DFA is built lazily, so {@link #maxDfaStates} is checked
 * when a state is first reached (while matching or computing a mask), not at compile time; going
 * over it throws {@link dev.ananke.core.error.BadInputException} instead of eating memory. One
 * DFA state costs 1 KiB of transition table.
 *
 * @param maxDfaStates distinct DFA states one regex may reach (also bounds emptiness checks)
 * @param maxExpressionNodes distinct derivative expressions kept while building the DFA
 * @param maxRepeat largest count allowed in {@code {m,n}}
 */
public record RegexLimits(int maxDfaStates, int maxExpressionNodes, int maxRepeat) {
  /** 10,000 states (10 MiB of table), 200,000 expressions, counts up to 1,000. */
  public static final RegexLimits DEFAULT = new RegexLimits(10_000, 200_000, 1_000);

  public RegexLimits {
    if (maxDfaStates < 2) throw new IllegalArgumentException("maxDfaStates must be at least 2, was " + maxDfaStates);
    if (maxExpressionNodes < 16) throw new IllegalArgumentException("maxExpressionNodes must be at least 16, was " + maxExpressionNodes);
    if (maxRepeat < 1) throw new IllegalArgumentException("maxRepeat must be at least 1, was " + maxRepeat);
  }

  public RegexLimits withMaxDfaStates(int n) {
    return new RegexLimits(n, maxExpressionNodes, maxRepeat);
  }
}
