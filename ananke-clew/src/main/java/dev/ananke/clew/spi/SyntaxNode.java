package dev.ananke.clew.spi;

import dev.ananke.clew.internal.treesitter.ParsedTree;
import dev.ananke.clew.internal.treesitter.TsApi;
import io.github.treesitter.jtreesitter.Point;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node of a parsed tree, valid while its tree is open (during the extractor's call). Its
 * methods are named as jtreesitter's {@code Node} ones; each is one downcall into tree-sitter,
 * and a node costs 32 bytes of the tree's slab (see {@code TsApi} for why). Positions are
 * 0-based, columns in UTF-8 bytes. Not thread-safe.
 */
public final class SyntaxNode {
  private final ParsedTree tree;
  private final MemorySegment node;

  /** Made by the parsing layer. */
  public SyntaxNode(ParsedTree tree, MemorySegment node) {
    this.tree = tree;
    this.node = node;
  }

  private Optional<SyntaxNode> wrap(MemorySegment n) {
    return TsApi.isNull(n) ? Optional.empty() : Optional.of(new SyntaxNode(tree, n));
  }

  /** The node type, e.g. {@code function_declaration}, or the token text for anonymous nodes. */
  public String getType() {
    return tree.language().symbolName(TsApi.symbol(node));
  }

  public short getSymbol() {
    return TsApi.symbol(node);
  }

  public int getStartByte() {
    return TsApi.startByte(node);
  }

  public int getEndByte() {
    return TsApi.endByte(node);
  }

  public Point getStartPoint() {
    long p = TsApi.startPoint(tree.allocator(), node);
    return new Point((int) (p >>> 32), (int) p);
  }

  public Point getEndPoint() {
    long p = TsApi.endPoint(tree.allocator(), node);
    return new Point((int) (p >>> 32), (int) p);
  }

  /** The source text of the node. */
  public String getText() {
    return tree.text(getStartByte(), getEndByte());
  }

  public int getChildCount() {
    return TsApi.childCount(node);
  }

  public int getNamedChildCount() {
    return TsApi.namedChildCount(node);
  }

  public Optional<SyntaxNode> getChild(int index) {
    return wrap(TsApi.child(tree.allocator(), node, index));
  }

  public Optional<SyntaxNode> getNamedChild(int index) {
    return wrap(TsApi.namedChild(tree.allocator(), node, index));
  }

  public List<SyntaxNode> getChildren() {
    int n = getChildCount();
    List<SyntaxNode> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) getChild(i).ifPresent(out::add);
    return out;
  }

  public List<SyntaxNode> getNamedChildren() {
    int n = getNamedChildCount();
    List<SyntaxNode> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) getNamedChild(i).ifPresent(out::add);
    return out;
  }

  public Optional<SyntaxNode> getChildByFieldName(String field) {
    short id = tree.language().fieldId(field);
    if (id == 0) return Optional.empty();
    return wrap(TsApi.childByFieldId(tree.allocator(), node, id));
  }

  /** Every child in {@code field} (a field may hold several, e.g. Python's import names). */
  public List<SyntaxNode> getChildrenByFieldName(String field) {
    short id = tree.language().fieldId(field);
    if (id == 0) return List.of();
    long name = tree.language().fieldNameAddress(id);
    List<SyntaxNode> out = new ArrayList<>();
    int n = getChildCount();
    for (int i = 0; i < n; i++) {
      if (TsApi.fieldNameForChild(node, i) == name) getChild(i).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The parent. Costly: tree-sitter finds it by searching down from the root, so walking up from
   * many nodes of a large file costs more than parsing it; see {@link Scopes}.
   */
  public Optional<SyntaxNode> getParent() {
    return wrap(TsApi.parent(tree.allocator(), node));
  }

  public boolean isNamed() {
    return TsApi.isNamed(node);
  }

  public boolean isError() {
    return TsApi.isError(node);
  }

  public boolean isMissing() {
    return TsApi.isMissing(node);
  }

  public boolean hasError() {
    return TsApi.hasError(node);
  }

  public int getDescendantCount() {
    return TsApi.descendantCount(node);
  }

  /** Identifies the node within its tree. */
  public long getId() {
    return TsApi.id(node);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SyntaxNode other && other.tree == tree && other.getId() == getId();
  }

  @Override
  public int hashCode() {
    return Long.hashCode(getId());
  }

  @Override
  public String toString() {
    return getType() + "[" + getStartByte() + ", " + getEndByte() + ")";
  }
}
