package dev.ananke.clew.spi;

import dev.ananke.clew.internal.treesitter.ParsedTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One match of a language's query. Its {@link #name} is the pattern's main capture (the first
 * whose name neither has a dot nor starts with {@code _}, e.g. {@code @function}); helper
 * captures are named {@code main.part} (e.g. {@code @variable.declaration}) or {@code _name}
 * (used by predicates) and read with {@link #capture}.
 *
 * <p>A match holds its captured nodes as tree indices (in an array the query run shares between
 * its matches) and makes a {@link SyntaxNode} only when one is asked for: a file has hundreds of
 * matches, most of which an extractor looks at once and drops.
 */
public final class Match {
  private final ParsedTree tree;
  /** The pattern's capture names, in the order the nodes are captured (shared by its matches). */
  private final String[] names;
  /** The captured nodes are {@code nodes[from, from + names.length)}. */
  private final int[] nodes;
  private final int from;
  private final int main;
  private final int start;
  private final int end;

  /**
   * Made by the query runner. {@code main} is the index of the main capture in {@code names};
   * nothing in {@code nodes[from, from + names.length)} may change afterwards.
   */
  public Match(ParsedTree tree, String[] names, int[] nodes, int from, int main) {
    this.tree = tree;
    this.names = names;
    this.nodes = nodes;
    this.from = from;
    this.main = main;
    int node = nodes[from + main];
    this.start = tree.flat().startByte(node);
    this.end = tree.flat().endByte(node);
  }

  /** One captured node. */
  public record Capture(String name, SyntaxNode node) {}

  /** The main capture's name: what the match is. */
  public String name() {
    return names[main];
  }

  /** The main capture's node. */
  public SyntaxNode node() {
    return new SyntaxNode(tree, nodes[from + main]);
  }

  /** The start byte of the main node. */
  public int start() {
    return start;
  }

  /** The end byte of the main node. */
  public int end() {
    return end;
  }

  /** The helper capture {@code name}, or null when the pattern did not capture it. */
  public @Nullable SyntaxNode capture(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) return captureNode(i);
    }
    return null;
  }

  /** The number of captures, the main one included. */
  public int captureCount() {
    return names.length;
  }

  /** The name of capture {@code i}, in the order the pattern captures them (inner nodes first). */
  public String captureName(int i) {
    return names[i];
  }

  public SyntaxNode captureNode(int i) {
    return new SyntaxNode(tree, nodes[from + Objects.checkIndex(i, names.length)]);
  }

  /** Every capture, in the order of {@link #captureName}. */
  public List<Capture> captures() {
    List<Capture> out = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) out.add(new Capture(names[i], captureNode(i)));
    return out;
  }

  @Override
  public String toString() {
    return name() + " " + node();
  }
}
