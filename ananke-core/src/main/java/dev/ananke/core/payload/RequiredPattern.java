package dev.ananke.core.payload;

import dev.ananke.core.Checks;
import dev.ananke.core.ConstraintKind;

/** Text that generated code must contain (a call to a logger, an error check), and why. */
public record RequiredPattern(String pattern, PatternSyntax syntax, String reason) implements Payload {

  public RequiredPattern {
    Checks.notBlank(pattern, "pattern");
    Checks.notBlank(reason, "reason");
  }

  @Override
  public ConstraintKind defaultKind() {
    return ConstraintKind.SEMANTIC;
  }
}
