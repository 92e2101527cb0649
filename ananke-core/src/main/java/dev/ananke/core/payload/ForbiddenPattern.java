package dev.ananke.core.payload;

import dev.ananke.core.Checks;
import dev.ananke.core.ConstraintKind;

/** Text that generated code must not contain ({@code eval(}, a forbidden import), and why. */
public record ForbiddenPattern(String pattern, PatternSyntax syntax, String reason) implements Payload {

  public ForbiddenPattern {
    Checks.notBlank(pattern, "pattern");
    Checks.notBlank(reason, "reason");
  }

  @Override
  public ConstraintKind defaultKind() {
    return ConstraintKind.SECURITY;
  }
}
