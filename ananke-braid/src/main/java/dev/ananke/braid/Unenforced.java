package dev.ananke.braid;

/** A constraint that the compiled IR does not enforce, and why. */
public record Unenforced(String constraintId, String name, Why why, String reason) {

  /** Why a constraint is not in the IR. */
  public enum Why {
    /** It says nothing about this target (a naming rule, for a JSON value). */
    NOT_APPLICABLE,
    /** It applies, but Braid cannot compile it for this target (yet): the IR is weaker than the set. */
    NOT_SUPPORTED,
    /** A SOFT preference (an idiom the code follows): guidance for a prompt, never a mask. */
    ADVISORY,
    /** It conflicts with a stronger constraint, which was kept: the IR is weaker than the set. */
    CONFLICT
  }

  public boolean weakensTheIr() {
    return why == Why.NOT_SUPPORTED || why == Why.CONFLICT;
  }
}
