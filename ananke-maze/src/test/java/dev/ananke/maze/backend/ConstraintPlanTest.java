package dev.ananke.maze.backend;

import static dev.ananke.maze.backend.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ananke.core.ir.TokenMaskRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstraintPlanTest {
  private static final Set<ConstraintForm> ALL = EnumSet.allOf(ConstraintForm.class);

  @Test
  void jsonSchemaIsPreferredAndTheGrammarBesideItIsReported() {
    var ir = ir(SCHEMA, true, List.of(), TokenMaskRules.NONE);
    var plan = ConstraintPlan.choose("x", ALL, ConstraintForm.LARK, ir, true);
    assertEquals(ConstraintForm.JSON_SCHEMA, plan.form());
    assertEquals(SCHEMA, plan.payload());
    assertEquals(List.of("grammar: x takes one constraint per request and gets the JSON schema"), plan.notEnforced());
  }

  @Test
  void theGrammarIsSentInTheServersDialect() {
    assertEquals(LARK, ConstraintPlan.choose("x", ALL, ConstraintForm.LARK, grammarIr(), false).payload());
    assertEquals(GBNF, ConstraintPlan.choose("x", ALL, ConstraintForm.GBNF, grammarIr(), false).payload());
  }

  @Test
  void severalRegexesCannotBeSentAsOne() {
    var ir = ir(null, false, List.of("b+", "a+"), TokenMaskRules.NONE);
    BackendException e = assertThrows(BackendException.class, () -> ConstraintPlan.choose("x", ALL, null, ir, false));
    assertEquals(
        "x cannot enforce the whole constraint IR: regex b+: x takes one constraint per request and gets a regex. "
            + "Allow degradation to generate without it.",
        e.getMessage());
    var plan = ConstraintPlan.choose("x", ALL, null, ir, true);
    assertEquals(ConstraintForm.REGEX, plan.form());
    assertEquals("a+", plan.payload(), "regexes are sorted: the first is sent");
    assertEquals(List.of(ConstraintForm.REGEX), plan.sent());
  }

  @Test
  void everythingMissingIsListedInOneMessage() {
    var ir = ir(SCHEMA, true, List.of("a+"), new TokenMaskRules(List.of("ok"), List.of()));
    BackendException e = assertThrows(
        BackendException.class, () -> ConstraintPlan.choose("y", EnumSet.noneOf(ConstraintForm.class), null, ir, false));
    assertEquals(
        "y cannot enforce the whole constraint IR: JSON schema: y takes no JSON schema; grammar: y takes no grammar; "
            + "regex a+: y takes no regex; token mask rules (allow 1, deny 0): y takes no token mask rules. "
            + "Allow degradation to generate without them.",
        e.getMessage());
  }

  @Test
  void anUnconstrainedIrSendsNothing() {
    var plan = ConstraintPlan.choose("x", ALL, ConstraintForm.GBNF, unconstrained(), false);
    assertNull(plan.form());
    assertEquals(List.of(), plan.sent());
    assertEquals(List.of(), plan.notEnforced());
  }
}
