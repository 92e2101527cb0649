package dev.ananke.clew.spi;

import dev.ananke.clew.internal.treesitter.FlatTree;
import dev.ananke.clew.internal.treesitter.ParsedTree;
import dev.ananke.clew.internal.treesitter.TsLanguage;
import io.github.treesitter.jtreesitter.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node of a parsed tree. Its methods are named as jtreesitter's {@code Node} ones, and read
 * the tree's flat array ({@code FlatTree}): no native call, O(1) parent, cheap to create.
 * Positions are 0-based, columns in UTF-8 bytes. Immutable.
 */
public final class SyntaxNode {
  private final ParsedTree tree;
  private final FlatTree flat;
  private final int index;

  /** Made by the parsing layer. */
  public SyntaxNode(ParsedTree tree, int index) {
    this.tree = tree;
    this.flat = tree.flat();
    this.index = index;
  }

  private Optional<SyntaxNode> at(int i) {
    return i < 0 ? Optional.empty() : Optional.of(new SyntaxNode(tree, i));
  }

  /** The node type, e.g. {@code function_declaration}, or the token text for anonymous nodes. */
  public String getType() {
    return tree.language().symbolName(flat.symbol(index));
  }

  public short getSymbol() {
    return flat.symbol(index);
  }

  public int getStartByte() {
    return flat.startByte(index);
  }

  public int getEndByte() {
    return flat.endByte(index);
  }

  public Point getStartPoint() {
    return tree.point(flat.startByte(index));
  }

  public Point getEndPoint() {
    return tree.point(flat.endByte(index));
  }

  /** The source text of the node. */
  public String getText() {
    return tree.text(getStartByte(), getEndByte());
  }

  public int getChildCount() {
    int n = 0;
    for (int c = flat.firstChild(index); c >= 0; c = flat.nextSibling(c)) n++;
    return n;
  }

  public int getNamedChildCount() {
    int n = 0;
    for (int c = flat.firstChild(index); c >= 0; c = flat.nextSibling(c)) {
      if (flat.isNamed(c)) n++;
    }
    return n;
  }

  public Optional<SyntaxNode> getChild(int i) {
    int k = 0;
    for (int c = flat.firstChild(index); c >= 0; c = flat.nextSibling(c)) {
      if (k++ == i) return at(c);
    }
    return Optional.empty();
  }

  public Optional<SyntaxNode> getNamedChild(int i) {
    int k = 0;
    for (int c = flat.firstChild(index); c >= 0; c = flat.nextSibling(c)) {
      if (flat.isNamed(c) && k++ == i) return at(c);
    }
    return Optional.empty();
  }

  public List<SyntaxNode> getChildren() {
    List<SyntaxNode> out = new ArrayList<>();
    for (int c = flat.firstChild(index); c >= 0; c = flat.nextSibling(c)) out.add(new SyntaxNode(tree, c));
    return out;
  }

  public List<SyntaxNode> getNamedChildren() {
    List<SyntaxNode> out = new ArrayList<>();
    for (int c = flat.firstChild(index); c >= 0; c = flat.nextSibling(c)) {
      if (flat.isNamed(c)) out.add(new SyntaxNode(tree, c));
    }
    return out;
  }

  /**
   * The first child of the given type (named only, or any), or null: the loop of
   * {@link #getChildren} and {@link #getType}, without the list and the optionals.
   */
  @org.jspecify.annotations.Nullable SyntaxNode firstChildOfType(String type, boolean namedOnly) {
    TsLanguage language = tree.language();
    for (int c = flat.firstChild(index); c >= 0; c = flat.nextSibling(c)) {
      if ((!namedOnly || flat.isNamed(c)) && language.symbolName(flat.symbol(c)).equals(type)) return new SyntaxNode(tree, c);
    }
    return null;
  }

  /** Named descendants reached through named children, depth first, in document order. */
  void walkNamed(java.util.function.Consumer<SyntaxNode> visit) {
    for (int c = flat.firstChild(index); c >= 0; c = flat.nextSibling(c)) {
      if (!flat.isNamed(c)) continue;
      SyntaxNode child = new SyntaxNode(tree, c);
      visit.accept(child);
      child.walkNamed(visit);
    }
  }

  public Optional<SyntaxNode> getChildByFieldName(String field) {
    return Optional.ofNullable(childByField(field));
  }

  /** {@link #getChildByFieldName} without the optional, for {@link Nodes#field}. */
  @org.jspecify.annotations.Nullable SyntaxNode childByField(String field) {
    short id = tree.language().fieldId(field);
    if (id == 0) return null;
    for (int c = flat.firstChild(index); c >= 0; c = flat.nextSibling(c)) {
      if (flat.field(c) == id) return new SyntaxNode(tree, c);
    }
    return null;
  }

  /** Every child in {@code field} (a field may hold several, e.g. Python's import names). */
  public List<SyntaxNode> getChildrenByFieldName(String field) {
    short id = tree.language().fieldId(field);
    if (id == 0) return List.of();
    List<SyntaxNode> out = new ArrayList<>();
    for (int c = flat.firstChild(index); c >= 0; c = flat.nextSibling(c)) {
      if (flat.field(c) == id) out.add(new SyntaxNode(tree, c));
    }
    return out;
  }

  public Optional<SyntaxNode> getParent() {
    return Optional.ofNullable(parent());
  }

  /** {@link #getParent} without the optional, for {@link Nodes#parent}. */
  @org.jspecify.annotations.Nullable SyntaxNode parent() {
    int p = flat.parent(index);
    return p < 0 ? null : new SyntaxNode(tree, p);
  }

  public boolean isNamed() {
    return flat.isNamed(index);
  }

  public boolean isError() {
    return flat.isError(index);
  }

  public boolean isMissing() {
    return flat.isMissing(index);
  }

  public boolean hasError() {
    return flat.hasError(index);
  }

  public int getDescendantCount() {
    return flat.descendantCount(index);
  }

  /** Identifies the node within its tree (its preorder index). */
  public long getId() {
    return index;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SyntaxNode other && other.tree == tree && other.index == index;
  }

  @Override
  public int hashCode() {
    return index;
  }

  @Override
  public String toString() {
    return getType() + "[" + getStartByte() + ", " + getEndByte() + ")";
  }
}
