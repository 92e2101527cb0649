package dev.ananke.core.payload;

import dev.ananke.core.Checks;
import org.jspecify.annotations.Nullable;

/** A field of a declared type; {@code type} is source text, null when untyped. */
public record Field(String name, @Nullable String type, boolean optional) {

  public Field {
    Checks.notBlank(name, "field name");
    if (type != null) Checks.notBlank(type, "field type");
  }
}
