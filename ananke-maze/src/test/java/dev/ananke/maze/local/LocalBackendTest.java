package dev.ananke.maze.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.braid.Braid;
import dev.ananke.braid.Compilation;
import dev.ananke.clew.Clew;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.fixtures.Fixture;
import dev.ananke.fixtures.Fixtures;
import dev.ananke.fixtures.FunctionFact;
import dev.ananke.fixtures.Size;
import dev.ananke.maze.backend.Generation;
import dev.ananke.maze.backend.GenerationRequest;
import dev.ananke.maze.backend.Sampling;
import dev.ananke.maze.validate.Check;
import dev.ananke.maze.validate.Validation;
import dev.ananke.maze.validate.Validator;
import dev.ananke.tokens.KnownTokenizer;
import dev.ananke.tokens.Tokenizer;
import dev.ananke.tokens.TokenizerCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check of the in-process backend: a seeded random model over the real Llama 3.1
 * vocabulary, masked by the grammar Braid compiled for each function of the small and medium fixtures,
 * produces output the grammar accepts, with the signature, no forbidden call and conforming
 * names, for several seeds. Whether the random text parses as the language is reported by the
 * validator, truthfully, and not required.
 */
class LocalBackendTest {
  private static final Tokenizer LLAMA = TokenizerCache.load(KnownTokenizer.LLAMA3_1);
  private static final LocalBackend BACKEND = LocalBackend.random(LLAMA);
  private static final Validator VALIDATOR = new Validator();
  /** Seeds per function. */
  private static final int SEEDS = 3;

  static Stream<Fixture> fixtures() {
    return Fixtures.all().stream().filter(f -> f.size() == Size.SMALL || f.size() == Size.MEDIUM);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void randomOutputMeetsEveryHardConstraintButPerhapsTheLanguageParse(Fixture f) {
    ConstraintSet set = Clew.builder().build().extractSource(f.relativePath(), f.source(), null).constraints();
    List<String> failures = new ArrayList<>();
    int generated = 0;
    for (FunctionFact fact : f.facts().functions()) {
      if (!fact.hasBody()) continue;
      String name = fact.enclosingType() == null ? fact.name() : fact.enclosingType() + "." + fact.name();
      boolean unique = set.constraints().stream().filter(c -> c.payload() instanceof FunctionSignature s
          && s.name().equals(fact.name()) && Objects.equals(s.enclosingType(), fact.enclosingType())).count() == 1;
      if (!unique) continue;
      Compilation compilation = Braid.compile(set, new Target(f.language().directory(), TargetKind.FUNCTION_BODY, name, f.relativePath()));
      for (long seed = 1; seed <= SEEDS; seed++) {
        Generation g = BACKEND.generate(new GenerationRequest("", compilation.ir(),
            new Sampling(112, 1.0, 1.0, List.of(), seed), false, false));
        generated++;
        Validation v = VALIDATOR.validate(g.text(), compilation, set);
        for (Check c : v.checks()) {
          boolean parse = c.name().startsWith("parses as");
          boolean plantedSmell = c.constraintId() != null && !compilation.ir().provenance().contains(c.constraintId())
              && c.name().contains("security");
          if (!c.satisfied() && !parse && !plantedSmell) failures.add(name + " seed " + seed + ": " + c + "\n" + g.text());
        }
        assertEquals("stop", g.finishReason(), name + " seed " + seed + ":\n" + g.text());
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(generated > 0, f.relativePath());
  }
}
