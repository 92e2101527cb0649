package dev.ananke.bench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.braid.Compilation;
import org.junit.jupiter.api.Test;

/** The pipeline benchmark compiles what it says: the fixture's module grammar from its own extraction. */
class PipelineBenchmarkTest {

  @Test
  void eachLanguageCompilesItsFixtureToAModuleGrammar() {
    for (String language : new String[] {"typescript", "python", "rust", "go", "zig"}) {
      PipelineBenchmark b = new PipelineBenchmark();
      b.language = language;
      b.size = "small";
      b.setUp();
      Compilation c = b.extractAndCompile();
      assertEquals(language, c.ir().target().language());
      assertTrue(c.ir().grammar() != null && !c.ir().provenance().isEmpty(), language + ": " + c.ir().provenance());
    }
  }
}
