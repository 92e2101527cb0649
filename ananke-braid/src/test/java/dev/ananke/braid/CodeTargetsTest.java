package dev.ananke.braid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Origin;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.RequiredPattern;
import dev.ananke.core.payload.Visibility;
import dev.ananke.fixtures.Fixture;
import dev.ananke.fixtures.Fixtures;
import dev.ananke.tokens.earley.CompiledGrammar;
import dev.ananke.tokens.grammar.Grammar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a code target does with each constraint, its errors, and its determinism. */
class CodeTargetsTest {
  private static final Fixture TS = Fixtures.all().getFirst();

  @Test
  void everyConstraintIsEitherEnforcedOrReportedOnce() {
    ConstraintSet set = FixtureFunctions.constraints(TS);
    for (TargetKind kind : List.of(TargetKind.MODULE, TargetKind.NEW_FUNCTION)) {
      Compilation c = Braid.compile(set, new Target("typescript", kind, null, null));
      Set<String> seen = new HashSet<>(c.ir().provenance());
      for (Unenforced u : c.unenforced()) assertTrue(seen.add(u.constraintId()), "reported twice: " + u);
      Set<String> all = new HashSet<>();
      for (Constraint x : set.constraints()) all.add(x.id());
      assertEquals(all, seen, kind.toString());
    }
  }

  @Test
  void compilationIsDeterministic() {
    ConstraintSet set = FixtureFunctions.constraints(TS);
    Target t = new Target("typescript", TargetKind.FUNCTION_BODY, "UserService.registerUser", null);
    assertEquals(Braid.compile(set, t), Braid.compile(set, t));
  }

  @Test
  void unknownAndAmbiguousFunctionsAreErrorsThatNameTheCandidates() {
    ConstraintSet set = FixtureFunctions.constraints(TS);
    BadInputException none = assertThrows(BadInputException.class,
        () -> Braid.compile(set, new Target("typescript", TargetKind.FUNCTION_BODY, "nope", null)));
    assertTrue(none.getMessage().contains("UserService.registerUser"), none.getMessage());
    BadInputException two = assertThrows(BadInputException.class,
        () -> Braid.compile(set, new Target("typescript", TargetKind.FUNCTION_BODY, "constructor", null)));
    assertTrue(two.getMessage().contains("ambiguous") && two.getMessage().contains("ServiceError.constructor"), two.getMessage());
  }

  @Test
  void aRequiredPatternBecomesAContainsRegexThatTheEngineEnforces() {
    Constraint fn = Constraint.builder("f", new FunctionSignature("handle", List.of(Parameter.of("x", "number")), "void",
            false, Visibility.PUBLIC, null, List.of(), "function handle(x: number): void"))
        .origin(new Origin("a.ts", 1, 1)).build();
    Constraint log = Constraint.builder("must-log", new RequiredPattern("logger.info(", PatternSyntax.LITERAL, "audit")).build();
    Compilation c = Braid.compile(ConstraintSet.of(fn, log), new Target("typescript", TargetKind.FUNCTION_BODY, "handle", null));
    assertEquals(1, c.ir().regexes().size());
    var regex = dev.ananke.tokens.Regex.compile(c.ir().regexes().getFirst());
    assertTrue(regex.matches("function handle(x: number): void { logger.info(x); }"));
    assertTrue(!regex.matches("function handle(x: number): void { console.log(x); }"));
    assertTrue(c.ir().provenance().contains(log.id()));
    CompiledGrammar g = CompiledGrammar.compile(Grammar.lark(c.ir().grammar().lark()));
    assertTrue(g.accepts("function handle(x: number): void { logger.info(x); }"));
  }
}
