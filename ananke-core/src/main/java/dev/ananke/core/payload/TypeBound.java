package dev.ananke.core.payload;

import dev.ananke.core.Checks;
import dev.ananke.core.ConstraintKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bound on the types code may use.
 *
 * @param subject what is bounded: {@code *} for all code, or a name ({@code getUser},
 *     {@code User.id})
 * @param requiredType the type the subject must have, null for none
 * @param forbiddenTypes types that must not appear ({@code any}); sorted
 * @param annotationsRequired parameters and returns must carry type annotations
 */
public record TypeBound(
    String subject, @Nullable String requiredType, List<String> forbiddenTypes, boolean annotationsRequired)
    implements Payload {

  public TypeBound {
    Checks.notBlank(subject, "subject");
    if (requiredType != null) Checks.notBlank(requiredType, "required type");
    forbiddenTypes = Checks.sortedSet(forbiddenTypes, "forbidden types");
    if (requiredType != null && forbiddenTypes.contains(requiredType)) {
      throw new IllegalArgumentException("type " + requiredType + " is both required and forbidden for " + subject);
    }
    if (requiredType == null && forbiddenTypes.isEmpty() && !annotationsRequired) {
      throw new IllegalArgumentException("a type bound must require a type, forbid one, or require annotations");
    }
  }

  @Override
  public ConstraintKind defaultKind() {
    return ConstraintKind.TYPE_SAFETY;
  }
}
