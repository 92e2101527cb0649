package dev.ananke.braid;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Priority;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.ir.TokenMaskRules;
import dev.ananke.braid.conflict.Conflicts;
import dev.ananke.braid.conflict.Dropped;
import dev.ananke.braid.conflict.Resolution;
import dev.ananke.braid.conflict.Unchecked;
import dev.ananke.core.payload.TypeDeclaration;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles constraint sets. A {@link TargetKind#TYPE_VALUE} target compiles to a JSON Schema
 * (draft 2020-12) of the declared type and the types it refers to; a code target (a function's
 * body, a new function, a module) to a structural grammar in Lark and GBNF (see
 * {@link dev.ananke.braid.emit.CodeGrammars}), a regex list and token-mask rules. Every
 * constraint is either in the IR's provenance or in the unenforced list with its reason.
 * Stateless and thread-safe.
 */
public final class Braid {
  private Braid() {}

  /** Compiles {@code set} for {@code target}, resolving conflicts (each drop is reported). */
  public static Compilation compile(ConstraintSet set, Target target) {
    return compile(set, target, false);
  }

  /**
   * Compiles {@code set} for {@code target}. Constraints that no code can satisfy together are
   * resolved first (priority, then severity, then confidence decide; each loser is reported as
   * {@link Unenforced.Why#CONFLICT}), or, when {@code strict}, refused.
   *
   * @throws BadInputException for a target that names nothing declared, or a conflict under {@code strict}
   */
  public static Compilation compile(ConstraintSet set, Target target, boolean strict) {
    Resolution resolution = strict ? Conflicts.resolveStrict(set) : Conflicts.resolve(set);
    ConstraintSet kept = resolution.kept();
    Compilation compiled = switch (target.kind()) {
      case TYPE_VALUE -> compileTypeValue(kept, target);
      case FUNCTION_BODY, NEW_FUNCTION, MODULE -> new CodeTargets(kept, target).compile();
    };
    if (resolution.dropped().isEmpty() && resolution.unchecked().isEmpty()) return compiled;
    List<Unenforced> unenforced = new ArrayList<>(compiled.unenforced());
    for (Dropped d : resolution.dropped()) {
      unenforced.add(new Unenforced(d.constraintId(), d.name(), Unenforced.Why.CONFLICT,
          d.conflict().explanation() + "; kept " + d.keptId() + " (" + d.reason() + ")"));
    }
    List<String> notes = new ArrayList<>(compiled.notes());
    for (Unchecked u : resolution.unchecked()) notes.add("not checked for conflicts: " + u.ids() + ": " + u.reason());
    return new Compilation(compiled.ir(), unenforced, notes);
  }

  private static Compilation compileTypeValue(ConstraintSet set, Target target) {
    TypeSchemas schemas = new TypeSchemas(set);
    String name = target.name();
    if (name == null || !schemas.declares(name)) {
      throw new BadInputException(
          "--target type:" + name, "no type named " + name + " is declared (declared: " + schemas.declaredNames() + ")");
    }
    TypeSchemas.Result result = schemas.schemaOf(name);
    List<String> provenance = new ArrayList<>();
    List<Unenforced> unenforced = new ArrayList<>();
    Priority priority = Priority.LOW;
    for (Constraint c : set.constraints()) {
      if (c.payload() instanceof TypeDeclaration t && result.usedTypes().contains(t.name())) {
        provenance.add(c.id());
        if (c.priority().compareTo(priority) > 0) priority = c.priority();
      } else {
        unenforced.add(new Unenforced(c.id(), c.name(), Unenforced.Why.NOT_APPLICABLE, "does not apply to a JSON value of type " + name));
      }
    }
    ConstraintIR ir =
        new ConstraintIR(target, result.schema(), null, List.of(), TokenMaskRules.NONE, priority, provenance);
    return new Compilation(ir, unenforced, List.of());
  }
}
