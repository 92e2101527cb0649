package dev.ananke.core.ir;

import dev.ananke.core.Checks;
import dev.ananke.core.Priority;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A constraint set compiled for one target.
 *
 * @param jsonSchema the JSON Schema the output must validate against; null when the target
 *     is not a JSON value
 * @param grammar the grammar the output must match, null when there is none
 * @param regexes patterns the output must match, each in full; sorted
 * @param provenance ids of the constraints this was compiled from; sorted
 */
public record ConstraintIR(
    Target target,
    @Nullable JsonSchema jsonSchema,
    @Nullable Grammar grammar,
    List<String> regexes,
    TokenMaskRules tokenMaskRules,
    Priority priority,
    List<String> provenance) {

  public ConstraintIR {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(tokenMaskRules, "tokenMaskRules");
    Objects.requireNonNull(priority, "priority");
    regexes = Checks.sortedSet(regexes, "regexes");
    provenance = Checks.sortedSet(provenance, "provenance");
  }

  /** True when nothing is enforced: no schema, grammar, regex or mask rule. */
  public boolean isUnconstrained() {
    return jsonSchema == null && grammar == null && regexes.isEmpty() && tokenMaskRules.isEmpty();
  }
}
