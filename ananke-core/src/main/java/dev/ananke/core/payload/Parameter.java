package dev.ananke.core.payload;

import dev.ananke.core.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One parameter of a function. {@code type} is the source text of its type, null when the
 * source gives none (untyped Python, JavaScript). {@code optional} means declared optional
 * ({@code id?: string}); a default value does not make a parameter optional here, it is
 * recorded in {@code defaultValue}.
 */
public record Parameter(
    String name, @Nullable String type, boolean optional, boolean variadic, @Nullable String defaultValue) {

  public Parameter {
    Checks.notBlank(name, "parameter name");
    if (type != null) Checks.notBlank(type, "parameter type");
  }

  public static Parameter of(String name, @Nullable String type) {
    return new Parameter(name, type, false, false, null);
  }
}
