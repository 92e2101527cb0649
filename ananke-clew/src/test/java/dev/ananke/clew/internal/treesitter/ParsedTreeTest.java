package dev.ananke.clew.internal.treesitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ananke.clew.spi.SyntaxNode;
import io.github.treesitter.jtreesitter.Language;
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Tree;
import io.github.treesitter.jtreesitter.TreeCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A closed tree hands its flat array to the thread's next tree: the next tree must not notice. */
class ParsedTreeTest {
  private static final TsLanguage TYPESCRIPT = Grammars.language("typescript");

  private static final String LARGE = """
      import { Db } from "./db";
      export interface User { id: number; name?: string }
      export class Users {
        constructor(private readonly db: Db) {}
        async find(id: number): Promise<User | undefined> { return this.db.get(id); }
        async all(limit = 10): Promise<User[]> { return this.db.list(limit); }
      }
      """;
  private static final String SMALL = "const answer: number = 42;\n";

  /** Every int of every node, as the accessors give them. */
  private static List<String> nodes(ParsedTree tree) {
    FlatTree flat = tree.flat();
    List<String> out = new ArrayList<>();
    for (int n = 0; n < flat.size(); n++) {
      out.add(TYPESCRIPT.symbolName(flat.symbol(n)) + " named=" + flat.isNamed(n) + " field=" + flat.field(n)
          + " parent=" + flat.parent(n) + " next=" + flat.nextSibling(n) + " bytes=" + flat.startByte(n) + "-"
          + flat.endByte(n));
    }
    return out;
  }

  /** The nodes of {@code text} parsed on a new thread, which has no array to reuse. */
  private static List<String> fresh(String text) throws InterruptedException {
    AtomicReference<List<String>> result = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try (ParsedTree tree = ParsedTree.parse(TYPESCRIPT, text)) {
        result.set(nodes(tree));
      }
    });
    t.start();
    t.join();
    return result.get();
  }

  @Test
  void aTreeOnAReusedArrayReadsAsOnAFreshOne() throws InterruptedException {
    List<String> small = fresh(SMALL);
    try (ParsedTree large = ParsedTree.parse(TYPESCRIPT, LARGE)) {
      assertEquals(fresh(LARGE), nodes(large));
    }
    try (ParsedTree reused = ParsedTree.parse(TYPESCRIPT, SMALL)) { // on the large tree's array
      assertEquals(small, nodes(reused));
      assertEquals("program", reused.root().getType());
      assertEquals(SMALL.length(), reused.root().getEndByte());
      assertEquals("42", reused.root().getNamedChild(0).orElseThrow().getNamedChild(0).orElseThrow()
          .getChildByFieldName("value").orElseThrow().getText());
    }
  }

  /**
   * Rows and columns come from byte offsets and line starts, not from the flatten: every node's
   * must be what tree-sitter itself reports (jtreesitter's nodes, in its cursor's preorder), with
   * CRLF line ends, multi-byte characters, a tab and a syntax error in the text.
   */
  @Test
  void pointsAreTreeSittersOwn() {
    // rows are found one way in ASCII text and another in the rest
    pointsAreTreeSittersOwn("const s = \"日本\";\r\n\tlet é = 1 +;\n\n" + LARGE + "/* end é */");
    pointsAreTreeSittersOwn("\n\nconst s = 1;\r\n\tlet e = 1 +;\n" + LARGE + "\n");
  }

  private static void pointsAreTreeSittersOwn(String text) {
    List<String> expected = new ArrayList<>();
    try (Parser parser = new Parser(new Language(TYPESCRIPT.pointer()));
         Tree tree = parser.parse(text).orElseThrow()) {
      TreeCursor cursor = tree.walk();
      do {
        Node n = cursor.getCurrentNode();
        expected.add(n.getType() + " " + n.getStartPoint() + "-" + n.getEndPoint());
        if (cursor.gotoFirstChild()) continue;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) {
            cursor = null;
            break;
          }
        }
      } while (cursor != null);
    }
    List<String> actual = new ArrayList<>();
    try (ParsedTree ours = ParsedTree.parse(TYPESCRIPT, text)) {
      FlatTree flat = ours.flat();
      for (int n = 0; n < flat.size(); n++) {
        SyntaxNode node = new SyntaxNode(ours, n);
        actual.add(node.getType() + " " + node.getStartPoint() + "-" + node.getEndPoint());
      }
    }
    assertEquals(expected, actual);
  }

  /** Points remember the last row looked up; asked in any order, near or far, they are the same. */
  @Test
  void pointsInAnyOrderAreCountedFromTheText() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 300; i++) sb.append("let v").append(i).append(" = ").append("x".repeat(i % 7)).append(";\n");
    String text = sb.toString();
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i <= text.length(); i++) offsets.add(i);
    java.util.Collections.shuffle(offsets, new java.util.Random(7));
    // the shuffled offsets, then each one followed by its neighbours (short moves both ways)
    List<Integer> asked = new ArrayList<>(offsets);
    for (int o : offsets.subList(0, 200)) asked.addAll(List.of(o, Math.max(0, o - 9), Math.min(text.length(), o + 40)));
    try (ParsedTree tree = ParsedTree.parse(TYPESCRIPT, text)) {
      for (int at : asked) {
        int row = (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
        int column = at - (text.lastIndexOf('\n', at - 1) + 1);
        assertEquals(row + ":" + column, tree.point(at).row() + ":" + tree.point(at).column(), "offset " + at);
      }
    }
  }

  @Test
  void aClosedTreeCannotBeRead() {
    ParsedTree tree = ParsedTree.parse(TYPESCRIPT, SMALL);
    var root = tree.root();
    assertEquals("program", root.getType());
    tree.close();
    assertThrows(NullPointerException.class, root::getType);
    try (ParsedTree next = ParsedTree.parse(TYPESCRIPT, LARGE)) {
      assertThrows(NullPointerException.class, root::getType, "not the next tree's node 0");
      assertEquals("program", next.root().getType());
    }
  }
}
