package dev.ananke.clew.spi;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Source text as signatures and paths are compared, shared by the Rust, Go and Zig extractors. */
public final class Signatures {
  private Signatures() {}

  /**
   * The source text of {@code declaration} up to where {@code body} starts (all of it when there
   * is no body), on one line, without a trailing {@code ;}. Tree-sitter offsets count UTF-8
   * bytes, so the cut is made on the bytes, not on the string's chars.
   */
  public static String upToBody(SourceFile file, SyntaxNode declaration, @Nullable SyntaxNode body) {
    String text = file.text(declaration);
    if (body != null) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      int cut = body.getStartByte() - declaration.getStartByte();
      if (cut > 0 && cut <= bytes.length) text = new String(bytes, 0, cut, StandardCharsets.UTF_8);
    }
    text = Nodes.squash(text);
    if (text.endsWith(";")) text = text.substring(0, text.length() - 1).strip();
    return text;
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
}
