package dev.ananke.braid.conflict;

import java.util.List;
import java.util.Objects;

/**
 * Constraints that were not checked against each other, and why (a pattern the token engine
 * cannot read, a name whose language is unknown). A report listing these does not claim that
 * the constraints are free of conflicts.
 *
 * @param ids the constraints involved, in the set's canonical order
 * @param reason why they could not be checked
 */
public record Unchecked(List<String> ids, String reason) {

  public Unchecked {
    ids = List.copyOf(ids);
    if (ids.isEmpty()) throw new IllegalArgumentException("an unchecked entry names at least one constraint");
    Objects.requireNonNull(reason, "reason");
  }
}
