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
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check of the in-process backend: a seeded random model over the real Llama 3.1
 * vocabulary, masked by the grammar Braid compiled for each function of every fixture (all
 * sizes, about 2,700 functions), produces output the grammar accepts, with the signature, no
 * forbidden call and conforming names. Whether the random text parses as the language is
 * reported by the validator, truthfully, and not required.
 *
 * <p>Seeds per function: three for the small and medium fixtures, two for the large ones, one for
 * the extra-large ones, whose 2,000 functions come from the same templates as the others; that
 * keeps the class to about ten minutes on a loaded 2-core machine (docs/maze.md has the figures;
 * a second seed for the extra-large fixtures would add about five). The functions of a fixture
 * are generated in parallel (the backend, Braid and the validator are thread-safe), which is also
 * a check that they are.
 */
class LocalBackendTest {
  private static final Tokenizer LLAMA = TokenizerCache.load(KnownTokenizer.LLAMA3_1);
  private static final LocalBackend BACKEND = LocalBackend.random(LLAMA);
  private static final Validator VALIDATOR = new Validator();

  static Stream<Fixture> fixtures() {
    return Fixtures.all().stream();
  }

  private static int seeds(Size size) {
    return switch (size) {
      case SMALL, MEDIUM -> 3;
      case LARGE -> 2;
      case XLARGE -> 1;
    };
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void randomOutputMeetsEveryHardConstraintButPerhapsTheLanguageParse(Fixture f) {
    ConstraintSet set = Clew.builder().build().extractSource(f.relativePath(), f.source(), null).constraints();
    List<FunctionFact> functions = new ArrayList<>();
    for (FunctionFact fact : f.facts().functions()) if (fact.hasBody()) functions.add(fact);
    Collection<String> failures = new ConcurrentLinkedQueue<>();
    long generated = functions.parallelStream().mapToLong(fact -> check(f, set, fact, failures)).sum();
    assertEquals(List.of(), List.copyOf(failures));
    assertEquals((long) functions.size() * seeds(f.size()), generated, f.relativePath());
    assertTrue(generated > 0, f.relativePath());
  }

  /** Generates for one function with every seed; what fails goes to {@code failures}. */
  private static long check(Fixture f, ConstraintSet set, FunctionFact fact, Collection<String> failures) {
    String name = fact.enclosingType() == null ? fact.name() : fact.enclosingType() + "." + fact.name();
    long signatures = set.constraints().stream().filter(c -> c.payload() instanceof FunctionSignature s
        && s.name().equals(fact.name()) && Objects.equals(s.enclosingType(), fact.enclosingType())).count();
    if (signatures != 1) {
      // a target name that is not unique could not be compiled for this one function
      failures.add(name + ": " + signatures + " signatures extracted, expected one");
      return 0;
    }
    Compilation compilation = Braid.compile(set, new Target(f.language().directory(), TargetKind.FUNCTION_BODY, name, f.relativePath()));
    long generated = 0;
    for (long seed = 1; seed <= seeds(f.size()); seed++) {
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
      if (!"stop".equals(g.finishReason())) failures.add(name + " seed " + seed + ": finish reason " + g.finishReason() + "\n" + g.text());
    }
    return generated;
  }
}
