package dev.ananke.braid;

import dev.ananke.core.ir.ConstraintIR;
import java.util.List;

/** The result of compiling a constraint set: the IR and what it leaves unenforced. */
public record Compilation(ConstraintIR ir, List<Unenforced> unenforced) {

  public Compilation {
    unenforced = List.copyOf(unenforced);
  }

  /** The constraints that apply to the target but are not enforced: what makes the IR weaker. */
  public List<Unenforced> weakenings() {
    return unenforced.stream().filter(Unenforced::weakensTheIr).toList();
  }
}
