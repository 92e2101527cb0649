package dev.ananke.tokens.grammar;

import dev.ananke.core.error.BadInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/*
 * Recursive descent over the Lark dialect llguidance accepts:
 *   definition  := ['?'] NAME ['.' INT] ':' alternatives      (lowercase NAME: rule, uppercase: terminal)
 *   alternatives:= sequence ('|' sequence)*                   ('|' may start a continuation line)
 *   sequence    := item* ['->' NAME]
 *   item        := atom ['?' | '*' | '+' | '{' m [',' [n]] '}' | '~' m ['..' n]]
 *   atom        := '(' alternatives ')' | '[' alternatives ']' | STRING ['..' STRING] | REGEX | NAME
 * plus %ignore, %import common.X / common (X, Y) and // comments. A definition ends at a newline
 * unless the next line continues it with '|'. Terminals become one regex each (a lexeme); strings
 * and regexes inside rules become anonymous lexemes.
 */
final class LarkParser {
  /** Lark's common.lark terminals, as regexes of our dialect. */
  static final Map<String, String> COMMON = Map.ofEntries(
      Map.entry("DIGIT", "[0-9]"),
      Map.entry("HEXDIGIT", "[a-fA-F0-9]"),
      Map.entry("INT", "[0-9]+"),
      Map.entry("SIGNED_INT", "[+-]?[0-9]+"),
      Map.entry("DECIMAL", "[0-9]+\\.[0-9]*|\\.[0-9]+"),
      Map.entry("FLOAT", "[0-9]+[eE][+-]?[0-9]+|([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?"),
      Map.entry("SIGNED_FLOAT", "[+-]?([0-9]+[eE][+-]?[0-9]+|([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?)"),
      Map.entry("NUMBER", "[0-9]+[eE][+-]?[0-9]+|([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|[0-9]+"),
      Map.entry("SIGNED_NUMBER", "[+-]?([0-9]+[eE][+-]?[0-9]+|([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|[0-9]+)"),
      Map.entry("ESCAPED_STRING", "\"([^\"\\\\\\n]|\\\\.)*\""),
      Map.entry("LCASE_LETTER", "[a-z]"),
      Map.entry("UCASE_LETTER", "[A-Z]"),
      Map.entry("LETTER", "[a-zA-Z]"),
      Map.entry("WORD", "[a-zA-Z]+"),
      Map.entry("CNAME", "[_a-zA-Z][_a-zA-Z0-9]*"),
      Map.entry("WS_INLINE", "[ \\t]+"),
      Map.entry("WS", "[ \\t\\f\\r\\n]+"),
      Map.entry("CR", "\\r"),
      Map.entry("LF", "\\n"),
      Map.entry("NEWLINE", "(\\r?\\n)+"),
      Map.entry("SH_COMMENT", "#[^\\n]*"),
      Map.entry("CPP_COMMENT", "//[^\\n]*"),
      Map.entry("C_COMMENT", "/\\*([^*]|\\*+[^*/])*\\*+/"),
      Map.entry("SQL_COMMENT", "--[^\\n]*"));

  /** The raw syntax, before rules and terminals are told apart. */
  private sealed interface Node {}

  private record Str(String text, boolean ignoreCase) implements Node {}

  private record Re(String pattern, int line, int col) implements Node {}

  private record Range(String from, String to) implements Node {}

  private record Name(String name, int line, int col) implements Node {}

  private record Cat(List<Node> items) implements Node {}

  private record Or(List<Node> options) implements Node {}

  private record Rep(Node body, int min, int max) implements Node {}

  private final String src;
  private int pos;
  private final Map<String, Node> rules = new LinkedHashMap<>();
  private final Map<String, Node> terminals = new LinkedHashMap<>();
  private final Map<String, int[]> definedAt = new HashMap<>();
  private final List<Node> ignores = new ArrayList<>();
  private final Map<String, String> terminalRegex = new HashMap<>();
  private final Map<String, Lexeme> terminalLexeme = new HashMap<>();

  LarkParser(String src) {
    this.src = src;
  }

  Grammar parse() {
    while (true) {
      skipBlankLines();
      if (pos >= src.length()) break;
      if (peek() == '%') directive();
      else definition();
    }
    if (!rules.containsKey("start")) throw errorAt(1, 1, "no 'start' rule");
    Map<String, Expr> out = new LinkedHashMap<>();
    for (var e : rules.entrySet()) out.put(e.getKey(), toExpr(e.getValue()));
    List<Lexeme> ignore = new ArrayList<>();
    for (Node n : ignores) {
      String re = toRegex(n, new HashSet<>());
      ignore.add(new Lexeme("%ignore /" + re + "/", compileRegex(re, n), null));
    }
    return new Grammar("start", out, ignore);
  }

  // ---- definitions and directives

  private void directive() {
    int at = pos;
    pos++;
    String word = name();
    skipInline();
    switch (word) {
      case "ignore" -> {
        ignores.add(alternatives());
        endOfLine();
      }
      case "import" -> importDirective(at);
      default -> throw error(at, "unknown directive '%" + word + "' (supported: %ignore, %import)");
    }
  }

  private void importDirective(int at) {
    int modAt = pos;
    String module = dottedName();
    skipInline();
    List<String> names = new ArrayList<>();
    if (module.startsWith("common.")) {
      names.add(module.substring("common.".length()));
      module = "common";
    } else if (module.equals("common") && more() && peek() == '(') {
      pos++;
      while (true) {
        skipInline();
        names.add(name());
        skipInline();
        if (more() && peek() == ',') {
          pos++;
          continue;
        }
        expect(')');
        break;
      }
    }
    if (!module.equals("common")) throw error(modAt, "only %import common.NAME is supported, found '" + module + "'");
    for (String n : names) {
      String re = COMMON.get(n);
      if (re == null) throw error(modAt, "common has no terminal '" + n + "'");
      terminals.putIfAbsent(n, new Re(re, 0, 0));
      definedAt.putIfAbsent(n, lineCol(at));
    }
    skipInline();
    if (more() && src.startsWith("->", pos)) {
      pos += 2;
      skipInline();
      name();
    }
    endOfLine();
  }

  private void definition() {
    int at = pos;
    if (peek() == '?' || peek() == '!') pos++;
    String n = name();
    if (more() && peek() == '.') { // priority: parsed and ignored (greedy lexing decides)
      pos++;
      if (more() && peek() == '-') pos++;
      digits();
    }
    skipInline();
    expect(':');
    skipInline();
    Node body = alternatives();
    endOfLine();
    boolean terminal = isTerminalName(n);
    Map<String, Node> into = terminal ? terminals : rules;
    if (into.containsKey(n) && !COMMON.containsKey(n)) throw error(at, (terminal ? "terminal" : "rule") + " '" + n + "' is defined twice");
    into.put(n, body);
    definedAt.put(n, lineCol(at));
  }

  static boolean isTerminalName(String n) {
    int i = 0;
    while (i < n.length() && n.charAt(i) == '_') i++;
    return i < n.length() && Character.isUpperCase(n.charAt(i));
  }

  // ---- expressions

  private Node alternatives() {
    List<Node> options = new ArrayList<>();
    options.add(sequence());
    while (true) {
      skipInline();
      if (more() && peek() == '|') {
        pos++;
        options.add(sequence());
        continue;
      }
      if (continuesOnNextLine()) {
        options.add(sequence());
        continue;
      }
      break;
    }
    return options.size() == 1 ? options.getFirst() : new Or(options);
  }

  /** At a newline whose next non-blank line starts with '|': moves there and returns true. */
  private boolean continuesOnNextLine() {
    int save = pos;
    skipInline();
    if (!more() || (peek() != '\n' && peek() != '\r')) {
      pos = save;
      return false;
    }
    skipBlankLines();
    if (more() && peek() == '|') {
      pos++;
      return true;
    }
    pos = save;
    return false;
  }

  private Node sequence() {
    List<Node> items = new ArrayList<>();
    while (true) {
      skipInline();
      if (!more()) break;
      char c = peek();
      if (c == '|' || c == ')' || c == ']' || c == '\n' || c == '\r') break;
      if (src.startsWith("->", pos)) {
        pos += 2;
        skipInline();
        name();
        break;
      }
      items.add(item());
    }
    return items.size() == 1 ? items.getFirst() : new Cat(items);
  }

  private Node item() {
    Node a = atom();
    while (more()) {
      char c = peek();
      if (c == '?') {
        pos++;
        a = new Rep(a, 0, 1);
      } else if (c == '*') {
        pos++;
        a = new Rep(a, 0, -1);
      } else if (c == '+') {
        pos++;
        a = new Rep(a, 1, -1);
      } else if (c == '{') {
        int at = pos++;
        skipInline();
        int min = digits();
        int max = min;
        skipInline();
        if (more() && peek() == ',') {
          pos++;
          skipInline();
          max = more() && Character.isDigit(peek()) ? digits() : -1;
          skipInline();
        }
        expect('}');
        if (max != -1 && max < min) throw error(at, "repetition {" + min + "," + max + "} has max below min");
        a = new Rep(a, min, max);
      } else if (c == '~') {
        int at = pos++;
        skipInline();
        int min = digits();
        int max = min;
        if (src.startsWith("..", pos)) {
          pos += 2;
          max = digits();
        }
        if (max < min) throw error(at, "repetition ~" + min + ".." + max + " has max below min");
        a = new Rep(a, min, max);
      } else {
        break;
      }
    }
    return a;
  }

  private Node atom() {
    int at = pos;
    char c = peek();
    switch (c) {
      case '(' -> {
        pos++;
        Node inner = alternatives();
        skipSpaceAndNewlines();
        expect(')');
        return inner;
      }
      case '[' -> {
        pos++;
        Node inner = alternatives();
        skipSpaceAndNewlines();
        expect(']');
        return new Rep(inner, 0, 1);
      }
      case '"' -> {
        String s = string();
        boolean ic = false;
        if (more() && peek() == 'i') {
          pos++;
          ic = true;
        }
        if (src.startsWith("..", pos)) {
          pos += 2;
          String to = string();
          if (s.codePointCount(0, s.length()) != 1 || to.codePointCount(0, to.length()) != 1) {
            throw error(at, "a range \"a\"..\"z\" needs single characters");
          }
          return new Range(s, to);
        }
        return new Str(s, ic);
      }
      case '/' -> {
        return regex();
      }
      default -> {
        if (Character.isLetter(c) || c == '_') {
          int[] lc = lineCol(at);
          return new Name(name(), lc[0], lc[1]);
        }
        throw error(at, "expected a rule, terminal, string, regex, '(' or '[', found " + describe(c));
      }
    }
  }

  private String string() {
    int at = pos;
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      if (!more() || peek() == '\n') throw error(at, "unterminated string");
      char c = src.charAt(pos++);
      if (c == '"') break;
      if (c == '\\') {
        if (!more()) throw error(at, "unterminated string");
        char e = src.charAt(pos++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case '"' -> b.append('"');
          case '\\' -> b.append('\\');
          case 'u' -> {
            if (pos + 4 > src.length()) throw error(pos - 2, "expected four hex digits after \\u");
            try {
              b.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error(pos - 2, "expected four hex digits after \\u");
            }
            pos += 4;
          }
          case 'x' -> {
            if (pos + 2 > src.length()) throw error(pos - 2, "expected two hex digits after \\x");
            try {
              b.append((char) Integer.parseInt(src.substring(pos, pos + 2), 16));
            } catch (NumberFormatException ex) {
              throw error(pos - 2, "expected two hex digits after \\x");
            }
            pos += 2;
          }
          default -> b.append('\\').append(e);
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private Node regex() {
    int at = pos;
    pos++; // '/'
    StringBuilder b = new StringBuilder();
    boolean inClass = false;
    while (true) {
      if (!more() || peek() == '\n') throw error(at, "unterminated regex");
      char c = src.charAt(pos++);
      if (c == '\\' && more()) {
        char e = src.charAt(pos++);
        if (e == '/') b.append('/');
        else b.append('\\').append(e);
        continue;
      }
      if (c == '[') inClass = true;
      else if (c == ']') inClass = false;
      else if (c == '/' && !inClass) break;
      b.append(c);
    }
    while (more() && Character.isLetter(peek())) {
      int fa = pos;
      char f = src.charAt(pos++);
      throw error(fa, "regex flag '" + f + "' is not supported");
    }
    int[] lc = lineCol(at);
    return new Re(b.toString(), lc[0], lc[1]);
  }

  // ---- lowering

  private Expr toExpr(Node n) {
    return switch (n) {
      case Str s -> new Expr.Terminal(s.ignoreCase()
          ? new Lexeme(Lexeme.quote(s.text()) + "i", compileRegex(caseless(s.text()), s), null)
          : Lexeme.literal(s.text()));
      case Re r -> new Expr.Terminal(new Lexeme("/" + r.pattern() + "/", compileRegex(r.pattern(), r), null));
      case Range r -> new Expr.Terminal(lexemeOf("[" + Lexeme.regexQuote(r.from()) + "-" + Lexeme.regexQuote(r.to()) + "]", r));
      case Name nm -> {
        if (isTerminalName(nm.name())) yield new Expr.Terminal(terminal(nm));
        if (!rules.containsKey(nm.name())) throw errorAt(nm.line(), nm.col(), "undefined rule '" + nm.name() + "'");
        yield new Expr.Ref(nm.name());
      }
      case Cat c -> new Expr.Seq(c.items().stream().map(this::toExpr).toList());
      case Or o -> new Expr.Alt(o.options().stream().map(this::toExpr).toList());
      case Rep r -> new Expr.Repeat(toExpr(r.body()), r.min(), r.max());
    };
  }

  private Lexeme lexemeOf(String re, Node where) {
    return new Lexeme("/" + re + "/", compileRegex(re, where), null);
  }

  private Lexeme terminal(Name nm) {
    Lexeme l = terminalLexeme.get(nm.name());
    if (l != null) return l;
    if (!terminals.containsKey(nm.name())) throw errorAt(nm.line(), nm.col(), "undefined terminal '" + nm.name() + "'");
    String re = toRegex(nm, new HashSet<>());
    int[] def = definedAt.getOrDefault(nm.name(), new int[] {nm.line(), nm.col()});
    l = new Lexeme(nm.name(), compileRegex(re, new Name(nm.name(), def[0], def[1])), null);
    terminalLexeme.put(nm.name(), l);
    return l;
  }

  /** The regex of a terminal expression (terminal references inlined). */
  private String toRegex(Node n, Set<String> visiting) {
    return switch (n) {
      case Str s -> s.ignoreCase() ? caseless(s.text()) : Lexeme.regexQuote(s.text());
      case Re r -> "(?:" + r.pattern() + ")";
      case Range r -> "[" + Lexeme.regexQuote(r.from()) + "-" + Lexeme.regexQuote(r.to()) + "]";
      case Name nm -> {
        if (!isTerminalName(nm.name())) throw errorAt(nm.line(), nm.col(), "terminal definitions cannot refer to rule '" + nm.name() + "'");
        String cached = terminalRegex.get(nm.name());
        if (cached != null) yield cached;
        Node body = terminals.get(nm.name());
        if (body == null) throw errorAt(nm.line(), nm.col(), "undefined terminal '" + nm.name() + "'");
        if (!visiting.add(nm.name())) throw errorAt(nm.line(), nm.col(), "terminal '" + nm.name() + "' refers to itself");
        String re = "(?:" + toRegex(body, visiting) + ")";
        visiting.remove(nm.name());
        terminalRegex.put(nm.name(), re);
        yield re;
      }
      case Cat c -> {
        StringBuilder b = new StringBuilder();
        for (Node x : c.items()) b.append(toRegex(x, visiting));
        yield b.toString();
      }
      case Or o -> {
        StringBuilder b = new StringBuilder("(?:");
        for (int i = 0; i < o.options().size(); i++) {
          if (i > 0) b.append('|');
          b.append(toRegex(o.options().get(i), visiting));
        }
        yield b.append(')').toString();
      }
      case Rep r -> "(?:" + toRegex(r.body(), visiting) + ")"
          + (r.max() == -1 ? "{" + r.min() + ",}" : "{" + r.min() + "," + r.max() + "}");
    };
  }

  private static String caseless(String text) {
    StringBuilder b = new StringBuilder();
    text.codePoints().forEach(cp -> {
      int lo = Character.toLowerCase(cp);
      int up = Character.toUpperCase(cp);
      if (lo != up) b.append('[').appendCodePoint(lo).appendCodePoint(up).append(']');
      else b.append(Lexeme.regexQuote(Character.toString(cp)));
    });
    return b.toString();
  }

  private dev.ananke.tokens.Regex compileRegex(String re, Node where) {
    try {
      return dev.ananke.tokens.Regex.compile(re);
    } catch (BadInputException e) {
      int[] lc = switch (where) {
        case Re r -> new int[] {r.line(), r.col()};
        case Name nm -> new int[] {nm.line(), nm.col()};
        default -> new int[] {0, 0};
      };
      String loc = lc[0] == 0 ? "" : "line " + lc[0] + ", column " + lc[1];
      throw new BadInputException(loc, "bad regex /" + re + "/: " + e.getMessage(), e);
    }
  }

  // ---- scanning

  private boolean more() {
    return pos < src.length();
  }

  private char peek() {
    return src.charAt(pos);
  }

  private void skipInline() {
    while (more()) {
      char c = peek();
      if (c == ' ' || c == '\t') pos++;
      else if (src.startsWith("//", pos)) {
        while (more() && peek() != '\n') pos++;
      } else break;
    }
  }

  private void skipSpaceAndNewlines() {
    while (more()) {
      skipInline();
      if (more() && (peek() == '\n' || peek() == '\r')) pos++;
      else break;
    }
  }

  private void skipBlankLines() {
    skipSpaceAndNewlines();
  }

  private void endOfLine() {
    skipInline();
    if (more() && peek() != '\n' && peek() != '\r') {
      throw error(pos, "expected the end of the line, found " + describe(peek()));
    }
  }

  private void expect(char c) {
    if (!more() || peek() != c) {
      throw error(pos, "expected '" + c + "', found " + (more() ? describe(peek()) : "the end of the grammar"));
    }
    pos++;
  }

  private String name() {
    int start = pos;
    while (more() && (Character.isLetterOrDigit(peek()) || peek() == '_')) pos++;
    if (pos == start) throw error(pos, "expected a name, found " + (more() ? describe(peek()) : "the end of the grammar"));
    return src.substring(start, pos);
  }

  private String dottedName() {
    StringBuilder b = new StringBuilder(name());
    while (more() && peek() == '.') {
      pos++;
      b.append('.').append(name());
    }
    return b.toString();
  }

  private int digits() {
    int start = pos;
    while (more() && Character.isDigit(peek())) pos++;
    if (pos == start) throw error(pos, "expected a number");
    if (pos - start > 6) throw error(start, "number too large");
    return Integer.parseInt(src.substring(start, pos));
  }

  private static String describe(char c) {
    return c == '\n' ? "a line break" : "'" + c + "'";
  }

  private int[] lineCol(int at) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < at && i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  private BadInputException error(int at, String what) {
    int[] lc = lineCol(at);
    return errorAt(lc[0], lc[1], what);
  }

  private static BadInputException errorAt(int line, int col, String what) {
    return new BadInputException("line " + line + ", column " + col, what);
  }
}
