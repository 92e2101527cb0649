package dev.ananke.braid;

import dev.ananke.clew.Clew;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.fixtures.Fixture;
import dev.ananke.fixtures.FunctionFact;
import dev.ananke.fixtures.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The functions of a fixture with their real text: the signature as Clew found it, then the body
 * up to its end, found by the fixture's layout (the closing brace at the signature line's
 * indentation, or the first line indented no deeper than a Python {@code def}), not by any grammar.
 */
final class FixtureFunctions {
  private FixtureFunctions() {}

  private static final Map<String, ConstraintSet> SETS = new ConcurrentHashMap<>();

  /** A function with a body, its constraint and its text from the signature to the end of the body. */
  record Function(Fixture fixture, FunctionFact fact, Constraint constraint, String text) {
    String qualifiedName() {
      return fact.enclosingType() == null ? fact.name() : fact.enclosingType() + "." + fact.name();
    }

    @Override
    public String toString() {
      return fixture.relativePath() + ":" + fact.line() + " " + qualifiedName();
    }
  }

  static ConstraintSet constraints(Fixture f) {
    return SETS.computeIfAbsent(f.relativePath(), k -> Clew.builder().build().extractSource(k, f.source(), null).constraints());
  }

  static List<Function> of(Fixture f) {
    ConstraintSet set = constraints(f);
    String[] lines = f.source().split("\n", -1);
    List<Function> out = new ArrayList<>();
    for (FunctionFact fact : f.facts().functions()) {
      if (!fact.hasBody()) continue;
      Constraint c = set.constraints().stream()
          .filter(x -> x.payload() instanceof FunctionSignature s && s.name().equals(fact.name())
              && Objects.equals(s.enclosingType(), fact.enclosingType()) && x.origin() != null)
          .filter(x -> Math.abs(x.origin().line() - fact.line()) <= 1)
          .findFirst()
          .orElseThrow(() -> new AssertionError(f.relativePath() + ": no signature extracted for " + fact));
      out.add(new Function(f, fact, c, text(f.language(), lines, c)));
    }
    return out;
  }

  private static String text(Language language, String[] lines, Constraint c) {
    int first = c.origin().line() - 1;
    String head = lines[first];
    String indent = head.substring(0, head.length() - head.stripLeading().length());
    int last = first + 1;
    if (language == Language.PYTHON) {
      // the body: every following line that is blank or indented deeper than the def
      int end = first + 1;
      while (end < lines.length && (lines[end].isBlank() || indentOf(lines[end]) > indent.length())) end++;
      while (end > first + 1 && lines[end - 1].isBlank()) end--;
      last = end - 1;
    } else {
      while (!lines[last].equals(indent + "}") && !lines[last].startsWith(indent + "}")) last++;
    }
    StringBuilder b = new StringBuilder(head.substring(c.origin().column() - 1));
    for (int i = first + 1; i <= last; i++) b.append('\n').append(lines[i]);
    String text = b.toString();
    if (language != Language.PYTHON) text = text.substring(0, text.lastIndexOf('}') + 1);
    return text + (language == Language.PYTHON ? "\n" : "");
  }

  private static int indentOf(String line) {
    return line.length() - line.stripLeading().length();
  }
}
