package dev.ananke.core.ir;

import dev.ananke.core.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A generation target: the language, what is generated, and (for functions and types) the
 * name and the file it belongs to.
 */
public record Target(String language, TargetKind kind, @Nullable String name, @Nullable String file) {

  public Target {
    Checks.notBlank(language, "target language");
    if (name != null) Checks.notBlank(name, "target name");
    if (file != null) Checks.notBlank(file, "target file");
    if ((kind == TargetKind.FUNCTION_BODY || kind == TargetKind.TYPE_VALUE) && name == null) {
      throw new IllegalArgumentException("a " + kind + " target needs the name of its function or type");
    }
  }
}
