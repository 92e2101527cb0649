package dev.ananke.braid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.ConstraintSet;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.fixtures.Fixture;
import dev.ananke.fixtures.Fixtures;
import dev.ananke.fixtures.FunctionFact;
import dev.ananke.fixtures.Language;
import dev.ananke.fixtures.Size;
import dev.ananke.tokens.Regex;
import dev.ananke.tokens.earley.CompiledGrammar;
import dev.ananke.tokens.grammar.Grammar;
import dev.ananke.tokens.jsonschema.JsonSchemaCompiler;
import dev.ananke.tokens.jsonschema.JsonSchemaOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything Braid emits for the 20 fixtures goes through the token engine's compilers: the
 * grammars of every target kind (both dialects), the JSON Schema of every declared type, every
 * regex. The module grammar accepts the whole fixture (its planted forbidden calls aside) and the
 * new-function grammar accepts every top-level function of it.
 */
class EmittedArtifactsTest {

  static Stream<Fixture> fixtures() {
    return Fixtures.all().stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyArtifactCompiles(Fixture f) {
    ConstraintSet set = FixtureFunctions.constraints(f);
    String language = f.language().directory();
    List<ConstraintIR> irs = new ArrayList<>();
    irs.add(Braid.compile(set, new Target(language, TargetKind.MODULE, null, null)).ir());
    irs.add(Braid.compile(set, new Target(language, TargetKind.NEW_FUNCTION, null, null)).ir());
    for (var c : set.constraints()) {
      if (c.payload() instanceof TypeDeclaration t) {
        try {
          irs.add(Braid.compile(set, new Target(language, TargetKind.TYPE_VALUE, t.name(), null)).ir());
        } catch (BadInputException e) {
          // a type with no JSON values (a trait, a service holding a repository) is refused, by name
          assertTrue(e.getMessage().contains(t.name()) || e.getMessage().contains("cannot compile"), e.getMessage());
        }
      }
    }
    int schemas = 0;
    for (ConstraintIR ir : irs) {
      if (ir.grammar() != null) {
        assertNotNull(CompiledGrammar.compile(Grammar.lark(ir.grammar().lark())));
        assertNotNull(CompiledGrammar.compile(Grammar.gbnf(ir.grammar().gbnf())));
      }
      if (ir.jsonSchema() != null) {
        assertNotNull(CompiledGrammar.compile(JsonSchemaCompiler.compile(ir.jsonSchema().text(), JsonSchemaOptions.DEFAULT)));
        schemas++;
      }
      for (String regex : ir.regexes()) assertFalse(Regex.compile(regex).isEmpty(), regex);
    }
    assertTrue(schemas > 0, f.relativePath() + ": no type compiled to a schema");
  }

  static Stream<Fixture> smallFixtures() {
    return Fixtures.all().stream().filter(f -> f.size() == Size.SMALL || f.size() == Size.MEDIUM);
  }

  @ParameterizedTest
  @MethodSource("smallFixtures")
  void theModuleGrammarAcceptsTheWholeFileOnceItsPlantedCallsAreAllowed(Fixture f) {
    ConstraintSet lenient = new ConstraintSet(FixtureFunctions.constraints(f).constraints().stream()
        .filter(c -> !(c.payload() instanceof ForbiddenPattern)).toList());
    ConstraintIR ir = Braid.compile(lenient, new Target(f.language().directory(), TargetKind.MODULE, null, null)).ir();
    String source = f.source();
    CompiledGrammar lark = CompiledGrammar.compile(Grammar.lark(ir.grammar().lark()));
    assertEquals(source.length(), lark.validPrefixLength(source.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "valid prefix");
    assertTrue(lark.accepts(source), f.relativePath());
    // the strict module grammar refuses the file: every fixture plants a forbidden call the grammar excludes
    ConstraintIR strict = Braid.compile(FixtureFunctions.constraints(f),
        new Target(f.language().directory(), TargetKind.MODULE, null, null)).ir();
    boolean excludesSomething = !strict.tokenMaskRules().deny().isEmpty();
    if (excludesSomething) {
      assertFalse(CompiledGrammar.compile(Grammar.lark(strict.grammar().lark())).accepts(source), f.relativePath());
    }
  }

  @ParameterizedTest
  @MethodSource("smallFixtures")
  void theNewFunctionGrammarAcceptsEveryTopLevelFunction(Fixture f) {
    ConstraintSet lenient = new ConstraintSet(FixtureFunctions.constraints(f).constraints().stream()
        .filter(c -> !(c.payload() instanceof ForbiddenPattern)).toList());
    ConstraintIR ir = Braid.compile(lenient, new Target(f.language().directory(), TargetKind.NEW_FUNCTION, null, null)).ir();
    CompiledGrammar lark = CompiledGrammar.compile(Grammar.lark(ir.grammar().lark()));
    CompiledGrammar gbnf = CompiledGrammar.compile(Grammar.gbnf(ir.grammar().gbnf()));
    List<String> refused = new ArrayList<>();
    int checked = 0;
    for (FixtureFunctions.Function fn : FixtureFunctions.of(f)) {
      FunctionFact fact = fn.fact();
      boolean topLevel = f.language() == Language.GO || fact.enclosingType() == null;
      if (!topLevel) continue;
      String text = wholeDeclaration(f, fn);
      checked++;
      if (!lark.accepts(text)) refused.add(fn + " (lark)");
      if (!gbnf.accepts(text)) refused.add(fn + " (gbnf)");
    }
    assertEquals(List.of(), refused);
    assertTrue(checked > 0, f.relativePath());
  }

  /** From the start of the signature's line (export, pub, async included) to the end of the body. */
  private static String wholeDeclaration(Fixture f, FixtureFunctions.Function fn) {
    String[] lines = f.source().split("\n", -1);
    String head = lines[fn.constraint().origin().line() - 1];
    String prefix = head.substring(0, fn.constraint().origin().column() - 1).stripLeading();
    return prefix + fn.text();
  }
}
