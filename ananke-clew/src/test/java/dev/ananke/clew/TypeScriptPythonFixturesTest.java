package dev.ananke.clew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.fixtures.Fixture;
import dev.ananke.fixtures.Fixtures;
import dev.ananke.fixtures.FunctionFact;
import dev.ananke.fixtures.ImportFact;
import dev.ananke.fixtures.Language;
import dev.ananke.fixtures.SmellFact;
import dev.ananke.fixtures.TypeFact;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The TypeScript and Python fixtures (generated, 100 to 5,000 lines) parse without an ERROR node
 * and yield the facts the generator put in them. Expectations come from the generator's own
 * model ({@code Fixture.facts()}), never from Clew's output.
 */
class TypeScriptPythonFixturesTest {

  static Stream<Fixture> fixtures() {
    return Fixtures.all().stream().filter(f -> f.language() == Language.TYPESCRIPT || f.language() == Language.PYTHON);
  }

  /** Each fixture is extracted once for all the tests on it. */
  private static final java.util.Map<String, ExtractionResult> RESULTS = new java.util.concurrent.ConcurrentHashMap<>();

  private static ExtractionResult extract(Fixture f) {
    return RESULTS.computeIfAbsent(f.relativePath(), k -> Clew.builder().build().extractSource(k, f.source(), null));
  }

  private static <T> List<T> payloads(ConstraintSet set, Class<T> type) {
    return set.constraints().stream().map(Constraint::payload).filter(type::isInstance).map(type::cast).toList();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void parsesWithoutErrors(Fixture f) {
    assertEquals(List.of(), extract(f).diagnostics(), f.relativePath());
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyFunctionOfTheModel(Fixture f) {
    ConstraintSet set = extract(f).constraints();
    List<String> missing = new ArrayList<>();
    for (FunctionFact fact : f.facts().functions()) {
      FunctionSignature expected = fact.toPayload();
      boolean found = set.constraints().stream().anyMatch(c -> c.payload() instanceof FunctionSignature s
          && withoutText(s).equals(expected) && c.origin() != null && c.origin().line() == fact.line());
      if (!found) missing.add(fact.line() + ": " + expected);
    }
    assertEquals(List.of(), missing, f.relativePath() + ": functions of the model not extracted; extracted: "
        + payloads(set, FunctionSignature.class).stream().map(FunctionSignature::name).toList());
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyTypeOfTheModel(Fixture f) {
    ConstraintSet set = extract(f).constraints();
    List<String> missing = new ArrayList<>();
    for (TypeFact fact : f.facts().types()) {
      TypeDeclaration expected = fact.toPayload();
      boolean found = set.constraints().stream().anyMatch(c -> c.payload() instanceof TypeDeclaration t
          && withoutSupertypes(t).equals(expected) && c.origin() != null && c.origin().line() == fact.line());
      if (!found) missing.add(fact.line() + ": " + expected);
    }
    assertEquals(List.of(), missing, f.relativePath() + ": types not extracted; extracted: "
        + payloads(set, TypeDeclaration.class));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyImportOfTheModel(Fixture f) {
    ConstraintSet set = extract(f).constraints();
    for (ImportFact fact : f.facts().imports()) {
      List<ImportSet> imports = payloads(set, ImportSet.class).stream().filter(i -> i.module().equals(fact.module())).toList();
      assertEquals(1, imports.size(), f.relativePath() + ": import of " + fact.module());
      assertTrue(imports.getFirst().symbols().containsAll(fact.symbols()),
          f.relativePath() + ": " + imports.getFirst() + " lacks some of " + fact.symbols());
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyErrorAndAsyncIdiomCount(Fixture f) {
    ConstraintSet set = extract(f).constraints();
    f.facts().errorIdiomCounts().forEach((idiom, count) ->
        assertEquals(count, Samples.errorIdiomCount(set, idiom), f.relativePath() + ": " + idiom));
    f.facts().asyncIdiomCounts().forEach((style, count) ->
        assertEquals(count, Samples.asyncIdiomCount(set, style), f.relativePath() + ": " + style));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everySecuritySmellAtItsLine(Fixture f) {
    ConstraintSet set = extract(f).constraints();
    List<Integer> lines = set.constraints().stream().filter(c -> c.payload() instanceof ForbiddenPattern)
        .flatMap(c -> Stream.of(c.origin().line())).toList();
    for (SmellFact smell : f.facts().smells()) {
      assertTrue(lines.contains(smell.line()) || set.constraints().stream().anyMatch(c ->
              c.payload() instanceof ForbiddenPattern && c.frequency() > 1),
          f.relativePath() + ": " + smell + " not reported; security constraints at lines " + lines);
    }
  }

  private static FunctionSignature withoutText(FunctionSignature s) {
    return new FunctionSignature(s.name(), s.parameters(), s.returnType(), s.async(), s.visibility(), s.enclosingType(),
        List.of(), null);
  }

  private static TypeDeclaration withoutSupertypes(TypeDeclaration t) {
    return new TypeDeclaration(t.name(), t.kind(), t.fields(), t.typeParameters(), List.of(), t.variants(), t.aliasOf(),
        t.visibility());
  }
}
