package dev.ananke.tokens;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A regular expression over bytes with full-match semantics, compiled lazily to a DFA.
 *
 * <p>The dialect is what code constraints need: literals, classes (with {@code \d \w \s},
 * negation and Unicode ranges, matched as UTF-8), {@code .}, groups, alternation, {@code ? * +
 * {m,n}} and escapes, with {@code java.util.regex}'s meaning. Lookarounds, backreferences and
 * inline flags are rejected with an error naming the position. {@link #and}, {@link #or} and
 * {@link #not} build new regexes; {@link #isEmpty} and {@link #shortestMatch} decide them, which is
 * how conflicting constraints are detected.
 *
 * <p>Cost: parsing is linear in the pattern; the DFA is built as it is used (one derivative per
 * state and byte class), bounded by {@link RegexLimits}. Exceeding a limit throws {@link
 * dev.ananke.core.error.BadInputException}, possibly on first use of a state rather than here.
 * Thread-safe: DFA construction is synchronized, stepping is lock-free.
 */
public final class Regex {
  private final String pattern;
  private final RegexNode tree;
  private final RegexLimits limits;
  private volatile LazyDfa dfa;
  /** The bytes of a regex made by {@link #literal}, else null (see RegexAutomaton). */
  private final byte[] literal;

  private Regex(String pattern, RegexNode tree, RegexLimits limits) {
    this(pattern, tree, limits, null);
  }

  private Regex(String pattern, RegexNode tree, RegexLimits limits, byte[] literal) {
    this.pattern = pattern;
    this.tree = tree;
    this.limits = limits;
    this.literal = literal;
  }

  /**
   * Parses {@code pattern}.
   *
   * @throws dev.ananke.core.error.BadInputException located at {@code regex at position N} for
   *     syntax errors and unsupported constructs
   */
  public static Regex compile(String pattern) {
    return compile(pattern, RegexLimits.DEFAULT);
  }

  public static Regex compile(String pattern, RegexLimits limits) {
    return new Regex(pattern, RegexParser.parse(pattern, limits), limits);
  }

  /** A regex of an already built tree ({@code pattern} describes it). */
  static Regex ofTree(String pattern, RegexNode tree) {
    return new Regex(pattern, tree, RegexLimits.DEFAULT);
  }

  RegexNode tree() {
    return tree;
  }

  /** A regex matching exactly {@code text}. */
  public static Regex literal(String text) {
    java.util.List<RegexNode> items = new java.util.ArrayList<>();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) items.add(RegexNode.Bytes.of(b & 0xFF));
    return new Regex(java.util.regex.Pattern.quote(text), new RegexNode.Seq(java.util.List.copyOf(items)), RegexLimits.DEFAULT,
        bytes);
  }

  /** The source pattern (for combinations, a description such as {@code (a)&(b)}). */
  public String pattern() {
    return pattern;
  }

  public RegexLimits limits() {
    return limits;
  }

  /** Strings matching both. */
  public Regex and(Regex other) {
    return new Regex("(" + pattern + ")&(" + other.pattern + ")", new RegexNode.And(tree, other.tree), limits);
  }

  /** Strings matching either. */
  public Regex or(Regex other) {
    return new Regex("(" + pattern + ")|(" + other.pattern + ")",
        new RegexNode.Alt(java.util.List.of(tree, other.tree)), limits);
  }

  /** Byte strings (any bytes, not only UTF-8) that do not match. */
  public Regex not() {
    return new Regex("~(" + pattern + ")", new RegexNode.Not(tree), limits);
  }

  /** Whether every string this matches, {@code other} matches too. */
  public boolean isSubsetOf(Regex other) {
    return and(other.not()).isEmpty();
  }

  /** Whether no string matches. Explores at most {@link RegexLimits#maxDfaStates()} states. */
  public boolean isEmpty() {
    return dfa().start() == LazyDfa.DEAD;
  }

  /** A shortest matching byte string, if any. */
  public Optional<byte[]> shortestMatch() {
    return dfa().shortestMatch();
  }

  /** Whether the whole of {@code text} (as UTF-8) matches. */
  public boolean matches(CharSequence text) {
    return matches(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the whole byte string matches. */
  public boolean matches(byte[] input) {
    LazyDfa d = dfa();
    int s = d.start();
    for (int i = 0; i < input.length && s != LazyDfa.DEAD; i++) s = d.step(s, input[i] & 0xFF);
    return d.isAccepting(s);
  }

  /** Whether some extension of {@code prefix} matches. */
  public boolean matchesPrefix(byte[] prefix) {
    LazyDfa d = dfa();
    int s = d.start();
    for (int i = 0; i < prefix.length && s != LazyDfa.DEAD; i++) s = d.step(s, prefix[i] & 0xFF);
    return s != LazyDfa.DEAD;
  }

  /** DFA states built so far (grows as the regex is used; for diagnostics and benchmarks). */
  public int dfaStateCount() {
    // counting builds nothing: a DFA not asked for yet has no states (a literal's automaton is
    // its bytes, see RegexAutomaton, and needs no DFA at all)
    LazyDfa d = dfa;
    return d == null ? 0 : d.stateCount();
  }

  /** The bytes of a literal regex, null for others; not to be modified. */
  byte[] literalBytes() {
    return literal;
  }

  LazyDfa dfa() {
    LazyDfa d = dfa;
    if (d == null) {
      synchronized (this) {
        d = dfa;
        if (d == null) dfa = d = new LazyDfa(tree, limits, "/" + pattern + "/");
      }
    }
    return d;
  }

  @Override
  public String toString() {
    return "/" + pattern + "/";
  }
}
