package dev.ananke.core.ir;

import dev.ananke.core.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Strings whose tokens are allowed or denied outright, resolved to token ids only when a
 * tokenizer is known. Both lists are sorted; a string cannot be both allowed and denied. Braid
 * emits them as a token-level shadow of what its grammar of the same IR already enforces (the
 * calls it leaves out), for engines with a bad-words list; an engine that takes the grammar
 * loses nothing by ignoring them.
 */
public record TokenMaskRules(List<String> allow, List<String> deny) {

  public static final TokenMaskRules NONE = new TokenMaskRules(List.of(), List.of());

  public TokenMaskRules {
    allow = Checks.sortedSet(allow, "allowed strings");
    deny = Checks.sortedSet(deny, "denied strings");
    List<String> both = new ArrayList<>(allow);
    both.retainAll(deny);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("strings both allowed and denied: " + both);
    }
  }

  public boolean isEmpty() {
    return allow.isEmpty() && deny.isEmpty();
  }
}
