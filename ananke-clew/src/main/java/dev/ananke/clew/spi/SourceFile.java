package dev.ananke.clew.spi;

import dev.ananke.clew.internal.treesitter.ParsedTree;
import dev.ananke.core.Origin;
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Query;
import io.github.treesitter.jtreesitter.QueryMatch;
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
  private final @Nullable Query query;

  /** Made by the engine; extractors receive it. */
  public SourceFile(String path, String text, LanguageSpec language, ParsedTree tree, @Nullable Query query) {
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

  public Node root() {
    return tree.root();
  }

  /** The source text of a node. */
  public String text(Node node) {
    String t = node.getText();
    return t == null ? "" : t;
  }

  public Origin origin(Node node) {
    var p = node.getStartPoint();
    return new Origin(path, p.row() + 1, p.column() + 1);
  }

  public int line(Node node) {
    return node.getStartPoint().row() + 1;
  }

  /**
   * Runs the language's query ({@link LanguageSpec#queryResource}) over the file; matches come in
   * document order and their nodes are valid only during the call.
   */
  public void forEachMatch(Consumer<QueryMatch> handler) {
    if (query == null) {
      throw new IllegalStateException("language " + language.name() + " declares no query resource");
    }
    tree.forEachMatch(query, handler);
  }
}
