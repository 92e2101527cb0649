package dev.ananke.braid.emit;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The regular part of a code grammar: what a terminal (a lexeme) is made of. One value prints
 * as a Lark regex (the dialect of llguidance and of our token engine) and as a GBNF expression,
 * so the two emitted grammars cannot drift apart.
 */
sealed interface Rx {
  record Lit(String text) implements Rx {}

  record Cls(Chars chars) implements Rx {}

  record Seq(List<Rx> items) implements Rx {}

  record Alt(List<Rx> options) implements Rx {}

  /** {@code max < 0}: unbounded. */
  record Rep(Rx body, int min, int max) implements Rx {}

  static Rx lit(String text) {
    return new Lit(text);
  }

  static Rx cls(Chars chars) {
    return new Cls(chars);
  }

  static Rx cls(String chars) {
    return new Cls(Chars.of(chars));
  }

  static Rx seq(Rx... items) {
    return new Seq(List.of(items));
  }

  static Rx alt(Rx... options) {
    return new Alt(List.of(options));
  }

  static Rx alt(List<Rx> options) {
    return options.size() == 1 ? options.getFirst() : new Alt(List.copyOf(options));
  }

  static Rx star(Rx body) {
    return new Rep(body, 0, -1);
  }

  static Rx plus(Rx body) {
    return new Rep(body, 1, -1);
  }

  static Rx opt(Rx body) {
    return new Rep(body, 0, 1);
  }

  /** Every string of {@code chars} but the newline, any length. */
  static Rx restOfLine() {
    return star(cls(Chars.of("\n").negate()));
  }

  // ---- Lark (regex syntax shared by llguidance and ananke-tokens)

  default String lark() {
    StringBuilder b = new StringBuilder();
    larkTo(this, b, false);
    return b.toString();
  }

  private static void larkTo(Rx rx, StringBuilder b, boolean tight) {
    switch (rx) {
      case Lit l -> {
        boolean group = tight && l.text().codePointCount(0, l.text().length()) > 1;
        if (group) b.append("(?:");
        l.text().codePoints().forEach(cp -> b.append(larkChar(cp, false)));
        if (group) b.append(')');
      }
      case Cls c -> b.append(larkClass(c.chars()));
      case Seq s -> {
        if (tight) b.append("(?:");
        for (Rx item : s.items()) larkTo(item, b, item instanceof Alt);
        if (tight) b.append(')');
      }
      case Alt a -> {
        b.append("(?:");
        for (int i = 0; i < a.options().size(); i++) {
          if (i > 0) b.append('|');
          larkTo(a.options().get(i), b, false);
        }
        b.append(')');
      }
      case Rep r -> {
        larkTo(r.body(), b, true);
        b.append(quantifier(r));
      }
    }
  }

  static String larkClass(Chars chars) {
    int[] r = chars.ranges();
    if (r.length == 2 && r[0] == r[1]) return larkChar(r[0], false);
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < r.length; i += 2) {
      b.append(larkChar(r[i], true));
      if (r[i + 1] > r[i]) {
        if (r[i + 1] > r[i] + 1) b.append('-');
        b.append(larkChar(r[i + 1], true));
      }
    }
    return b.append(']').toString();
  }

  /** Letters and digits as themselves; everything else as {@code \x{H}}, which no dialect misreads. */
  private static String larkChar(int cp, boolean inClass) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_' || cp == ' ') {
      return Character.toString(cp);
    }
    return "\\x{" + Integer.toHexString(cp) + "}";
  }

  private static String quantifier(Rep r) {
    if (r.min() == 0 && r.max() < 0) return "*";
    if (r.min() == 1 && r.max() < 0) return "+";
    if (r.min() == 0 && r.max() == 1) return "?";
    if (r.max() < 0) return "{" + r.min() + ",}";
    if (r.min() == r.max()) return "{" + r.min() + "}";
    return "{" + r.min() + "," + r.max() + "}";
  }

  // ---- GBNF (llama.cpp): no regexes, only literals, classes, groups and quantifiers

  default String gbnf() {
    StringBuilder b = new StringBuilder();
    gbnfTo(this, b);
    return b.toString();
  }

  private static void gbnfTo(Rx rx, StringBuilder b) {
    switch (rx) {
      case Lit l -> b.append(gbnfString(l.text()));
      case Cls c -> b.append(gbnfClass(c.chars()));
      case Seq s -> {
        b.append('(');
        for (int i = 0; i < s.items().size(); i++) {
          if (i > 0) b.append(' ');
          gbnfTo(s.items().get(i), b);
        }
        b.append(')');
      }
      case Alt a -> {
        b.append('(');
        for (int i = 0; i < a.options().size(); i++) {
          if (i > 0) b.append(" | ");
          gbnfTo(a.options().get(i), b);
        }
        b.append(')');
      }
      case Rep r -> {
        b.append('(');
        gbnfTo(r.body(), b);
        b.append(')').append(quantifier(r));
      }
    }
  }

  static String gbnfString(String text) {
    StringBuilder b = new StringBuilder("\"");
    text.codePoints().forEach(cp -> b.append(gbnfChar(cp, false)));
    return b.append('"').toString();
  }

  static String gbnfClass(Chars chars) {
    StringBuilder b = new StringBuilder("[");
    int[] r = chars.ranges();
    for (int i = 0; i < r.length; i += 2) {
      b.append(gbnfChar(r[i], true));
      if (r[i + 1] > r[i]) b.append('-').append(gbnfChar(r[i + 1], true));
    }
    return b.append(']').toString();
  }

  private static String gbnfChar(int cp, boolean inClass) {
    if (cp >= 0x20 && cp < 0x7F) {
      boolean special = cp == '\\' || cp == '"' || (inClass && (cp == ']' || cp == '[' || cp == '-' || cp == '^'));
      return special ? "\\x" + HexFormat.of().toHexDigits((byte) cp) : Character.toString(cp);
    }
    if (cp < 0x80) return "\\x" + HexFormat.of().toHexDigits((byte) cp);
    if (cp <= 0xFFFF) return "\\u" + HexFormat.of().withUpperCase().toHexDigits((short) cp);
    return "\\U" + HexFormat.of().withUpperCase().toHexDigits(cp);
  }

  /** The alternatives of a list, flattened one level (for building words tries). */
  static List<Rx> options(Rx rx) {
    return rx instanceof Alt a ? a.options() : new ArrayList<>(List.of(rx));
  }
}
