package dev.ananke.maze.local;

import dev.ananke.tokens.TokenMasks;
import dev.ananke.tokens.TokenMatcher;
import dev.ananke.tokens.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Several matchers at once: a token is allowed when every one allows it. */
final class AllOf implements TokenMatcher {
  private final List<TokenMatcher> parts;
  private final long[] scratch;

  AllOf(List<TokenMatcher> parts) {
    if (parts.isEmpty()) throw new IllegalArgumentException("no matchers");
    this.parts = List.copyOf(parts);
    this.scratch = TokenMasks.allocate(parts.getFirst().vocabulary());
  }

  @Override
  public Vocabulary vocabulary() {
    return parts.getFirst().vocabulary();
  }

  @Override
  public void computeMask(long[] mask) {
    parts.getFirst().computeMask(mask);
    for (int p = 1; p < parts.size(); p++) {
      parts.get(p).computeMask(scratch);
      for (int i = 0; i < mask.length; i++) mask[i] &= scratch[i];
    }
  }

  @Override
  public boolean isAllowed(int token) {
    for (TokenMatcher m : parts) if (!m.isAllowed(token)) return false;
    return true;
  }

  @Override
  public boolean consume(int token) {
    if (!isAllowed(token)) return false;
    for (TokenMatcher m : parts) m.consume(token);
    return true;
  }

  @Override
  public int validate(int[] tokens) {
    TokenMatcher copy = fork();
    return copy.consumeAll(tokens);
  }

  @Override
  public void rollback(int n) {
    for (TokenMatcher m : parts) m.rollback(n);
  }

  @Override
  public int position() {
    return parts.getFirst().position();
  }

  @Override
  public void reset() {
    for (TokenMatcher m : parts) m.reset();
  }

  @Override
  public boolean isAccepting() {
    for (TokenMatcher m : parts) if (!m.isAccepting()) return false;
    return true;
  }

  @Override
  public boolean isTerminated() {
    for (TokenMatcher m : parts) if (m.isTerminated()) return true;
    return false;
  }

  @Override
  public int[] forcedTokens() {
    // what one part forces, the whole must do; keep what the others allow
    int[] longest = new int[0];
    for (TokenMatcher m : parts) {
      int[] f = m.forcedTokens();
      if (f.length > longest.length) longest = f;
    }
    int ok = 0;
    TokenMatcher probe = fork();
    while (ok < longest.length && probe.consume(longest[ok])) ok++;
    return Arrays.copyOf(longest, ok);
  }

  @Override
  public TokenMatcher fork() {
    List<TokenMatcher> copies = new ArrayList<>(parts.size());
    for (TokenMatcher m : parts) copies.add(m.fork());
    return new AllOf(copies);
  }
}
