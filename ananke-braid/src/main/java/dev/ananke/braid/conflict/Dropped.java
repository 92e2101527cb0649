package dev.ananke.braid.conflict;

import java.util.Objects;

/**
 * A constraint that resolution left out.
 *
 * @param constraintId the dropped constraint
 * @param name its name
 * @param conflict the conflict it lost
 * @param keptId the constraint it lost to, which was kept
 * @param reason why that one won, e.g. {@code priority LOW is below HIGH of 'function.getUser'}
 */
public record Dropped(String constraintId, String name, Conflict conflict, String keptId, String reason) {

  public Dropped {
    Objects.requireNonNull(constraintId, "constraintId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(conflict, "conflict");
    Objects.requireNonNull(keptId, "keptId");
    Objects.requireNonNull(reason, "reason");
  }
}
