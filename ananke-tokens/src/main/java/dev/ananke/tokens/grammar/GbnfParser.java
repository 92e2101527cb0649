package dev.ananke.tokens.grammar;

import dev.ananke.core.error.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/*
 * llama.cpp's GBNF:  name ::= alternatives, where an alternative is a sequence of "literals",
 * [classes] (with ^ and ranges), '.', rule names and (groups), each optionally followed by
 * * + ? {m} {m,} {m,n}; # starts a comment; a rule runs until the next "name ::=". GBNF has no
 * lexer, so every character is its own lexeme: a literal becomes a sequence of one-character
 * lexemes, a class one lexeme matching one (UTF-8) character. The greedy lexer then never has to
 * choose between overlapping lexemes, and the Earley parser sees GBNF's exact language.
 */
final class GbnfParser {
  private final String src;
  private int pos;
  private final Map<String, Expr> rules = new LinkedHashMap<>();
  private final Map<String, int[]> firstUse = new LinkedHashMap<>();

  GbnfParser(String src) {
    this.src = src;
  }

  Grammar parse() {
    skipSpace();
    while (more()) {
      int at = pos;
      String name = name();
      skipSpace();
      if (!src.startsWith("::=", pos)) throw error(pos, "expected '::=' after rule name '" + name + "'");
      pos += 3;
      Expr body = alternatives(0);
      if (rules.containsKey(name)) throw error(at, "rule '" + name + "' is defined twice");
      rules.put(name, body);
      skipSpace();
    }
    if (!rules.containsKey("root")) throw new BadInputException("line 1, column 1", "no 'root' rule");
    for (var e : firstUse.entrySet()) {
      if (!rules.containsKey(e.getKey())) {
        throw new BadInputException("line " + e.getValue()[0] + ", column " + e.getValue()[1],
            "undefined rule '" + e.getKey() + "'");
      }
    }
    return new Grammar("root", rules, List.of());
  }

  private Expr alternatives(int depth) {
    List<Expr> options = new ArrayList<>();
    options.add(sequence(depth));
    while (more() && peek() == '|') {
      pos++;
      options.add(sequence(depth));
    }
    return Expr.alt(options);
  }

  private Expr sequence(int depth) {
    List<Expr> items = new ArrayList<>();
    while (true) {
      skipSpace();
      if (!more()) break;
      char c = peek();
      if (c == '|' || c == ')') break;
      if (depth == 0 && startsDefinition()) break;
      Expr a = atom(depth);
      items.add(postfix(a));
    }
    return items.size() == 1 ? items.getFirst() : new Expr.Seq(items);
  }

  private boolean startsDefinition() {
    int save = pos;
    try {
      if (!more() || !isNameChar(peek())) return false;
      name();
      skipInlineSpace();
      return src.startsWith("::=", pos);
    } finally {
      pos = save;
    }
  }

  private Expr postfix(Expr a) {
    while (more()) {
      char c = peek();
      if (c == '*') {
        pos++;
        a = Expr.star(a);
      } else if (c == '+') {
        pos++;
        a = new Expr.Repeat(a, 1, -1);
      } else if (c == '?') {
        pos++;
        a = Expr.optional(a);
      } else if (c == '{') {
        int at = pos++;
        int min = digits();
        int max = min;
        if (more() && peek() == ',') {
          pos++;
          max = more() && Character.isDigit(peek()) ? digits() : -1;
        }
        expect('}');
        if (max != -1 && max < min) throw error(at, "repetition {" + min + "," + max + "} has max below min");
        a = new Expr.Repeat(a, min, max);
      } else {
        break;
      }
    }
    return a;
  }

  private Expr atom(int depth) {
    int at = pos;
    char c = peek();
    if (c == '(') {
      pos++;
      Expr inner = alternatives(depth + 1);
      skipSpace();
      expect(')');
      return inner;
    }
    if (c == '"') return literal();
    if (c == '[') return charClass();
    if (c == '.') {
      pos++;
      return new Expr.Terminal(new Lexeme(".", dev.ananke.tokens.Regex.compile("[\\s\\S]"), null));
    }
    if (isNameChar(c)) {
      int[] lc = lineCol(at);
      String n = name();
      firstUse.putIfAbsent(n, lc);
      return new Expr.Ref(n);
    }
    throw error(at, "expected a rule name, \"literal\", [class], '.' or '(', found '" + c + "'");
  }

  private Expr literal() {
    int at = pos;
    pos++;
    List<Expr> chars = new ArrayList<>();
    while (true) {
      if (!more() || peek() == '\n') throw error(at, "unterminated string");
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      int cp = c == '\\' ? escape() : src.codePointAt(pos);
      if (c != '\\') pos += Character.charCount(cp);
      chars.add(new Expr.Terminal(Lexeme.literal(Character.toString(cp))));
    }
    return chars.size() == 1 ? chars.getFirst() : new Expr.Seq(chars);
  }

  private Expr charClass() {
    int at = pos;
    pos++;
    StringBuilder re = new StringBuilder("[");
    if (more() && peek() == '^') {
      re.append('^');
      pos++;
    }
    boolean first = true;
    while (true) {
      if (!more()) throw error(at, "unterminated character class");
      char c = peek();
      if (c == ']' && !first) {
        pos++;
        break;
      }
      first = false;
      int cp = c == '\\' ? escape() : src.codePointAt(pos);
      if (c != '\\') pos += Character.charCount(cp);
      re.append(classChar(cp));
      if (more() && peek() == '-' && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
        pos++;
        char d = peek();
        int hi = d == '\\' ? escape() : src.codePointAt(pos);
        if (d != '\\') pos += Character.charCount(hi);
        if (hi < cp) throw error(at, "character range is out of order");
        re.append('-').append(classChar(hi));
      }
    }
    String pattern = re.append(']').toString();
    try {
      return new Expr.Terminal(new Lexeme("/" + pattern + "/", dev.ananke.tokens.Regex.compile(pattern), null));
    } catch (BadInputException e) {
      throw error(at, "bad character class: " + e.getMessage());
    }
  }

  private static String classChar(int cp) {
    if (cp < 0x20 || cp == 0x7F) return String.format("\\x%02X", cp);
    if (cp < 0x80 && !Character.isLetterOrDigit(cp)) return "\\" + (char) cp;
    return Character.toString(cp);
  }

  private int escape() {
    int at = pos;
    pos++; // backslash
    if (!more()) throw error(at, "trailing backslash");
    char e = src.charAt(pos++);
    return switch (e) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case '\\' -> '\\';
      case '"' -> '"';
      case '[' -> '[';
      case ']' -> ']';
      case '-' -> '-';
      case '^' -> '^';
      case 'x' -> hex(at, 2);
      case 'u' -> hex(at, 4);
      case 'U' -> hex(at, 8);
      default -> throw error(at, "unknown escape '\\" + e + "'");
    };
  }

  private int hex(int at, int n) {
    if (pos + n > src.length()) throw error(at, "expected " + n + " hex digits");
    try {
      int v = Integer.parseInt(src.substring(pos, pos + n), 16);
      pos += n;
      return v;
    } catch (NumberFormatException ex) {
      throw error(at, "expected " + n + " hex digits");
    }
  }

  private boolean more() {
    return pos < src.length();
  }

  private char peek() {
    return src.charAt(pos);
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  private String name() {
    int start = pos;
    while (more() && isNameChar(peek())) pos++;
    if (pos == start) throw error(pos, "expected a rule name");
    return src.substring(start, pos);
  }

  private int digits() {
    int start = pos;
    while (more() && Character.isDigit(peek())) pos++;
    if (pos == start || pos - start > 6) throw error(start, "expected a count");
    return Integer.parseInt(src.substring(start, pos));
  }

  private void expect(char c) {
    if (!more() || peek() != c) throw error(pos, "expected '" + c + "'" + (more() ? ", found '" + peek() + "'" : " before the end"));
    pos++;
  }

  private void skipInlineSpace() {
    while (more() && (peek() == ' ' || peek() == '\t')) pos++;
  }

  private void skipSpace() {
    while (more()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') pos++;
      else if (c == '#') {
        while (more() && peek() != '\n') pos++;
      } else break;
    }
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
    return new BadInputException("line " + lc[0] + ", column " + lc[1], what);
  }
}
