package dev.ananke.braid.conflict;

import java.util.List;

/**
 * What {@link Conflicts#check} found.
 *
 * @param conflicts the contradictions, by kind, then in the order found (deterministic)
 * @param unchecked the pairs that could not be checked; "no conflict" holds only for the others
 */
public record ConflictReport(List<Conflict> conflicts, List<Unchecked> unchecked) {

  public ConflictReport {
    conflicts = List.copyOf(conflicts);
    unchecked = List.copyOf(unchecked);
  }

  /** No conflict found and every pair checked. */
  public boolean isClean() {
    return conflicts.isEmpty() && unchecked.isEmpty();
  }
}
