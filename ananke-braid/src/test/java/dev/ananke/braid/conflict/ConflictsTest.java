package dev.ananke.braid.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintKind;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Priority;
import dev.ananke.core.Severity;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.OperationalBound;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.RequiredPattern;
import dev.ananke.core.payload.TypeBound;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** One test per conflict kind, each with its resolution report; then resolution and strict mode. */
class ConflictsTest {

  static NamingConvention naming(IdentifierCategory category, NamingStyle style) {
    return new NamingConvention(category, style, 9, 10);
  }

  static FunctionSignature fn(String name, @Nullable String owner, @Nullable String returnType, @Nullable String text,
      Parameter... ps) {
    return new FunctionSignature(name, List.of(ps), returnType, false, Visibility.PUBLIC, owner, List.of(), text);
  }

  static TypeDeclaration type(String name) {
    return new TypeDeclaration(name, TypeKind.STRUCT, List.of(), List.of(), List.of(), List.of(), null, Visibility.PUBLIC);
  }

  static ForbiddenPattern forbid(String pattern, PatternSyntax syntax) {
    return new ForbiddenPattern(pattern, syntax, "not allowed here");
  }

  static RequiredPattern require(String pattern, PatternSyntax syntax) {
    return new RequiredPattern(pattern, syntax, "must be there");
  }

  static OperationalBound bound(@Nullable Double min, @Nullable Double max, String unit) {
    return new OperationalBound("latency_p99", min, max, unit);
  }

  static Constraint.Builder op(String name, OperationalBound b) {
    return Constraint.builder(name, b).kind(ConstraintKind.OPERATIONAL);
  }

  static List<Conflict.Kind> kinds(List<Conflict> cs) {
    return cs.stream().map(Conflict::kind).toList();
  }

  // ---- NAME_BREAKS_CONVENTION ----------------------------------------------------------------

  @Test
  void aRequiredNameThatBreaksAHardConventionOfItsLanguageConflicts() {
    Constraint getUser = Constraint.builder("function.get_user", fn("get_user", null, "User", null))
        .hard().priority(Priority.HIGH).origin("src/users.ts", 3, 1).build();
    Constraint camel = Constraint.builder("naming.typescript.function", naming(IdentifierCategory.FUNCTION, NamingStyle.CAMEL_CASE))
        .hard().priority(Priority.MEDIUM).build();
    // Not in conflict: a Python function (other language), a constructor, a SOFT convention, a conforming type.
    Constraint python = Constraint.builder("function.get_user", fn("get_user", null, null, null)).hard().origin("api/users.py", 1, 1).build();
    Constraint ctor = Constraint.builder("function.User.User", fn("User", "User", null, null)).hard().origin("src/users.ts", 9, 1).build();
    Constraint softSnake = Constraint.builder("naming.typescript.function", naming(IdentifierCategory.FUNCTION, NamingStyle.SNAKE_CASE)).build();
    Constraint pascal = Constraint.builder("naming.typescript.type", naming(IdentifierCategory.TYPE, NamingStyle.PASCAL_CASE))
        .hard().priority(Priority.HIGH).build();
    Constraint user = Constraint.builder("type.User", type("User")).hard().origin("src/users.ts", 1, 1).build();
    Constraint badType = Constraint.builder("type.user_row", type("user_row")).hard().origin("src/rows.ts", 1, 1).build();
    // A required literal that declares a name is checked like a signature.
    Constraint declares = Constraint.builder("must-declare", require("export function fetch_all(", PatternSyntax.LITERAL))
        .hard().origin("src/users.ts", 20, 1).build();
    ConstraintSet set = ConstraintSet.of(getUser, camel, python, ctor, softSnake, pascal, user, badType, declares);

    ConflictReport report = Conflicts.check(set);
    assertTrue(report.unchecked().isEmpty());
    assertEquals(3, report.conflicts().size(), report.conflicts().toString());
    Conflict first = report.conflicts().stream().filter(c -> c.ids().contains(getUser.id())).findFirst().orElseThrow();
    assertEquals(Conflict.Kind.NAME_BREAKS_CONVENTION, first.kind());
    assertEquals(List.of(camel.id(), getUser.id()), first.ids(), "ids in the set's order (origin-less first)");
    assertEquals("function get_user is required by 'function.get_user' at src/users.ts:3:1, but 'naming.typescript.function'"
        + " requires typescript function names in camel case (_*[a-z][a-zA-Z0-9]*)", first.explanation());
    assertTrue(report.conflicts().stream().anyMatch(c -> c.ids().equals(List.of(pascal.id(), badType.id()))));
    assertTrue(report.conflicts().stream().anyMatch(c -> c.ids().equals(List.of(camel.id(), declares.id()))
        && c.explanation().startsWith("function fetch_all is required by 'must-declare'")));

    // The MEDIUM convention loses to the HIGH signature and, once dropped, does not drop the
    // required literal too; the MEDIUM type name loses to the HIGH type convention.
    Resolution r = Conflicts.resolve(set);
    List<String> dropped = r.dropped().stream().map(Dropped::constraintId).sorted().toList();
    assertEquals(List.of(camel.id(), badType.id()).stream().sorted().toList(), dropped);
    Dropped d = r.dropped().stream().filter(x -> x.constraintId().equals(camel.id())).findFirst().orElseThrow();
    assertEquals("naming.typescript.function", d.name());
    assertEquals(getUser.id(), d.keptId());
    assertEquals("priority MEDIUM is below HIGH of 'function.get_user'", d.reason());
    assertTrue(r.kept().byId(declares.id()).isPresent());
    assertTrue(Conflicts.detect(r.kept()).isEmpty());
  }

  @Test
  void aNameOfUnknownLanguageIsUncheckedWhenConventionsDisagree() {
    Constraint getUser = Constraint.builder("function.get_user", fn("get_user", null, null, null)).hard().build();
    Constraint ts = Constraint.builder("naming.typescript.function", naming(IdentifierCategory.FUNCTION, NamingStyle.CAMEL_CASE)).hard().build();
    Constraint py = Constraint.builder("naming.python.function", naming(IdentifierCategory.FUNCTION, NamingStyle.SNAKE_CASE)).hard().build();
    ConflictReport two = Conflicts.check(ConstraintSet.of(getUser, ts, py));
    assertTrue(two.conflicts().isEmpty());
    assertEquals(List.of(new Unchecked(List.of(getUser.id()), "function get_user has no origin, so its language is unknown,"
        + " and HARD function naming conventions differ between python, typescript")), two.unchecked());
    // With one language only, the name is checked against it.
    assertEquals(List.of(Conflict.Kind.NAME_BREAKS_CONVENTION), kinds(Conflicts.detect(ConstraintSet.of(getUser, ts))));
  }

  // ---- REQUIRED_AND_FORBIDDEN ----------------------------------------------------------------

  @Test
  void aRequiredLiteralContainingAForbiddenClewPatternConflictsAndTheSoftOneLoses() {
    // Clew's patterns use \b, which the token engine rejects: java.util.regex decides a literal.
    Constraint eval = Constraint.builder("security.eval", forbid("\\beval\\s*\\(", PatternSyntax.REGEX))
        .hard().priority(Priority.LOW).origin("src/a.ts", 5, 3).build();
    Constraint mustEval = Constraint.builder("rule.eval", require("return eval(source)", PatternSyntax.LITERAL))
        .priority(Priority.CRITICAL).origin("src/a.ts", 1, 1).build();
    Constraint medieval = Constraint.builder("rule.medieval", require("medieval(x)", PatternSyntax.LITERAL))
        .origin("src/a.ts", 2, 1).build();
    Constraint otherFile = Constraint.builder("rule.eval.b", require("eval(x)", PatternSyntax.LITERAL))
        .origin("src/b.ts", 1, 1).build();
    ConstraintSet set = ConstraintSet.of(eval, mustEval, medieval, otherFile);
    ConflictReport report = Conflicts.check(set);
    assertTrue(report.unchecked().isEmpty(), report.unchecked().toString());
    assertEquals(1, report.conflicts().size(), report.conflicts().toString());
    Conflict c = report.conflicts().getFirst();
    assertEquals(Conflict.Kind.REQUIRED_AND_FORBIDDEN, c.kind());
    assertEquals(List.of(mustEval.id(), eval.id()), c.ids());
    assertEquals("every text matching required 'return eval(source)' ('rule.eval' at src/a.ts:1:1) contains forbidden"
        + " /\\beval\\s*\\(/ ('security.eval' at src/a.ts:5:3: not allowed here)", c.explanation());

    Resolution r = Conflicts.resolve(set);
    assertEquals(1, r.dropped().size());
    Dropped d = r.dropped().getFirst();
    assertEquals(mustEval.id(), d.constraintId());
    assertEquals(eval.id(), d.keptId());
    assertEquals("SOFT loses to HARD 'security.eval' whatever the priorities", d.reason());
    assertEquals(c, d.conflict());
    assertEquals(3, r.kept().size());
  }

  @Test
  void requiredRegexesAreDecidedByTheTokenEngineAndUnreadableOnesAreReportedUnchecked() {
    Constraint logCall = Constraint.builder("rule.log", require("logger\\.(info|warn)\\([a-z]*\\)", PatternSyntax.REGEX)).hard().build();
    Constraint noLogger = Constraint.builder("no-logger", forbid("logger.", PatternSyntax.LITERAL)).hard().build();
    Constraint noWarn = Constraint.builder("no-warn", forbid("warn\\(", PatternSyntax.REGEX)).hard().build();
    Constraint noConsole = Constraint.builder("no-console", forbid("console\\.log", PatternSyntax.REGEX)).hard().build();
    Constraint caseless = Constraint.builder("rule.sql", require("(?i)select [a-z]+", PatternSyntax.REGEX)).hard().build();
    ConstraintSet set = ConstraintSet.of(logCall, noLogger, noWarn, noConsole, caseless);
    ConflictReport report = Conflicts.check(set);
    // Every logger.info(..) / logger.warn(..) contains "logger."; not every one contains warn(.
    assertEquals(1, report.conflicts().size(), report.conflicts().toString());
    assertTrue(report.conflicts().getFirst().ids().containsAll(List.of(logCall.id(), noLogger.id())));
    assertEquals(3, report.unchecked().size(), "the (?i) pattern against each forbidden pattern");
    Unchecked u = report.unchecked().stream().filter(x -> x.ids().contains(noConsole.id())).findFirst().orElseThrow();
    assertTrue(u.reason().startsWith("required pattern 'rule.sql' against forbidden pattern 'no-console': required pattern"
        + " /(?i)select [a-z]+/ is not in the token engine's dialect ("), u.reason());
    assertFalse(report.isClean());
  }

  @Test
  void importedSymbolsAndRequiredTypesThatAreForbiddenConflict() {
    Constraint imp = Constraint.builder("import.child_process", new ImportSet("child_process", List.of("exec", "spawn"), null, false))
        .origin("src/run.ts", 1, 1).build();
    Constraint noExec = Constraint.builder("security.exec", forbid("exec", PatternSyntax.LITERAL)).hard().build();
    Constraint noModule = Constraint.builder("security.child_process", forbid("child_process", PatternSyntax.LITERAL))
        .hard().origin("src/other.ts", 1, 1).build();
    Constraint mustAny = Constraint.builder("type.getUser", new TypeBound("getUser", "any", List.of(), false)).build();
    Constraint noAny = Constraint.builder("type-safety.no-any", new TypeBound("*", null, List.of("any", "unknown"), false))
        .priority(Priority.HIGH).build();
    Constraint otherSubject = Constraint.builder("type.save", new TypeBound("save", null, List.of("any"), false)).build();
    ConstraintSet set = ConstraintSet.of(imp, noExec, noModule, mustAny, noAny, otherSubject);
    List<Conflict> cs = Conflicts.detect(set);
    assertEquals(2, cs.size(), cs.toString());
    assertEquals("'import.child_process' at src/run.ts:1:1 imports exec from child_process, which 'security.exec' forbids:"
        + " not allowed here", cs.stream().filter(c -> c.ids().contains(imp.id())).findFirst().orElseThrow().explanation());
    assertEquals("'type.getUser' requires type any for getUser, which 'type-safety.no-any' forbids for all code",
        cs.stream().filter(c -> c.ids().contains(mustAny.id())).findFirst().orElseThrow().explanation());
    Resolution r = Conflicts.resolve(set);
    assertEquals(Set.of(imp.id(), mustAny.id()),
        Set.copyOf(r.dropped().stream().map(Dropped::constraintId).toList()));
  }

  // ---- SIGNATURE_MISMATCH --------------------------------------------------------------------

  @Test
  void twoDifferentRequiredSignaturesForOneFunctionConflict() {
    Constraint byString = Constraint.builder("function.Store.get", fn("get", "Store", "User", null, Parameter.of("id", "string")))
        .hard().confidence(0.9).origin("store.go", 10, 1).build();
    Constraint byInt = Constraint.builder("function.Store.get", fn("get", "Store", "User", null, Parameter.of("id", "int64")))
        .hard().confidence(0.8).origin("store.go", 20, 1).build();
    Constraint spaced = Constraint.builder("function.Store.get", fn("get", "Store", "User", null, Parameter.of("id", " string")))
        .hard().origin("store.go", 30, 1).build();
    Constraint otherOwner = Constraint.builder("function.Cache.get", fn("get", "Cache", "User", null, Parameter.of("id", "int")))
        .hard().origin("store.go", 40, 1).build();
    ConstraintSet set = ConstraintSet.of(byString, byInt, spaced, otherOwner);
    List<Conflict> cs = Conflicts.detect(set);
    assertEquals(2, cs.size(), cs.toString());
    assertEquals(List.of(Conflict.Kind.SIGNATURE_MISMATCH, Conflict.Kind.SIGNATURE_MISMATCH), kinds(cs));
    Conflict c = cs.stream().filter(x -> x.ids().equals(List.of(byString.id(), byInt.id()))).findFirst().orElseThrow();
    assertEquals("two different signatures are required for Store.get: get(id: string): User ('function.Store.get' at"
        + " store.go:10:1) and get(id: int64): User ('function.Store.get' at store.go:20:1); parameters differ", c.explanation());

    Resolution r = Conflicts.resolve(set);
    // byString and spaced (the same signature but for white space) tie on everything but
    // confidence and id; byInt loses to the first of them.
    assertEquals(List.of(byInt.id()), r.dropped().stream().map(Dropped::constraintId).toList());
    assertEquals("confidence 0.8 is below 1.0 of 'function.Store.get'", r.dropped().getFirst().reason());
  }

  @Test
  void overloadsReadFromSourceInALanguageWithOverloadingDoNotConflict() {
    Constraint a = Constraint.builder("function.Repo.find", fn("find", "Repo", "User", "find(id: string): User",
        Parameter.of("id", "string"))).hard().origin("repo.ts", 1, 1).build();
    Constraint b = Constraint.builder("function.Repo.find", fn("find", "Repo", "User[]", "find(q: Query): User[]",
        Parameter.of("q", "Query"))).hard().origin("repo.ts", 2, 1).build();
    assertTrue(Conflicts.detect(ConstraintSet.of(a, b)).isEmpty());
    // A hand-written requirement for the same function is not an overload.
    Constraint wanted = Constraint.builder("wanted", fn("find", "Repo", "User", null, Parameter.of("id", "number"))).hard().build();
    assertEquals(2, Conflicts.detect(ConstraintSet.of(a, b, wanted)).size());
    // Go has no overloading: two read from source still conflict.
    Constraint g1 = Constraint.builder("function.find", fn("find", null, "User", "func find(id string) User",
        Parameter.of("id", "string"))).hard().origin("repo.go", 1, 1).build();
    Constraint g2 = Constraint.builder("function.find", fn("find", null, "error", "func find(id string) error",
        Parameter.of("id", "string"))).hard().origin("repo.go", 2, 1).build();
    List<Conflict> go = Conflicts.detect(ConstraintSet.of(g1, g2));
    assertEquals(1, go.size());
    assertTrue(go.getFirst().explanation().endsWith("; return types differ"), go.getFirst().explanation());
  }

  // ---- EMPTY_BOUNDS --------------------------------------------------------------------------

  @Test
  void boundsOfOneMetricWithAMinimumAboveAMaximumConflict() {
    Constraint atLeast = op("slo.floor", bound(300.0, null, "ms")).origin("svc.ts", 1, 1).build();
    Constraint atMost = op("telemetry.getUser.latency_p99", bound(null, 200.0, "ms")).build();
    Constraint seconds = op("slo.seconds", bound(null, 0.1, "s")).build();
    Constraint wide = op("slo.wide", bound(100.0, 400.0, "ms")).origin("svc.ts", 2, 1).build();
    ConstraintSet set = ConstraintSet.of(atLeast, atMost, seconds, wide);
    List<Conflict> cs = Conflicts.detect(set);
    assertEquals(1, cs.size(), cs.toString());
    Conflict c = cs.getFirst();
    assertEquals(Conflict.Kind.EMPTY_BOUNDS, c.kind());
    assertEquals(List.of(atMost.id(), atLeast.id()), c.ids());
    assertEquals("latency_p99 must be at least 300 ms ('slo.floor' at svc.ts:1:1) and at most 200 ms"
        + " ('telemetry.getUser.latency_p99')", c.explanation());
    Resolution r = Conflicts.resolve(set);
    Dropped d = r.dropped().getFirst();
    String loser = atLeast.id().compareTo(atMost.id()) > 0 ? atLeast.id() : atMost.id();
    assertEquals(loser, d.constraintId());
    assertTrue(d.reason().startsWith("priority, severity and confidence tie with '"), d.reason());
    assertTrue(d.reason().endsWith("': the larger id loses"), d.reason());
  }

  @Test
  void aDroppedConstraintDoesNotDropAnother() {
    // a conflicts with b, b with c, a not with c: b goes, c stays.
    Constraint a = op("a", bound(null, 100.0, "ms")).priority(Priority.HIGH).build();
    Constraint b = op("b", bound(150.0, null, "ms")).priority(Priority.MEDIUM).build();
    Constraint c = op("c", bound(null, 120.0, "ms")).priority(Priority.LOW).build();
    ConstraintSet set = ConstraintSet.of(a, b, c);
    assertEquals(2, Conflicts.detect(set).size());
    Resolution r = Conflicts.resolve(set);
    assertEquals(List.of(b.id()), r.dropped().stream().map(Dropped::constraintId).toList());
    assertEquals(a.id(), r.dropped().getFirst().keptId());
    assertEquals(List.of(a.id(), c.id()).stream().sorted().toList(), r.kept().constraints().stream().map(Constraint::id).sorted().toList());
  }

  // ---- EMPTY_INTERSECTION --------------------------------------------------------------------

  @Test
  void hardConventionsWithNoNameInCommonConflict() {
    Constraint camel = Constraint.builder("naming.typescript.function", naming(IdentifierCategory.FUNCTION, NamingStyle.CAMEL_CASE))
        .hard().priority(Priority.HIGH).build();
    Constraint pascal = Constraint.builder("naming.typescript.function", naming(IdentifierCategory.FUNCTION, NamingStyle.PASCAL_CASE))
        .hard().build();
    Constraint snake = Constraint.builder("naming.typescript.function", naming(IdentifierCategory.FUNCTION, NamingStyle.SNAKE_CASE))
        .hard().priority(Priority.CRITICAL).build();
    Constraint goPascal = Constraint.builder("naming.go.function", naming(IdentifierCategory.FUNCTION, NamingStyle.PASCAL_CASE))
        .hard().build();
    ConstraintSet set = ConstraintSet.of(camel, pascal, snake, goPascal);
    List<Conflict> cs = Conflicts.detect(set);
    // camel/pascal and snake/pascal have no name in common; camel/snake share `user`; go is another language.
    assertEquals(2, cs.size(), cs.toString());
    assertEquals(List.of(Conflict.Kind.EMPTY_INTERSECTION, Conflict.Kind.EMPTY_INTERSECTION), kinds(cs));
    Conflict c = cs.stream().filter(x -> x.ids().contains(camel.id())).findFirst().orElseThrow();
    String expected = "no typescript function name is both camel case (_*[a-z][a-zA-Z0-9]*, 'naming.typescript.function')"
        + " and pascal case (_*[A-Z][a-zA-Z0-9]*, 'naming.typescript.function')";
    String reversed = "no typescript function name is both pascal case (_*[A-Z][a-zA-Z0-9]*, 'naming.typescript.function')"
        + " and camel case (_*[a-z][a-zA-Z0-9]*, 'naming.typescript.function')";
    assertTrue(c.explanation().equals(expected) || c.explanation().equals(reversed), c.explanation());
    Resolution r = Conflicts.resolve(set);
    assertEquals(List.of(pascal.id()), r.dropped().stream().map(Dropped::constraintId).toList());
    assertEquals(snake.id(), r.dropped().getFirst().keptId(), "the strongest kept opponent is named");
  }

  // ---- resolution modes ----------------------------------------------------------------------

  @Test
  void strictModeNamesTheFirstConflictAndCountsTheRest() {
    Constraint floor = op("slo.floor", bound(300.0, null, "ms")).origin("svc.ts", 1, 1).build();
    Constraint ceiling = op("slo.ceiling", bound(null, 200.0, "ms")).origin("svc.ts", 2, 1).build();
    Constraint other = op("slo.other", bound(null, 250.0, "ms")).origin("svc.ts", 3, 1).build();
    BadInputException e = assertThrows(BadInputException.class,
        () -> Conflicts.resolveStrict(ConstraintSet.of(floor, ceiling, other)));
    assertEquals("svc.ts:1:1", e.location());
    assertEquals("conflicting constraints (empty bounds): latency_p99 must be at least 300 ms ('slo.floor' at svc.ts:1:1)"
        + " and at most 200 ms ('slo.ceiling' at svc.ts:2:1) (and 1 more conflict)", e.detail());
    ConstraintSet fine = ConstraintSet.of(floor, op("slo.high", bound(null, 900.0, "ms")).build());
    Resolution r = Conflicts.resolveStrict(fine);
    assertSame(fine, r.kept());
    assertTrue(r.dropped().isEmpty());
    assertSame(fine, Conflicts.resolve(fine).kept(), "nothing to drop: the set itself");
  }

  @Test
  void hardWinsOverSoftWhateverThePriority() {
    Constraint soft = Constraint.builder("naming.rust.type", naming(IdentifierCategory.TYPE, NamingStyle.SNAKE_CASE))
        .priority(Priority.CRITICAL).severity(Severity.ERROR).build();
    Constraint hard = Constraint.builder("x", naming(IdentifierCategory.TYPE, NamingStyle.PASCAL_CASE)).hard().priority(Priority.LOW).build();
    assertTrue(Conflicts.stronger(hard, soft) < 0);
    assertEquals("SOFT loses to HARD 'x' whatever the priorities", Conflicts.why(hard, soft));
  }
}
