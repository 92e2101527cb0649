package dev.ananke.clew.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Small helpers over tree-sitter nodes, shared by every extractor. */
public final class Nodes {
  private Nodes() {}

  /** The child in {@code field}, or null. */
  public static @Nullable SyntaxNode field(SyntaxNode node, String field) {
    return node.childByField(field);
  }

  /** The source text of the child in {@code field}, or null when there is none. */
  public static @Nullable String fieldText(SyntaxNode node, String field) {
    SyntaxNode child = field(node, field);
    return child == null ? null : child.getText();
  }

  public static List<SyntaxNode> named(SyntaxNode node) {
    return node.getNamedChildren();
  }

  /** The first named child of the given type, or null. */
  public static @Nullable SyntaxNode childOfType(SyntaxNode node, String type) {
    return node.firstChildOfType(type, true);
  }

  /** Whether a direct child (named or not, e.g. a keyword) has the given type. */
  public static boolean hasChildOfType(SyntaxNode node, String type) {
    return node.firstChildOfType(type, false) != null;
  }

  /** The parent node, or null (O(1): the flat tree stores it). */
  public static @Nullable SyntaxNode parent(SyntaxNode node) {
    return node.parent();
  }

  /** The nearest ancestor of one of the given types, or null (O(depth)). */
  public static @Nullable SyntaxNode ancestor(SyntaxNode node, String... types) {
    for (SyntaxNode p = parent(node); p != null; p = parent(p)) {
      String t = p.getType();
      for (String type : types) {
        if (t.equals(type)) return p;
      }
    }
    return null;
  }

  /** Calls {@code visit} on every named descendant, depth first, in document order. */
  public static void walkNamed(SyntaxNode node, Consumer<SyntaxNode> visit) {
    node.walkNamed(visit);
  }

  /** Named descendants of the given type, in document order. */
  public static List<SyntaxNode> descendantsOfType(SyntaxNode node, String type) {
    List<SyntaxNode> out = new ArrayList<>();
    walkNamed(node, n -> {
      if (n.getType().equals(type)) out.add(n);
    });
    return out;
  }

  /** Text with runs of whitespace collapsed to one space, for signatures spanning lines. */
  public static String squash(String text) {
    String t = text.strip();
    StringBuilder sb = null;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c) && (c != ' ' || (i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1))))) {
        if (sb == null) sb = new StringBuilder(t.length()).append(t, 0, i);
        sb.append(' ');
        while (i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1))) i++;
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? t : sb.toString();
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
