package dev.ananke.bench.clew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.clew.Clew;
import dev.ananke.clew.ExtractionResult;
import dev.ananke.core.ConstraintKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchInputsTest {

  @Test
  void cutsBeforeTheLastDeclarationStartWithinTheLimit() {
    String text = """
        import a

        def f():
            x = 1

            return x

        def g():
            pass
        """;
    assertEquals("import a\n\ndef f():\n    x = 1\n\n    return x\n\n", BenchInputs.cutAtDeclaration(text, 8, false));
    // an indented line after a blank is no boundary, unless it starts a member
    assertEquals("import a\n\n", BenchInputs.cutAtDeclaration(text, 6, false));
    String members = "class A:\n    x = 1\n\n    def f(self):\n        pass\n\n    @property\n    def g(self):\n        return 1\n";
    assertEquals("class A:\n    x = 1\n\n    def f(self):\n        pass\n\n", BenchInputs.cutAtDeclaration(members, 8, true));
    assertThrows(IllegalArgumentException.class, () -> BenchInputs.cutAtDeclaration(members, 8, false));
    assertThrows(IllegalArgumentException.class, () -> BenchInputs.cutAtDeclaration(text, 1, false));
  }

  /** The 100-line inputs are the fixtures' own code, whole declarations only: no syntax error. */
  @ParameterizedTest
  @ValueSource(strings = {"typescript", "python", "rust", "go", "zig", "javascript", "java"})
  void hundredLineInputsAreWholeDeclarationsOfTheSmallInput(String language) {
    BenchInputs.Input small = BenchInputs.load(language, "small");
    BenchInputs.Input hundred = BenchInputs.load(language, BenchInputs.HUNDRED);
    long lines = hundred.text().lines().count();
    assertTrue(lines <= 100 && lines >= 80, language + ": " + lines + " lines");
    assertTrue(small.text().startsWith(hundred.text()), language);
    ExtractionResult r = Clew.builder().cacheSize(0).build().extractSource(hundred.fileName(), hundred.text(), language);
    List<ConstraintKind> kinds = r.constraints().constraints().stream().map(c -> c.kind()).toList();
    assertFalse(kinds.contains(ConstraintKind.SYNTACTIC), language + ": syntax errors in the cut");
    assertTrue(kinds.contains(ConstraintKind.TYPE_SAFETY) || kinds.contains(ConstraintKind.SEMANTIC), language + ": " + kinds);
  }
}
