package dev.ananke.core.payload;

import dev.ananke.core.Checks;
import dev.ananke.core.ConstraintKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a file imports from one module.
 *
 * @param module the module path as written ({@code ./user}, {@code std::io}, {@code fmt})
 * @param symbols the names brought in; sorted, since their order carries no meaning
 * @param alias the local name of the module itself ({@code import * as x}, {@code import x as y})
 * @param wildcard everything is brought in ({@code from m import *}, {@code use m::*})
 */
public record ImportSet(String module, List<String> symbols, @Nullable String alias, boolean wildcard)
    implements Payload {

  public ImportSet {
    Checks.notBlank(module, "module");
    symbols = Checks.sortedSet(symbols, "symbols");
    if (alias != null) Checks.notBlank(alias, "alias");
  }

  @Override
  public ConstraintKind defaultKind() {
    return ConstraintKind.ARCHITECTURAL;
  }
}
