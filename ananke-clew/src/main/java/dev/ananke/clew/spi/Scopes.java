package dev.ananke.clew.spi;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * The declarations (classes, functions) enclosing the node being visited, tracked from byte
 * ranges while matches are visited in document order, with their qualified names: simpler than
 * walking up the parents and rebuilding the names at every node.
 */
public final class Scopes {

  /** What kind of scope a declaration opens. */
  public enum Kind {
    TYPE,
    FUNCTION
  }

  /** One open scope: a byte range, its kind and its (qualified) name. */
  public record Scope(int start, int end, Kind kind, String name) {}

  private final Deque<Scope> open = new ArrayDeque<>();

  /**
   * The innermost scope containing {@code node}, or null at top level. Scopes that ended before
   * the node are closed, so nodes must come in document order.
   */
  public @Nullable Scope enclosing(SyntaxNode node) {
    int start = node.getStartByte();
    while (!open.isEmpty() && open.peek().end() <= start) open.pop();
    for (Scope s : open) { // innermost first
      if (s.start() <= start && start < s.end()) return s;
    }
    return null;
  }

  /** The innermost enclosing TYPE scope, or null. */
  public @Nullable Scope enclosingType(SyntaxNode node) {
    enclosing(node);
    int start = node.getStartByte();
    for (Scope s : open) {
      if (s.kind() == Kind.TYPE && s.start() <= start && start < s.end()) return s;
    }
    return null;
  }

  /** Opens the scope of a declaration; call after {@link #enclosing} for the same node. */
  public void push(SyntaxNode node, Kind kind, String name) {
    open.push(new Scope(node.getStartByte(), node.getEndByte(), kind, name));
  }

  /** Whether the node is at top level (in no class or function). */
  public boolean topLevel(SyntaxNode node) {
    return enclosing(node) == null;
  }
}
