package dev.ananke.braid.conflict;

import dev.ananke.core.ConstraintSet;
import java.util.List;
import java.util.Objects;

/**
 * A constraint set with its conflicts resolved.
 *
 * @param kept the constraints that remain (the input set itself when nothing was dropped); free
 *     of the conflicts {@link Conflicts} detects
 * @param dropped what was left out, in the order resolution decided it (strongest loser first)
 * @param conflicts every conflict found in the input
 * @param unchecked the pairs that could not be checked (see {@link Unchecked})
 */
public record Resolution(ConstraintSet kept, List<Dropped> dropped, List<Conflict> conflicts, List<Unchecked> unchecked) {

  public Resolution {
    Objects.requireNonNull(kept, "kept");
    dropped = List.copyOf(dropped);
    conflicts = List.copyOf(conflicts);
    unchecked = List.copyOf(unchecked);
  }
}
