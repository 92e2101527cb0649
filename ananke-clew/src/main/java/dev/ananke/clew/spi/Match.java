package dev.ananke.clew.spi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One match of a language's query. Its {@link #name} is the pattern's main capture (the first
 * whose name neither has a dot nor starts with {@code _}, e.g. {@code @function}); helper
 * captures are named {@code main.part} (e.g. {@code @variable.declaration}) or {@code _name}
 * (used by predicates) and read with {@link #capture}.
 */
public record Match(String name, SyntaxNode node, int start, int end, List<Capture> captures) {

  /** One captured node. */
  public record Capture(String name, SyntaxNode node) {}

  /** The match of these captures, or null when no capture is a main one. */
  public static @Nullable Match of(List<Capture> captures) {
    for (Capture c : captures) {
      if (c.name().indexOf('.') < 0 && !c.name().startsWith("_")) {
        SyntaxNode n = c.node();
        return new Match(c.name(), n, n.getStartByte(), n.getEndByte(), captures);
      }
    }
    return null;
  }

  /** The helper capture {@code name}, or null when the pattern did not capture it. */
  public @Nullable SyntaxNode capture(String name) {
    for (Capture c : captures) {
      if (c.name().equals(name)) return c.node();
    }
    return null;
  }
}
