package dev.ananke.clew.internal.treesitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
