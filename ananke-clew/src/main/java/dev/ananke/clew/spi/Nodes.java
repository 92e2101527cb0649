package dev.ananke.clew.spi;

import io.github.treesitter.jtreesitter.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Small helpers over tree-sitter nodes, shared by every extractor. */
public final class Nodes {
  private Nodes() {}

  /** The child in {@code field}, or null. */
  public static @Nullable Node field(Node node, String field) {
    return node.getChildByFieldName(field).orElse(null);
  }

  /** The source text of the child in {@code field}, or null when there is none. */
  public static @Nullable String fieldText(Node node, String field) {
    Node child = field(node, field);
    return child == null ? null : child.getText();
  }

  public static List<Node> named(Node node) {
    return node.getNamedChildren();
  }

  /** The first named child of the given type, or null. */
  public static @Nullable Node childOfType(Node node, String type) {
    for (Node c : node.getNamedChildren()) {
      if (c.getType().equals(type)) return c;
    }
    return null;
  }

  /** Whether a direct child (named or not, e.g. a keyword) has the given type. */
  public static boolean hasChildOfType(Node node, String type) {
    int n = node.getChildCount();
    for (int i = 0; i < n; i++) {
      Node c = node.getChild(i).orElse(null);
      if (c != null && c.getType().equals(type)) return true;
    }
    return false;
  }

  public static @Nullable Node parent(Node node) {
    return node.getParent().orElse(null);
  }

  /** The nearest ancestor of one of the given types, or null. */
  public static @Nullable Node ancestor(Node node, String... types) {
    for (Node p = parent(node); p != null; p = parent(p)) {
      String t = p.getType();
      for (String type : types) {
        if (t.equals(type)) return p;
      }
    }
    return null;
  }

  /** Calls {@code visit} on every named descendant, depth first, in document order. */
  public static void walkNamed(Node node, Consumer<Node> visit) {
    for (Node c : node.getNamedChildren()) {
      visit.accept(c);
      walkNamed(c, visit);
    }
  }

  /** Named descendants of the given type, in document order. */
  public static List<Node> descendantsOfType(Node node, String type) {
    List<Node> out = new ArrayList<>();
    walkNamed(node, n -> {
      if (n.getType().equals(type)) out.add(n);
    });
    return out;
  }

  /** Text with runs of whitespace collapsed to one space, for signatures spanning lines. */
  public static String squash(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  /** The text of a string literal without its quotes (as written, escapes kept). */
  public static String unquote(String literal) {
    String s = literal;
    int start = 0;
    while (start < s.length() && start < 3 && Character.isLetter(s.charAt(start))) start++; // r"", f"", b""
    if (start < s.length() && (s.charAt(start) == '"' || s.charAt(start) == '\'')) s = s.substring(start);
    if (s.startsWith("\"\"\"") || s.startsWith("'''")) {
      return s.length() >= 6 ? s.substring(3, s.length() - 3) : s;
    }
    if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'' || s.charAt(0) == '`')) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
