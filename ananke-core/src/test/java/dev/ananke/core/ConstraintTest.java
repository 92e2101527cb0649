package dev.ananke.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.payload.AsyncIdiom;
import dev.ananke.core.payload.AsyncStyle;
import dev.ananke.core.payload.ErrorHandlingIdiom;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.OperationalBound;
import dev.ananke.core.payload.ParseError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintTest {

  static final AsyncIdiom GOROUTINES = new AsyncIdiom(AsyncStyle.GOROUTINE, 3);

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void confidenceMustBeInTheUnitInterval() {
    assertEquals(
        "confidence must be in [0, 1], was 1.01",
        message(() -> Constraint.builder("x", GOROUTINES).confidence(1.01).build()));
    assertEquals(
        "confidence must be in [0, 1], was NaN",
        message(() -> Constraint.builder("x", GOROUTINES).confidence(Double.NaN).build()));
  }

  @Test
  void nameMustNotBeEmpty() {
    assertEquals("constraint name must not be empty", message(() -> Constraint.builder(" ", GOROUTINES).build()));
  }

  @Test
  void hardConstraintsAreErrors() {
    assertEquals(
        "constraint 'x' is HARD, so its severity must be ERROR, not WARNING",
        message(() -> Constraint.builder("x", GOROUTINES).hard().severity(Severity.WARNING).build()));
    assertEquals(Severity.ERROR, Constraint.builder("x", GOROUTINES).hard().build().severity());
  }

  @Test
  void operationalKindAndBoundGoTogetherAndStaySoft() {
    OperationalBound p99 = new OperationalBound("latency_p99", null, 200.0, "ms");
    assertEquals(ConstraintKind.OPERATIONAL, Constraint.builder("p99", p99).build().kind());
    assertEquals(
        "constraint 'p99' is OPERATIONAL and cannot be HARD: no token mask enforces a runtime bound",
        message(() -> Constraint.builder("p99", p99).hard().build()));
    assertEquals(
        "constraint 'p99' has an operational bound, so its kind must be OPERATIONAL, not SEMANTIC",
        message(() -> Constraint.builder("p99", p99).kind(ConstraintKind.SEMANTIC).build()));
    assertEquals(
        "constraint 'go' is OPERATIONAL but its payload is not an operational bound",
        message(() -> Constraint.builder("go", GOROUTINES).kind(ConstraintKind.OPERATIONAL).build()));
  }

  @Test
  void parseErrorsAreSyntactic() {
    assertEquals(
        "constraint 'e' records a parse error, so its kind must be SYNTACTIC, not SECURITY",
        message(
            () -> Constraint.builder("e", new ParseError(3, 4, "unexpected '}'")).kind(ConstraintKind.SECURITY).build()));
  }

  @Test
  void payloadsValidateTheirOwnFields() {
    assertEquals(
        "min 5.0 of latency is above its max 1.0",
        message(() -> new OperationalBound("latency", 5.0, 1.0, "ms")));
    assertEquals(
        "conforming names must be in [0, total=3], was 4",
        message(() -> new NamingConvention(IdentifierCategory.FUNCTION, NamingStyle.CAMEL_CASE, 4, 3)));
    assertEquals("occurrences must be >= 1, was 0", message(() -> new ErrorHandlingIdiom(ErrorIdiom.UNWRAP, 0)));
  }

  @Test
  void idCoversKindNameScopeAndPayloadButNotOriginLineOrTier() {
    Constraint base = Constraint.builder("go", GOROUTINES).origin("a.go", 1, 1).build();
    assertEquals(base.id(), base.toBuilder().origin("a.go", 99, 7).build().id());
    assertEquals(base.id(), base.toBuilder().hard().priority(Priority.CRITICAL).build().id());
    assertNotEquals(base.id(), base.toBuilder().origin("b.go", 1, 1).build().id());
    assertNotEquals(base.id(), Constraint.builder("go2", GOROUTINES).origin("a.go", 1, 1).build().id());
    assertNotEquals(
        base.id(), Constraint.builder("go", new AsyncIdiom(AsyncStyle.GOROUTINE, 4)).origin("a.go", 1, 1).build().id());
    assertEquals(16, base.id().length());
  }

  @Test
  void setRejectsDuplicateIdsAndBuilderMergesThem() {
    Constraint first = Constraint.builder("go", GOROUTINES).origin("a.go", 10, 1).confidence(0.5).build();
    Constraint again = Constraint.builder("go", GOROUTINES).origin("a.go", 3, 1).confidence(0.8).frequency(2).build();
    assertEquals(
        "duplicate constraint id " + first.id() + " ('go' at a.go:3:1 and at a.go:10:1)",
        message(() -> ConstraintSet.of(first, again)));
    ConstraintSet merged = ConstraintSet.builder().add(first).add(again).build();
    assertEquals(1, merged.size());
    Constraint m = merged.constraints().getFirst();
    assertEquals(3, m.frequency());
    assertEquals(0.8, m.confidence());
    assertEquals(new Origin("a.go", 3, 1), m.origin());

    Constraint third = first.toBuilder().origin("a.go", 7, 1).confidence(0.6).frequency(4).build();
    for (List<Constraint> order : List.of(List.of(first, again, third), List.of(third, first, again),
        List.of(again, third, first))) {
      Constraint all = ConstraintSet.builder().addAll(order).build().constraints().getFirst();
      assertEquals(7, all.frequency(), order.toString());
      assertEquals(0.8, all.confidence());
      assertEquals(new Origin("a.go", 3, 1), all.origin());
    }
  }

  /** Ids are 64-bit hashes, so the builder merges two constraints only when their content agrees too. */
  @Test
  void builderMergesOnlyEqualContent() {
    Constraint first = Constraint.builder("go", GOROUTINES).origin("a.go", 10, 1).build();
    assertTrue(ConstraintSet.Builder.sameContent(first, first.toBuilder().origin("a.go", 3, 1).hard().build()));
    assertFalse(ConstraintSet.Builder.sameContent(first, first.toBuilder().origin("b.go", 10, 1).build()));
    assertFalse(ConstraintSet.Builder.sameContent(first, Constraint.builder("go2", GOROUTINES).origin("a.go", 10, 1).build()));
    assertFalse(ConstraintSet.Builder.sameContent(first,
        Constraint.builder("go", new AsyncIdiom(AsyncStyle.GOROUTINE, 4)).origin("a.go", 10, 1).build()));
    assertFalse(ConstraintSet.Builder.sameContent(first,
        Constraint.builder("go", GOROUTINES).kind(ConstraintKind.ARCHITECTURAL).origin("a.go", 10, 1).build()));
  }

  @Test
  void originsUseForwardSlashesAndPrintLikeCompilers() {
    Origin o = new Origin("src\\main.rs", 4, 2);
    assertEquals("src/main.rs:4:2", o.toString());
    assertEquals("origin line must be >= 1, was 0", message(() -> new Origin("a", 0, 1)));
  }

  @Test
  void canonicalOrderPutsOriginlessFirstThenFileLineColumn() {
    Constraint none = Constraint.builder("n", GOROUTINES).build();
    Constraint b5 = Constraint.builder("b", GOROUTINES).origin("b.go", 5, 1).build();
    Constraint a9 = Constraint.builder("a", GOROUTINES).origin("a.go", 9, 1).build();
    assertEquals(List.of(none, a9, b5), ConstraintSet.of(b5, a9, none).constraints());
  }
}
