package dev.ananke.braid.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.braid.graph.ConstraintGraph;
import dev.ananke.braid.graph.Edge;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintKind;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.ConstraintSource;
import dev.ananke.core.Priority;
import dev.ananke.core.payload.ErrorHandlingIdiom;
import dev.ananke.core.payload.ErrorIdiom;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 20 benchmark fixtures are real-looking code, so the constraints extracted from them can
 * hold together: no conflict may be found. Braid does not depend on Clew, so the sets are built
 * here by a rough scan of each fixture that gives what Clew gives (HARD signatures and types,
 * SOFT imports and naming conventions, HARD CRITICAL security patterns in Clew's own regex
 * style, a SOFT type bound, idioms, a telemetry bound), plus HARD naming conventions for the
 * categories whose names all follow one style and required literals a user might add.
 */
class FixtureSetsTest {

  record Lang(String dir, String ext, Pattern function, Pattern type, Pattern imports) {}

  static final List<Lang> LANGS = List.of(
      new Lang("typescript", "ts",
          Pattern.compile("(?m)^\\s*(?:export\\s+)?(?:async\\s+)?(?:function\\s+)?([A-Za-z_]\\w*)\\s*(?:<[^>]*>)?\\(([^)]*)\\)\\s*(?::\\s*([^{;=]+))?\\s*\\{"),
          Pattern.compile("\\b(?:interface|class|enum|type)\\s+([A-Z]\\w*)"),
          Pattern.compile("import \\{([^}]*)\\} from \"([^\"]+)\"")),
      new Lang("python", "py",
          Pattern.compile("def (\\w+)\\(([^)]*)\\)(?:\\s*->\\s*([^:]+))?:"),
          Pattern.compile("(?m)^class (\\w+)"),
          Pattern.compile("from (\\S+) import (.+)")),
      new Lang("rust", "rs",
          Pattern.compile("fn (\\w+)(?:<[^>]*>)?\\(([^)]*)\\)(?:\\s*->\\s*([^{;]+))?"),
          Pattern.compile("\\b(?:struct|enum|trait|type)\\s+([A-Z]\\w*)"),
          Pattern.compile("use ([\\w:]+)::\\{?([\\w, ]+)\\}?;")),
      new Lang("go", "go",
          Pattern.compile("func (?:\\([^)]*\\)\\s*)?(\\w+)(?:\\[[^]]*\\])?\\(([^)]*)\\)\\s*([^{]*)\\{"),
          Pattern.compile("(?m)^type (\\w+)"),
          Pattern.compile("(?m)^\\s*\"([\\w/]+)\"()$")),
      new Lang("zig", "zig",
          Pattern.compile("fn (\\w+)\\(([^)]*)\\)\\s*([^{]*)\\{"),
          Pattern.compile("const (\\w+) = (?:struct|enum|union)"),
          Pattern.compile("const (\\w+) = @import\\(\"([^\"]+)\"\\)")));

  static final String[] SIZES = {"small", "medium", "large", "xlarge"};

  static Stream<String> fixtures() {
    return LANGS.stream().flatMap(l -> Arrays.stream(SIZES).map(s -> l.dir() + "/" + s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void extractedSetsHaveNoConflictsAndEveryPairIsChecked(String fixture) throws IOException {
    ConstraintSet set = extract(fixture);
    assertTrue(set.size() > 10, "the scan found too little in " + fixture + ": " + set.size());
    ConflictReport report = Conflicts.check(set);
    assertEquals(List.of(), report.conflicts());
    assertEquals(List.of(), report.unchecked());
    assertEquals(set, Conflicts.resolve(set).kept());

    // Every edge points backwards in the order, but within a cycle.
    ConstraintGraph g = ConstraintGraph.of(set);
    Map<String, Integer> pos = new HashMap<>();
    List<Constraint> order = g.topologicalOrder();
    for (int i = 0; i < order.size(); i++) pos.put(order.get(i).id(), i);
    assertEquals(set.size(), pos.size());
    Map<String, Integer> cycleOf = new HashMap<>();
    for (int k = 0; k < g.cycles().size(); k++) for (String id : g.cycles().get(k)) cycleOf.put(id, k);
    assertTrue(g.edgeCount() > 0);
    for (Edge e : g.edges()) {
      boolean sameCycle = cycleOf.containsKey(e.from()) && cycleOf.get(e.from()).equals(cycleOf.get(e.to()));
      assertTrue(sameCycle || pos.get(e.to()) < pos.get(e.from()), e::toString);
    }
  }

  static ConstraintSet extract(String fixture) throws IOException {
    String dir = fixture.substring(0, fixture.indexOf('/'));
    Lang lang = LANGS.stream().filter(l -> l.dir().equals(dir)).findFirst().orElseThrow();
    String file = "src/user_service." + lang.ext();
    String text = Files.readString(root().resolve("test/fixtures/" + fixture + "/user_service." + lang.ext()));
    List<Constraint> out = new ArrayList<>();
    Map<String, FunctionSignature> functions = new LinkedHashMap<>();
    Matcher m = lang.function().matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (Set.of("if", "for", "while", "switch", "catch", "return", "function").contains(name)) continue;
      List<Parameter> ps = new ArrayList<>();
      int k = 0;
      for (String p : m.group(2).split(",")) {
        if (!p.isBlank()) ps.add(Parameter.of("p" + k++, p.strip()));
      }
      String ret = m.group(3) == null || m.group(3).isBlank() ? null : m.group(3).strip();
      // One signature per name: the scan does not know enclosing types (Clew does).
      functions.putIfAbsent(name, new FunctionSignature(name, ps, ret, false, Visibility.PUBLIC, null, List.of(), m.group().strip()));
    }
    int line = 1;
    for (FunctionSignature f : functions.values()) {
      out.add(Constraint.builder("function." + f.name(), f).hard().priority(Priority.HIGH)
          .source(ConstraintSource.TYPE_SYSTEM).origin(file, line++, 1).build());
    }
    Set<String> types = new LinkedHashSet<>();
    m = lang.type().matcher(text);
    while (m.find()) types.add(m.group(1));
    for (String t : types) {
      out.add(Constraint.builder("type." + t, new TypeDeclaration(t, TypeKind.STRUCT, List.of(), List.of(), List.of(), List.of(),
          null, Visibility.PUBLIC)).hard().priority(Priority.HIGH).origin(file, line++, 1).build());
    }
    m = lang.imports().matcher(text);
    Set<String> modules = new LinkedHashSet<>();
    while (m.find()) {
      boolean moduleFirst = !lang.dir().equals("typescript");
      String module = moduleFirst ? m.group(1) : m.group(2);
      String symbols = moduleFirst ? m.group(2) : m.group(1);
      if (!modules.add(module)) continue;
      List<String> syms = Arrays.stream(symbols.split(",")).map(String::strip).filter(s -> s.matches("\\w+")).distinct().toList();
      out.add(Constraint.builder("import." + module, new ImportSet(module, syms, null, false)).priority(Priority.LOW)
          .origin(file, line++, 1).build());
    }
    naming(out, lang.dir(), IdentifierCategory.FUNCTION, functions.keySet());
    naming(out, lang.dir(), IdentifierCategory.TYPE, types);
    // Clew's security patterns (java.util.regex style, with \b and (?i)), HARD and CRITICAL.
    String[][] smells = {
        {"eval", "\\beval\\s*\\("}, {"exec", "\\bexec\\s*\\("}, {"shell-exec", "\\bexec(Sync)?\\s*\\("},
        {"sql-injection", "(?i)(select|insert|update|delete)\\b[^;\\n]*(\\$\\{|\"\\s*\\+|'\\s*\\+|\\{[a-z_][a-z0-9_]*\\}|\\{\\}|%[sdvq])"},
        {"hardcoded-secret", "(?i)\\bapiKey\\b\\s*[:=]\\s*[\"'][^\"']+[\"']"}};
    for (String[] s : smells) {
      out.add(Constraint.builder("security." + s[0], new ForbiddenPattern(s[1], PatternSyntax.REGEX, "smell " + s[0]))
          .kind(ConstraintKind.SECURITY).hard().priority(Priority.CRITICAL).confidence(0.9).origin(file, line++, 1).build());
    }
    out.add(Constraint.builder("type-safety.no-any", new TypeBound("*", null, List.of("any"), false))
        .origin(file, line++, 1).build());
    out.add(Constraint.builder("error-idiom.throw", new ErrorHandlingIdiom(ErrorIdiom.THROW, 3)).origin(file, line++, 1).build());
    out.add(Constraint.builder("telemetry.getUser.latency_p99", new OperationalBound("latency_p99", null, 200.0, "ms"))
        .kind(ConstraintKind.OPERATIONAL).build());
    // What a user adds: required literals (checked against the forbidden regexes above).
    out.add(Constraint.builder("rule.log", new RequiredPattern("logger.info(", PatternSyntax.LITERAL, "log every call"))
        .hard().origin(file, line++, 1).build());
    out.add(Constraint.builder("rule.evaluate", new RequiredPattern("evaluateRule(expr)", PatternSyntax.LITERAL, "reuse"))
        .hard().origin(file, line, 1).build());
    return ConstraintSet.builder().addAll(out).build();
  }

  /** As Clew: SOFT, the majority style; and HARD when every name follows one style. */
  private static void naming(List<Constraint> out, String language, IdentifierCategory category, Set<String> names) {
    if (names.size() < 3) return;
    NamingStyle best = null;
    int bestCount = -1;
    for (NamingStyle s : NamingStyle.values()) {
      int c = (int) names.stream().filter(s::matches).count();
      if (c > bestCount) {
        best = s;
        bestCount = c;
      }
    }
    String name = "naming." + language + "." + category.name().toLowerCase(java.util.Locale.ROOT);
    Constraint.Builder b = Constraint.builder(name, new NamingConvention(category, best, Math.max(bestCount, 0), names.size()));
    out.add((bestCount == names.size() ? b.hard() : b).build());
  }

  private static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("test/fixtures"))) p = p.getParent();
    if (p == null) throw new IllegalStateException("test/fixtures not found above " + Path.of("").toAbsolutePath());
    return p;
  }
}
