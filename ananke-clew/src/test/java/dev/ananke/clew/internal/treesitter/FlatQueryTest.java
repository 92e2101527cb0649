package dev.ananke.clew.internal.treesitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.clew.spi.Match;
import io.github.treesitter.jtreesitter.Language;
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Query;
import io.github.treesitter.jtreesitter.QueryCapture;
import io.github.treesitter.jtreesitter.QueryCursor;
import io.github.treesitter.jtreesitter.QueryMatch;
import io.github.treesitter.jtreesitter.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The query runner's predicates give what tree-sitter's own query cursor gives. */
class FlatQueryTest {
  private static final TsLanguage TYPESCRIPT = Grammars.language("typescript");

  private static final String SOURCE = """
      eval(code);
      évalué(x);
      run(x);
      exec(y);
      evil(z);
      const x = x + x;
      const y = x + y;
      const s = "é1" + 'plain';
      const t = "abc";
      """;

  /**
   * Each predicate form, with values of several lengths. ASCII only: jtreesitter hands tree-sitter
   * the query's length in chars, not bytes, so a multi-byte character cuts its query short.
   */
  private static final String QUERY = """
      ((call_expression function: (identifier) @_f) @call (#any-of? @_f "eval" "exec" "evaluate"))
      ((call_expression function: (identifier) @_g) @other_call (#not-any-of? @_g "eval" "run"))
      ((identifier) @x (#eq? @x "x"))
      ((identifier) @not_x (#not-eq? @not_x "x"))
      ((binary_expression left: (identifier) @_l right: (identifier) @_r) @twin (#eq? @_l @_r))
      ((binary_expression left: (identifier) @_a right: (identifier) @_b) @pair (#not-eq? @_a @_b))
      ((string) @digit (#match? @digit "[0-9]"))
      ((string) @no_digit (#not-match? @no_digit "[0-9]"))
      """;

  @Test
  void predicatesAgreeWithTreeSitter() {
    List<String> ours = new ArrayList<>();
    try (ParsedTree tree = ParsedTree.parse(TYPESCRIPT, SOURCE)) {
      FlatQuery query = FlatQuery.compile(TYPESCRIPT, QUERY, "test.scm");
      for (Match m : query.run(tree)) ours.add(m.name() + " " + m.node().getText());
    }
    List<String> theirs = new ArrayList<>();
    try (Parser parser = new Parser(new Language(TYPESCRIPT.pointer()));
         Tree tree = parser.parse(SOURCE).orElseThrow();
         Query query = new Query(new Language(TYPESCRIPT.pointer()), QUERY);
         QueryCursor cursor = new QueryCursor(query)) {
      cursor.findMatches(tree.getRootNode()).forEach(m -> theirs.add(main(m)));
    }
    assertEquals(new TreeSet<>(theirs), new TreeSet<>(ours));
    assertEquals(theirs.size(), ours.size(), "no match twice");
    // the expectations the comparison rests on, so that it cannot pass on two empty lists
    assertTrue(ours.containsAll(List.of("call eval(code)", "call exec(y)", "other_call évalué(x)",
        "other_call exec(y)", "other_call evil(z)", "twin x + x", "pair x + y", "digit \"é1\"",
        "no_digit 'plain'", "no_digit \"abc\"")), ours.toString());
    assertEquals(6, ours.stream().filter(s -> s.equals("x x")).count(), ours.toString());
  }

  /** Values are compared by their UTF-8 length first: "évalué" is 6 chars and 8 bytes. */
  @Test
  void multiByteValuesMatchTheirOwnText() {
    try (ParsedTree tree = ParsedTree.parse(TYPESCRIPT, SOURCE)) {
      FlatQuery query = FlatQuery.compile(TYPESCRIPT,
          "((call_expression function: (identifier) @_f) @call (#any-of? @_f \"évalué\" \"évalu\"))\n"
              + "((call_expression function: (identifier) @_g) @other (#not-eq? @_g \"évalué\"))", "test.scm");
      List<String> found = query.run(tree).stream().map(m -> m.name() + " " + m.node().getText()).toList();
      assertEquals(List.of("call évalué(x)", "other eval(code)", "other run(x)", "other exec(y)", "other evil(z)"),
          found.stream().sorted(java.util.Comparator.comparing((String f) -> !f.startsWith("call"))
              .thenComparing(f -> SOURCE.indexOf(f.substring(f.indexOf(' ') + 1)))).toList());
    }
  }

  /**
   * A main capture below its pattern's root is found when the root is, before the nodes inside
   * the root: the run puts such matches in document order, an enclosing node first.
   */
  @Test
  void matchesComeInDocumentOrder() {
    String source = "const f = () => 1;\nlet g = function () { return h(() => 2); };\n";
    String query = "(lexical_declaration (variable_declarator) @variable) @variable.declaration\n"
        + "(arrow_function) @lambda\n(function_expression) @lambda\n(call_expression) @call\n";
    try (ParsedTree tree = ParsedTree.parse(TYPESCRIPT, source)) {
      List<Match> matches = FlatQuery.compile(TYPESCRIPT, query, "test.scm").run(tree);
      assertEquals(List.of("variable f = () => 1", "lambda () => 1", "variable g = function () { return h(() => 2); }",
          "lambda function () { return h(() => 2); }", "call h(() => 2)", "lambda () => 2"),
          matches.stream().map(m -> m.name() + " " + m.node().getText()).toList());
      Match first = matches.getFirst();
      // captures in the order a match completes them: the declarator, then the root
      assertEquals(2, first.captureCount());
      assertEquals("variable", first.captureName(0));
      assertEquals("variable.declaration", first.captureName(1));
      assertEquals("const f = () => 1;", first.capture("variable.declaration").getText());
      assertEquals(first.captureNode(1), first.capture("variable.declaration"));
      assertNull(first.capture("lambda"));
      assertEquals(List.of("variable", "variable.declaration"),
          first.captures().stream().map(Match.Capture::name).toList());
    }
  }

  /** Mistakes in a query fail its compilation with the resource, line and column, instead of matching nothing. */
  @Test
  void queryMistakesFailAtCompilation() {
    assertCompileError("((identifier) @x (#eq? @y \"a\"))", "test.scm:1:19: the predicate names @y");
    assertCompileError("(identifier) @x\n((identifier) @x (#eq? @x @z))", "test.scm:2:19: the predicate names @z");
    assertCompileError("(identifier)", "test.scm:1:1: the pattern captures nothing");
    assertCompileError("((identifier) @x (#match? @x))", "test.scm:1:19: #match? takes a capture and one regex");
    assertCompileError("((identifier) @x (#eq? @x))", "test.scm:1:19: #eq? compares a capture");
    assertCompileError("((identifier) @x (#eq? @x @x \"a\"))", "test.scm:1:19: #eq? compares a capture");
  }

  private static void assertCompileError(String query, String expected) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> FlatQuery.compile(TYPESCRIPT, query, "test.scm"));
    assertTrue(e.getMessage().startsWith("query " + expected), e.getMessage());
  }

  /** The main capture of a native match: the one whose name does not start with '_'. */
  private static String main(QueryMatch m) {
    for (QueryCapture c : m.captures()) {
      if (!c.name().startsWith("_")) {
        Node n = c.node();
        return c.name() + " " + n.getText();
      }
    }
    throw new AssertionError("no main capture in " + m);
  }
}
