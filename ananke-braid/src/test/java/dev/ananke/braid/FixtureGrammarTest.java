package dev.ananke.braid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Tier;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.fixtures.Fixture;
import dev.ananke.fixtures.Fixtures;
import dev.ananke.fixtures.Language;
import dev.ananke.tokens.earley.CompiledGrammar;
import dev.ananke.tokens.grammar.Grammar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The issue's "no false rejection" check on the 20 fixtures: for every function with a body, the
 * grammar Braid emits for its body target accepts the real body, in Lark and in GBNF, unless the
 * body itself commits a forbidden call the fixture planted (then it must be refused, and accepted
 * once that rule is taken out); and it refuses the body after a forbidden call is inserted or a
 * newly declared name is renamed against the file's convention.
 */
class FixtureGrammarTest {
  /** A user rule added to every set: the call the negative test inserts. */
  private static final Constraint DANGEROUS_CALL = Constraint.builder("test.no-dangerous-call",
          new ForbiddenPattern("\\bdangerousCall\\s*\\(", PatternSyntax.REGEX, "a call the test inserts"))
      .tier(Tier.HARD)
      .build();

  /** Breaks every naming style (and is no capitalised pattern name either). */
  private static final String BAD_NAME = "x_Y";

  static Stream<Fixture> fixtures() {
    return Fixtures.all().stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void realBodiesAreAcceptedAndViolationsRefused(Fixture f) {
    ConstraintSet set = FixtureFunctions.constraints(f).merge(ConstraintSet.of(DANGEROUS_CALL));
    List<String> failures = new ArrayList<>();
    int renamed = 0;
    for (FixtureFunctions.Function fn : FixtureFunctions.of(f)) {
      Target target = new Target(f.language().directory(), TargetKind.FUNCTION_BODY, fn.qualifiedName(), f.relativePath());
      Compilation compilation = Braid.compile(set, target);
      Dialects grammar = Dialects.of(compilation.ir());
      // the body is refused exactly when it commits a forbidden call the grammar enforces
      boolean planted = set.constraints().stream()
          .filter(c -> c.payload() instanceof ForbiddenPattern p && p.syntax() == PatternSyntax.REGEX)
          .filter(c -> compilation.ir().provenance().contains(c.id()))
          .anyMatch(c -> Pattern.compile(((ForbiddenPattern) c.payload()).pattern()).matcher(fn.text()).find());
      if (!planted) {
        grammar.expect(fn + ": real body", fn.text(), true, failures);
      } else {
        grammar.expect(fn + ": real body with a planted forbidden call", fn.text(), false, failures);
        ConstraintSet lenient = new ConstraintSet(set.constraints().stream()
            .filter(c -> !(c.payload() instanceof ForbiddenPattern)).toList());
        Dialects.of(Braid.compile(lenient, target).ir()).expect(fn + ": real body, no forbidden rules", fn.text(), true, failures);
      }
      grammar.expect(fn + ": forbidden call inserted", insertCall(f.language(), fn.text()), false, failures);
      String bad = renameDeclaration(f.language(), fn.text());
      if (bad != null && !planted) {
        renamed++;
        grammar.expect(fn + ": declaration renamed to " + BAD_NAME, bad, false, failures);
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(renamed > 0, f.relativePath() + ": no function declares a local name; the rename check ran on none");
  }

  /** The grammar of an IR in both dialects. */
  private record Dialects(CompiledGrammar lark, CompiledGrammar gbnf) {
    static Dialects of(ConstraintIR ir) {
      return new Dialects(CompiledGrammar.compile(Grammar.lark(ir.grammar().lark())),
          CompiledGrammar.compile(Grammar.gbnf(ir.grammar().gbnf())));
    }

    void expect(String what, String text, boolean accepted, List<String> failures) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (lark.accepts(bytes) != accepted) failures.add(what + " (lark): " + verdict(accepted, text, lark.validPrefixLength(bytes)));
      if (gbnf.accepts(bytes) != accepted) failures.add(what + " (gbnf): " + verdict(accepted, text, gbnf.validPrefixLength(bytes)));
    }

    private static String verdict(boolean expected, String text, int at) {
      if (!expected) return "accepted, should be refused";
      int from = Math.max(0, at - 40);
      int cut = Math.min(at, text.length());
      return "refused at «" + text.substring(from, cut) + "⟂" + text.substring(cut, Math.min(text.length(), cut + 20)) + "»";
    }
  }

  /** The body with a call to dangerousCall as its first statement. */
  static String insertCall(Language language, String text) {
    if (language == Language.PYTHON) {
      int nl = text.indexOf('\n');
      String next = text.substring(nl + 1);
      String indent = next.substring(0, next.length() - next.stripLeading().length());
      return text.substring(0, nl + 1) + indent + "dangerousCall(1)\n" + next;
    }
    int brace = text.indexOf('{', signatureEnd(text));
    String end = language == Language.GO ? "\n" : ";";
    return text.substring(0, brace + 1) + " dangerousCall(1)" + end + text.substring(brace + 1);
  }

  private static int signatureEnd(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') depth++;
      if (c == ')') depth--;
      if (c == '{' && depth == 0) return i;
    }
    return 0;
  }

  private static final Pattern TS_DECL = Pattern.compile("\\b(?:const|let) ([a-z][A-Za-z0-9]*)\\b");
  private static final Pattern RUST_DECL = Pattern.compile("\\blet (?:mut )?([a-z][a-z0-9_]*)\\b");
  private static final Pattern GO_DECL = Pattern.compile("(?m)^\\s*([a-z][A-Za-z0-9]*)(?:, [a-z][A-Za-z0-9]*)? :=");
  private static final Pattern ZIG_DECL = Pattern.compile("\\b(?:const|var) ([a-z][A-Za-z0-9]*) =");
  private static final Pattern PY_DECL = Pattern.compile("(?m)^\\s+([a-z][a-z0-9_]*) = ");

  /** The body with its first newly declared local name renamed at its declaration; null when it declares none. */
  static String renameDeclaration(Language language, String text) {
    Pattern p = switch (language) {
      case TYPESCRIPT -> TS_DECL;
      case RUST -> RUST_DECL;
      case GO -> GO_DECL;
      case ZIG -> ZIG_DECL;
      case PYTHON -> PY_DECL;
    };
    Matcher m = p.matcher(text);
    if (!m.find()) return null;
    return text.substring(0, m.start(1)) + BAD_NAME + text.substring(m.end(1));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void theRenameAndInsertHelpersChangeTheText(Fixture f) {
    for (FixtureFunctions.Function fn : FixtureFunctions.of(f)) {
      assertFalse(insertCall(f.language(), fn.text()).equals(fn.text()), fn.toString());
      String renamed = renameDeclaration(f.language(), fn.text());
      if (renamed != null) assertTrue(renamed.contains(BAD_NAME) && !renamed.equals(fn.text()), fn.toString());
    }
  }
}
