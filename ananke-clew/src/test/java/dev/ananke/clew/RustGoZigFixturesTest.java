package dev.ananke.clew;

import dev.ananke.fixtures.Fixture;
import dev.ananke.fixtures.Fixtures;
import dev.ananke.fixtures.Language;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checks of {@link TypeScriptPythonFixturesTest} (no ERROR node; every modelled function,
 * type, import, idiom count and smell) on the Rust, Go and Zig fixtures: inherited, with this
 * class's {@link #fixtures()} hiding the parent's as the parameter source.
 */
class RustGoZigFixturesTest extends TypeScriptPythonFixturesTest {
  private static final Set<Language> LANGUAGES = Set.of(Language.RUST, Language.GO, Language.ZIG);

  static Stream<Fixture> fixtures() {
    return Fixtures.all().stream().filter(f -> LANGUAGES.contains(f.language()));
  }
}
