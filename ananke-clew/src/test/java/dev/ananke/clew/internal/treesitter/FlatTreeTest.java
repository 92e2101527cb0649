package dev.ananke.clew.internal.treesitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.treesitter.jtreesitter.Language;
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Tree;
import io.github.treesitter.jtreesitter.TreeCursor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ananke_flatten} walks tree-sitter's internal subtrees itself, so every int it writes is
 * held to what tree-sitter's own API reports (jtreesitter's cursor, in its preorder): symbol,
 * flags, field, parent, next sibling and bytes of every node, on the samples of every grammar,
 * the committed fixtures, and each of them cut short and scrambled (ERROR and MISSING nodes).
 */
class FlatTreeTest {
  private static final Map<String, String> GRAMMARS = Map.of(".ts", "typescript", ".js", "javascript", ".py", "python",
      ".rs", "rust", ".go", "go", ".zig", "zig", ".java", "java");

  static Stream<Path> sources() throws IOException {
    List<Path> roots = List.of(Path.of("src/test/resources/samples"), Path.of("../test/fixtures"));
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> grammar(p) != null).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() >= 30, "samples and fixtures of every grammar: " + files);
    assertEquals(GRAMMARS.size(), files.stream().map(FlatTreeTest::grammar).distinct().count(), files.toString());
    return files.stream();
  }

  private static String grammar(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : GRAMMARS.get(name.substring(dot));
  }

  @ParameterizedTest
  @MethodSource("sources")
  void everyNodeIsWhatTreeSitterReports(Path file) throws IOException {
    TsLanguage language = Grammars.language(grammar(file));
    String text = Files.readString(file);
    assertSame(language, text);
    // cut in the middle of a line and scrambled: error recovery, ERROR and MISSING nodes
    String broken = text.substring(0, text.length() / 2) + " ){ = ;\n" + text.substring(text.length() / 2 + 7);
    int errors = assertSame(language, broken);
    assertTrue(errors > 0, "the broken text has error nodes");
  }

  /** Asserts the flat tree is the cursor's; returns the number of nodes with an error in them. */
  private static int assertSame(TsLanguage language, String text) {
    List<String> expected = new ArrayList<>();
    try (Parser parser = new Parser(new Language(language.pointer()));
         Tree tree = parser.parse(text).orElseThrow()) {
      TreeCursor cursor = tree.walk();
      Deque<Integer> parents = new ArrayDeque<>();
      List<Integer> parentOf = new ArrayList<>();
      List<Integer> nextOf = new ArrayList<>();
      Deque<Integer> lastChild = new ArrayDeque<>(List.of(-1));
      List<String> rows = new ArrayList<>();
      int index = 0;
      while (true) {
        Node n = cursor.getCurrentNode();
        int parent = parents.isEmpty() ? -1 : parents.peek();
        parentOf.add(parent);
        nextOf.add(-1);
        int previous = lastChild.pop();
        if (previous >= 0) nextOf.set(previous, index);
        lastChild.push(index);
        rows.add(language.symbolName(n.getSymbol()) + " named=" + n.isNamed() + " missing=" + n.isMissing()
            + " extra=" + n.isExtra() + " hasError=" + n.hasError() + " error=" + n.isError()
            + " field=" + cursor.getCurrentFieldId() + " bytes=" + n.getStartByte() + "-" + n.getEndByte());
        if (cursor.gotoFirstChild()) {
          parents.push(index);
          lastChild.push(-1);
          index++;
          continue;
        }
        index++;
        boolean done = false;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) {
            done = true;
            break;
          }
          parents.pop();
          lastChild.pop();
        }
        if (done) break;
      }
      for (int i = 0; i < rows.size(); i++) {
        expected.add(rows.get(i) + " parent=" + parentOf.get(i) + " next=" + nextOf.get(i));
      }
    }
    List<String> actual = new ArrayList<>();
    int errors = 0;
    try (ParsedTree ours = ParsedTree.parse(language, text)) {
      FlatTree flat = ours.flat();
      for (int n = 0; n < flat.size(); n++) {
        if (flat.hasError(n)) errors++;
        actual.add(language.symbolName(flat.symbol(n)) + " named=" + flat.isNamed(n) + " missing=" + flat.isMissing(n)
            + " extra=" + ((flat.flags(n) & 16) != 0) + " hasError=" + flat.hasError(n) + " error=" + flat.isError(n)
            + " field=" + flat.field(n) + " bytes=" + flat.startByte(n) + "-" + flat.endByte(n)
            + " parent=" + flat.parent(n) + " next=" + flat.nextSibling(n));
      }
    }
    assertEquals(expected.size(), actual.size(), "node count of " + text.getBytes(StandardCharsets.UTF_8).length + " bytes");
    for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), actual.get(i), "node " + i);
    return errors;
  }
}
