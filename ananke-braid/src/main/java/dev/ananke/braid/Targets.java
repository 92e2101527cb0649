package dev.ananke.braid;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Parses {@code --target} ({@code module}, {@code new-function}, {@code function:NAME}, {@code type:NAME}). */
public final class Targets {
  private Targets() {}

  /**
   * The target a spec names, in {@code language} or else the language of most constraints.
   *
   * @throws BadInputException naming the spec when it is malformed
   */
  public static Target parse(String spec, @Nullable String language, ConstraintSet set) {
    String lang = language != null ? language : dominantLanguage(set);
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    String name = colon < 0 ? null : spec.substring(colon + 1);
    TargetKind targetKind = switch (kind) {
      case "module" -> TargetKind.MODULE;
      case "new-function" -> TargetKind.NEW_FUNCTION;
      case "function" -> TargetKind.FUNCTION_BODY;
      case "type" -> TargetKind.TYPE_VALUE;
      default -> throw new BadInputException("--target " + spec, "expected module, new-function, function:NAME or type:NAME");
    };
    if ((targetKind == TargetKind.FUNCTION_BODY || targetKind == TargetKind.TYPE_VALUE) && (name == null || name.isBlank())) {
      throw new BadInputException("--target " + spec, "a " + kind + " target needs a name: " + kind + ":NAME");
    }
    if ((targetKind == TargetKind.MODULE || targetKind == TargetKind.NEW_FUNCTION) && name != null) {
      throw new BadInputException("--target " + spec, "a " + kind + " target takes no name");
    }
    return new Target(lang, targetKind, name, null);
  }

  /** The language of the files most constraints come from; ties go to the name first in order. */
  public static String dominantLanguage(ConstraintSet set) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Constraint c : set.constraints()) {
      if (c.origin() == null) continue;
      Languages.ofFile(c.origin().file()).ifPresent(lang -> counts.merge(lang, 1, Integer::sum));
    }
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElseThrow(() -> new BadInputException("--language", "cannot infer the target language from the constraints; pass --language"));
  }
}
