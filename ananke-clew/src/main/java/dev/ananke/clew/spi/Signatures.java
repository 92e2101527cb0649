package dev.ananke.clew.spi;

import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.Parameter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Source text as signatures and paths are compared, and the lists declarations keep, shared by the extractors. */
public final class Signatures {
  private Signatures() {}

  /**
   * The source text of {@code declaration} up to where {@code body} starts (all of it when there
   * is no body), on one line, without a trailing {@code ;}. Tree-sitter offsets count UTF-8
   * bytes, so the cut is made on the bytes, not on the string's chars.
   */
  public static String upToBody(SourceFile file, SyntaxNode declaration, @Nullable SyntaxNode body) {
    String text = Nodes.squash(textUpTo(file, declaration, body));
    if (text.endsWith(";")) text = text.substring(0, text.length() - 1).strip();
    return text;
  }

  /**
   * The source text from {@code from}'s start up to where {@code body} starts, as written (all of
   * {@code from} when there is no body or it does not start inside it). The cut is made on
   * tree-sitter's byte offsets, and only that part of the text is copied.
   */
  public static String textUpTo(SourceFile file, SyntaxNode from, @Nullable SyntaxNode body) {
    int start = from.getStartByte();
    int end = from.getEndByte();
    if (body != null && body.getStartByte() > start && body.getStartByte() <= end) end = body.getStartByte();
    return file.text(start, end);
  }

  /**
   * A path without whitespace, as it is looked up ({@code std :: io} gives {@code std::io}). Paths
   * rarely hold any, so the common case returns the text itself without a regex.
   */
  public static String compact(String path) {
    for (int i = 0; i < path.length(); i++) {
      if (Character.isWhitespace(path.charAt(i))) return path.replaceAll("\\s+", "");
    }
    return path;
  }

  /**
   * Whether {@code params} has one named {@code name}: a signature keeps the first of a name. A
   * scan, as the lists are short (a hash set per signature cost more than it saved).
   */
  public static boolean hasParameter(List<Parameter> params, String name) {
    for (int i = 0, n = params.size(); i < n; i++) {
      if (params.get(i).name().equals(name)) return true;
    }
    return false;
  }

  /** Whether {@code fields} has one named {@code name}: a type keeps the first of a name. */
  public static boolean hasField(List<Field> fields, String name) {
    for (int i = 0, n = fields.size(); i < n; i++) {
      if (fields.get(i).name().equals(name)) return true;
    }
    return false;
  }
}
