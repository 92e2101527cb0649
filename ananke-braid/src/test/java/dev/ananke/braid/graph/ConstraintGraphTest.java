package dev.ananke.braid.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Priority;
import dev.ananke.core.Severity;
import dev.ananke.core.payload.ErrorHandlingIdiom;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.Payload;
import dev.ananke.core.payload.TypeBound;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Edges from payload semantics, the dependencies-first order and its tie-breaks, cycles. */
class ConstraintGraphTest {

  static FunctionSignature sig(String name, @Nullable String returnType, String... paramTypes) {
    List<Parameter> ps = new ArrayList<>();
    for (int i = 0; i < paramTypes.length; i++) ps.add(Parameter.of("p" + i, paramTypes[i]));
    return new FunctionSignature(name, ps, returnType, false, Visibility.PUBLIC, null, List.of(), null);
  }

  static TypeDeclaration type(String name, String... fieldTypes) {
    List<Field> fs = new ArrayList<>();
    for (int i = 0; i < fieldTypes.length; i++) fs.add(new Field("f" + i, fieldTypes[i], false));
    return new TypeDeclaration(name, TypeKind.INTERFACE, fs, List.of(), List.of(), List.of(), null, Visibility.PUBLIC);
  }

  static Constraint c(String name, Payload p, @Nullable String file) {
    Constraint.Builder b = Constraint.builder(name, p);
    if (file != null) b.origin(file, 1, 1);
    return b.build();
  }

  static List<String> names(List<Constraint> cs) {
    return cs.stream().map(Constraint::name).toList();
  }

  @Test
  void importsBeforeTypesBeforeSignatures() {
    ConstraintSet set = ConstraintSet.of(
        Constraint.builder("function.getUser", sig("getUser", "Promise<User | undefined>", "EntityId"))
            .hard().priority(Priority.CRITICAL).origin("src/a.ts", 30, 1).build(),
        Constraint.builder("type.User", type("User", "EntityId", "Role[]", "Db")).hard().priority(Priority.HIGH)
            .origin("src/a.ts", 10, 1).build(),
        Constraint.builder("type.Role", new TypeDeclaration("Role", TypeKind.ENUM, List.of(), List.of(), List.of(),
            List.of("Admin", "Member"), null, Visibility.PUBLIC)).priority(Priority.LOW).severity(Severity.INFO)
            .origin("src/a.ts", 5, 1).build(),
        Constraint.builder("type.EntityId", new TypeDeclaration("EntityId", TypeKind.ALIAS, List.of(), List.of(), List.of(),
            List.of(), "string", Visibility.PUBLIC)).priority(Priority.MEDIUM).origin("src/a.ts", 3, 1).build(),
        Constraint.builder("import.db", new ImportSet("./db", List.of("Db"), null, false)).priority(Priority.LOW)
            .origin("src/a.ts", 1, 1).build());
    ConstraintGraph g = ConstraintGraph.of(set);
    assertEquals(List.of("type.EntityId", "import.db", "type.Role", "type.User", "function.getUser"),
        names(g.topologicalOrder()));
    String user = set.constraints().stream().filter(x -> x.name().equals("type.User")).findFirst().orElseThrow().id();
    List<String> reasons = g.dependenciesOf(user).stream().map(Edge::reason).toList();
    assertEquals(List.of("mentions type EntityId", "mentions type Role", "mentions Db, imported by its file"), reasons);
    assertTrue(g.cycles().isEmpty());
  }

  @Test
  void independentConstraintsAreOrderedByPriorityThenSeverityThenConfidenceThenId() {
    Constraint low = Constraint.builder("low", new ErrorHandlingIdiom(ErrorIdiom.THROW, 1)).priority(Priority.LOW).build();
    Constraint critical = Constraint.builder("critical", new ErrorHandlingIdiom(ErrorIdiom.TRY_CATCH, 1))
        .priority(Priority.CRITICAL).build();
    Constraint error = Constraint.builder("error", new ErrorHandlingIdiom(ErrorIdiom.PANIC, 1)).severity(Severity.ERROR).build();
    Constraint sure = Constraint.builder("sure", new ErrorHandlingIdiom(ErrorIdiom.UNWRAP, 1)).confidence(0.9).build();
    Constraint unsure = Constraint.builder("unsure", new ErrorHandlingIdiom(ErrorIdiom.EXPECT, 1)).confidence(0.5).build();
    Constraint x = Constraint.builder("x", new ErrorHandlingIdiom(ErrorIdiom.ZIG_TRY, 1)).confidence(0.5).build();
    ConstraintGraph g = ConstraintGraph.of(ConstraintSet.of(low, unsure, x, sure, error, critical));
    String firstOfTie = unsure.id().compareTo(x.id()) < 0 ? "unsure" : "x";
    String secondOfTie = firstOfTie.equals("x") ? "unsure" : "x";
    assertEquals(List.of("critical", "error", "sure", firstOfTie, secondOfTie, "low"), names(g.topologicalOrder()));
    assertEquals(0, g.edgeCount());
  }

  @Test
  void cyclesArePlacedTogetherByTieBreakersAfterWhatTheyUse() {
    ConstraintSet set = ConstraintSet.of(
        Constraint.builder("type.A", type("A", "B", "Id")).priority(Priority.LOW).origin("m.rs", 1, 1).build(),
        Constraint.builder("type.B", type("B", "Option<Box<A>>")).priority(Priority.HIGH).origin("m.rs", 2, 1).build(),
        Constraint.builder("type.Id", type("Id", "u64")).priority(Priority.LOW).origin("m.rs", 3, 1).build(),
        Constraint.builder("type.Node", type("Node", "Option<Box<Node>>")).priority(Priority.MEDIUM).origin("m.rs", 4, 1).build(),
        Constraint.builder("function.walk", sig("walk", "Vec<A>", "&Node")).priority(Priority.CRITICAL).origin("m.rs", 5, 1).build());
    ConstraintGraph g = ConstraintGraph.of(set);
    assertEquals(List.of("type.Node", "type.Id", "type.B", "type.A", "function.walk"), names(g.topologicalOrder()));
    List<List<String>> cycles = g.cycles();
    assertEquals(2, cycles.size());
    assertEquals(List.of(id(set, "type.B"), id(set, "type.A")), cycles.get(0));
    assertEquals(List.of(id(set, "type.Node")), cycles.get(1));
    // A self-reference is a cycle, not an edge.
    assertTrue(g.dependenciesOf(id(set, "type.Node")).isEmpty());
  }

  @Test
  void aTypeMentionResolvesToTheSameFileThenTheSameLanguage() {
    ConstraintSet set = ConstraintSet.of(
        c("type.User.ts", type("User", "string"), "web/user.ts"),
        c("type.User.py", type("User", "str"), "api/user.py"),
        c("type.User.local", type("User", "string"), "web/page.ts"),
        c("function.show", sig("show", "void", "User"), "web/page.ts"),
        c("function.load", sig("load", "Promise<User>"), "web/load.ts"),
        c("function.anywhere", sig("anywhere", "User"), null));
    ConstraintGraph g = ConstraintGraph.of(set);
    assertEquals(List.of("type.User.local"), depNames(g, set, "function.show"));
    assertEquals(List.of("type.User.local", "type.User.ts"), depNames(g, set, "function.load").stream().sorted().toList());
    assertEquals(3, depNames(g, set, "function.anywhere").size(), "an origin-less signature may use any of them");
    // Whole words only: UserId does not mention User.
    ConstraintSet words = ConstraintSet.of(c("type.User", type("User"), "a.ts"), c("fn", sig("f", "UserId", "users.User2"), "a.ts"));
    assertEquals(0, ConstraintGraph.of(words).edgeCount());
  }

  @Test
  void idiomsPatternsConventionsAndBoundsApplyToTheFunctionsOfTheirScope() {
    Constraint target = c("function.getUser", sig("getUser", "User"), "src/a.ts");
    Constraint other = c("function.other", sig("other", null), "src/b.ts");
    Constraint user = c("type.User", type("User", "string"), "src/a.ts");
    Constraint idiom = c("error-idiom.try_catch", new ErrorHandlingIdiom(ErrorIdiom.TRY_CATCH, 3), "src/a.ts");
    Constraint elsewhere = c("security.eval", new ForbiddenPattern("eval(", PatternSyntax.LITERAL, "code injection"), "src/b.ts");
    Constraint everywhere = c("security.exec", new ForbiddenPattern("exec(", PatternSyntax.LITERAL, "shell"), null);
    Constraint tsNaming = c("naming.typescript.function", new NamingConvention(IdentifierCategory.FUNCTION, NamingStyle.CAMEL_CASE, 9, 10), null);
    Constraint pyNaming = c("naming.python.function", new NamingConvention(IdentifierCategory.FUNCTION, NamingStyle.SNAKE_CASE, 9, 10), null);
    Constraint typeNaming = c("naming.typescript.type", new NamingConvention(IdentifierCategory.TYPE, NamingStyle.PASCAL_CASE, 9, 10), null);
    Constraint bound = c("type-safety.getUser", new TypeBound("getUser", "User", List.of(), false), null);
    Constraint noAny = c("type-safety.no-any", new TypeBound("*", null, List.of("any"), false), "src/b.ts");
    ConstraintSet set = ConstraintSet.of(target, other, user, idiom, elsewhere, everywhere, tsNaming, pyNaming, typeNaming, bound, noAny);
    ConstraintGraph g = ConstraintGraph.of(set);
    assertEquals(
        Set.of("function.getUser", "type.User", "error-idiom.try_catch", "security.exec", "naming.typescript.function",
            "naming.typescript.type", "type-safety.getUser"),
        Set.copyOf(names(g.requiredBy(List.of(target.id())))));
    assertEquals(Set.of("function.other", "security.eval", "security.exec", "naming.typescript.function", "type-safety.no-any"),
        Set.copyOf(names(g.requiredBy(List.of(other.id())))));
    List<Constraint> order = g.requiredBy(List.of(target.id()));
    assertEquals("function.getUser", order.getLast().name(), "what a function needs comes before it");
    // The closure is ordered on its own, and its order is the full order restricted to it.
    assertEquals(g.topologicalOrder().stream().filter(order::contains).toList(), order);
    Edge e = g.dependenciesOf(target.id()).stream().filter(x -> x.to().equals(idiom.id())).findFirst().orElseThrow();
    assertEquals(Edge.Kind.APPLIES_TO, e.kind());
    assertEquals("applies in src/a.ts", e.reason());
  }

  @Test
  void unknownIdsAreRejectedWithTheId() {
    ConstraintGraph g = ConstraintGraph.of(ConstraintSet.EMPTY);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.dependenciesOf("0123456789abcdef"));
    assertEquals("no constraint with id 0123456789abcdef in this graph", e.getMessage());
    assertTrue(g.topologicalOrder().isEmpty());
    assertTrue(g.requiredBy(List.of()).isEmpty());
  }

  @Test
  void languagesComeFromNamingNamesThenFileExtensions() {
    assertEquals("typescript", Languages.of(c("naming.typescript.function",
        new NamingConvention(IdentifierCategory.FUNCTION, NamingStyle.CAMEL_CASE, 1, 1), null)));
    assertEquals("python", Languages.of(c("naming.custom", new NamingConvention(IdentifierCategory.FUNCTION,
        NamingStyle.SNAKE_CASE, 1, 1), "lib/x.pyi")));
    assertNull(Languages.of(c("naming.cobol.function", new NamingConvention(IdentifierCategory.FUNCTION,
        NamingStyle.SNAKE_CASE, 1, 1), null)));
    assertEquals("zig", Languages.ofFile("src/main.zig"));
    assertEquals("tsx", Languages.ofFile("App.tsx"));
    assertNull(Languages.ofFile("Makefile"));
    assertNull(Languages.ofFile("dir.d/file"));
  }

  static String id(ConstraintSet set, String name) {
    return set.constraints().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().id();
  }

  static List<String> depNames(ConstraintGraph g, ConstraintSet set, String name) {
    return g.dependenciesOf(id(set, name)).stream().map(e -> set.byId(e.to()).orElseThrow().name()).toList();
  }
}
