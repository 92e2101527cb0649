package dev.ananke.braid;

import dev.ananke.core.ir.ConstraintIR;
import java.util.List;

/**
 * The result of compiling a constraint set: the IR, what it leaves unenforced, and notes for
 * the user (pairs of constraints that could not be checked for conflicts).
 */
public record Compilation(ConstraintIR ir, List<Unenforced> unenforced, List<String> notes) {

  public Compilation {
    unenforced = List.copyOf(unenforced);
    notes = List.copyOf(notes);
  }

  /** The constraints that apply to the target but are not enforced: what makes the IR weaker. */
  public List<Unenforced> weakenings() {
    return unenforced.stream().filter(Unenforced::weakensTheIr).toList();
  }
}
