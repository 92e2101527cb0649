package dev.ananke.clew.spi;

import dev.ananke.clew.internal.treesitter.ParsedTree;
import dev.ananke.clew.internal.treesitter.FlatQuery;
import dev.ananke.core.Origin;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One parsed source file, as an extractor sees it. Valid only during the extractor's call.
 * Positions are 1-based; columns count UTF-8 bytes, as tree-sitter does.
 */
public final class SourceFile {
  private final String path;
  private final String text;
  private final LanguageSpec language;
  private final ParsedTree tree;
  private final @Nullable FlatQuery query;

  /** Made by the engine; extractors receive it. */
  public SourceFile(String path, String text, LanguageSpec language, ParsedTree tree, @Nullable FlatQuery query) {
    this.path = path;
    this.text = text;
    this.language = language;
    this.tree = tree;
    this.query = query;
  }

  /** The file as given to Clew, '/'-separated: the {@code file} of every origin. */
  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  public LanguageSpec language() {
    return language;
  }

  public SyntaxNode root() {
    return tree.root();
  }

  /** The source text of a node. */
  public String text(SyntaxNode node) {
    return node.getText();
  }

  /**
   * The source text of bytes {@code [startByte, endByte)}, tree-sitter's offsets (clamped to the
   * text): a part of a node, without the node's whole text first.
   */
  public String text(int startByte, int endByte) {
    return tree.text(startByte, endByte);
  }

  public Origin origin(SyntaxNode node) {
    var p = node.getStartPoint();
    return new Origin(path, p.row() + 1, p.column() + 1);
  }

  public int line(SyntaxNode node) {
    return node.getStartPoint().row() + 1;
  }

  /**
   * The matches of the language's query ({@link LanguageSpec#queryResource}) in document order:
   * by the start of their main node, an enclosing node before the nodes it contains.
   * (Tree-sitter reports a match when its pattern completes, which for a pattern with children
   * can be after matches nested in it.)
   */
  public List<Match> matches() {
    if (query == null) {
      throw new IllegalStateException("language " + language.name() + " declares no query resource");
    }
    return query.run(tree);
  }

  /** {@link #matches()}, one by one. */
  public void forEachMatch(Consumer<Match> handler) {
    matches().forEach(handler);
  }
}
