package dev.ananke.clew.internal.treesitter;

import dev.ananke.clew.spi.Match;
import dev.ananke.clew.spi.SyntaxNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A tree-sitter query (S-expressions, the {@code .scm} files), run over a {@link FlatTree} in
 * Java. The native query cursor cost half a parse on our queries (measured); matching the flat
 * array costs a small fraction of that, since a node's patterns are found by an array lookup on
 * its symbol.
 *
 * <p>Supported: node patterns {@code (type child...)}, the wildcard {@code (_)}, anonymous nodes
 * {@code "+"}, fields {@code name: pattern}, captures {@code @name}, groups
 * {@code ((pattern) (#pred? ...))} with the predicates {@code #eq?}, {@code #any-of?},
 * {@code #match?} and their {@code #not-} forms. Child patterns match children in order, not
 * necessarily adjacent; a pattern with a single child pattern gives one match per matching child
 * (as tree-sitter does for {@code (lexical_declaration (variable_declarator) @v)}). Anything
 * else (quantifiers, alternations, anchors) is rejected when the query is compiled.
 */
public final class FlatQuery {

  private static final class NodePattern {
    final String type;
    final boolean named;
    final short field;
    final List<NodePattern> children = new ArrayList<>();
    final List<String> captures = new ArrayList<>();
    short[] symbols = new short[0];

    NodePattern(String type, boolean named, short field) {
      this.type = type;
      this.named = named;
      this.field = field;
    }

    boolean wildcard() {
      return type.equals("_");
    }
  }

  /**
   * @param lengths the UTF-8 lengths of the {@code values}, a bit each (bit 63: 63 bytes or more), so
   *     that a node of another length is answered without reading its text
   */
  private record Predicate(String capture, boolean negated, @Nullable String otherCapture, Set<String> values,
      @Nullable Pattern regex, long lengths) {

    /** A predicate comparing the capture's text with {@code values}. */
    static Predicate ofValues(String capture, boolean negated, @Nullable String otherCapture, List<String> values) {
      long bits = 0;
      for (String v : values) bits |= lengthBit(v.getBytes(StandardCharsets.UTF_8).length);
      return new Predicate(capture, negated, otherCapture, Set.copyOf(values), null, bits);
    }

    static long lengthBit(int length) {
      return 1L << Math.min(length, 63);
    }
  }

  private record QueryPattern(NodePattern root, List<Predicate> predicates) {}

  /** Patterns by the symbol of their root node. */
  private final QueryPattern[][] bySymbol;

  private FlatQuery(TsLanguage language, List<QueryPattern> patterns) {
    List<List<QueryPattern>> index = new ArrayList<>();
    int symbols = language.symbolCount();
    for (int i = 0; i < symbols; i++) index.add(null);
    for (QueryPattern p : patterns) {
      for (short s : p.root().symbols) {
        int i = Short.toUnsignedInt(s);
        if (index.get(i) == null) index.set(i, new ArrayList<>());
        index.get(i).add(p);
      }
    }
    bySymbol = new QueryPattern[symbols][];
    for (int i = 0; i < symbols; i++) {
      if (index.get(i) != null) bySymbol[i] = index.get(i).toArray(QueryPattern[]::new);
    }
  }

  /** Compiles a query; errors name the resource, line and column. */
  public static FlatQuery compile(TsLanguage language, String source, String resourceName) {
    return new FlatQuery(language, new Parser(language, source, resourceName).parseAll());
  }

  /** Every match in the tree, in preorder of the pattern roots. */
  public List<Match> run(ParsedTree tree) {
    FlatTree flat = tree.flat();
    List<Match> out = new ArrayList<>();
    List<Match.Capture> captures = new ArrayList<>();
    for (int node = 0, n = flat.size(); node < n; node++) {
      int symbol = Short.toUnsignedInt(flat.symbol(node));
      QueryPattern[] patterns = symbol < bySymbol.length ? bySymbol[symbol] : null; // ERROR is 65535
      if (patterns == null) continue;
      for (QueryPattern p : patterns) {
        NodePattern root = p.root();
        if (root.named != flat.isNamed(node)) continue;
        if (root.children.size() == 1) {
          // one match per child that matches, as tree-sitter gives
          NodePattern only = root.children.getFirst();
          for (int c = flat.firstChild(node); c >= 0; c = flat.nextSibling(c)) {
            captures.clear();
            if (childMatches(tree, flat, only, c, captures)) emit(tree, p, node, captures, out);
          }
        } else {
          captures.clear();
          if (matches(tree, flat, root, node, captures)) emit(tree, p, node, captures, out);
        }
      }
    }
    return out;
  }

  private static void emit(ParsedTree tree, QueryPattern p, int node, List<Match.Capture> captures, List<Match> out) {
    List<String> names = p.root().captures;
    for (int i = 0, n = names.size(); i < n; i++) captures.add(new Match.Capture(names.get(i), new SyntaxNode(tree, node)));
    // most matches a predicate rejects (calls by name), so it is asked before anything is copied
    if (!p.predicates().isEmpty() && !accepted(p.predicates(), captures)) return;
    Match m = Match.of(List.copyOf(captures));
    if (m != null) out.add(m);
  }

  /** A child pattern: its field, its node pattern, then its own captures. */
  private static boolean childMatches(ParsedTree tree, FlatTree flat, NodePattern child, int node,
      List<Match.Capture> captures) {
    if (child.field != 0 && flat.field(node) != child.field) return false;
    if (!matches(tree, flat, child, node, captures)) return false;
    List<String> names = child.captures;
    for (int i = 0, n = names.size(); i < n; i++) captures.add(new Match.Capture(names.get(i), new SyntaxNode(tree, node)));
    return true;
  }

  /** Whether {@code node} matches {@code np} and its child patterns (in order, gaps allowed). */
  private static boolean matches(ParsedTree tree, FlatTree flat, NodePattern np, int node,
      List<Match.Capture> captures) {
    if (!typeMatches(flat, np, node)) return false;
    int from = flat.firstChild(node);
    List<NodePattern> children = np.children;
    for (int i = 0, n = children.size(); i < n; i++) {
      NodePattern child = children.get(i);
      int found = -1;
      for (int c = from; c >= 0; c = flat.nextSibling(c)) {
        int mark = captures.size();
        if (childMatches(tree, flat, child, c, captures)) {
          found = c;
          break;
        }
        while (captures.size() > mark) captures.removeLast();
      }
      if (found < 0) return false;
      from = flat.nextSibling(found);
    }
    return true;
  }

  private static boolean typeMatches(FlatTree flat, NodePattern np, int node) {
    if (np.named != flat.isNamed(node)) return false;
    if (np.wildcard()) return true;
    short s = flat.symbol(node);
    for (short x : np.symbols) {
      if (x == s) return true;
    }
    return false;
  }

  private static boolean accepted(List<Predicate> predicates, List<Match.Capture> captures) {
    for (int i = 0, n = predicates.size(); i < n; i++) {
      Predicate p = predicates.get(i);
      SyntaxNode node = node(captures, p.capture());
      if (node == null) continue;
      boolean ok;
      if (p.regex() != null) {
        ok = p.regex().matcher(node.getText()).find();
      } else if (p.otherCapture() != null) {
        SyntaxNode other = node(captures, p.otherCapture());
        ok = other != null && node.getText().equals(other.getText());
      } else {
        // most names a predicate is asked about (every method called) have none of its values' lengths
        ok = (p.lengths() & Predicate.lengthBit(node.getEndByte() - node.getStartByte())) != 0
            && p.values().contains(node.getText());
      }
      if (ok == p.negated()) return false;
    }
    return true;
  }

  private static @Nullable SyntaxNode node(List<Match.Capture> captures, String name) {
    for (int i = 0, n = captures.size(); i < n; i++) {
      Match.Capture c = captures.get(i);
      if (c.name().equals(name)) return c.node();
    }
    return null;
  }

  // ---- parsing the S-expressions ---------------------------------------------------------------

  private static final class Parser {
    final TsLanguage language;
    final String src;
    final String resource;
    int pos;

    Parser(TsLanguage language, String src, String resource) {
      this.language = language;
      this.src = src;
      this.resource = resource;
    }

    List<QueryPattern> parseAll() {
      List<QueryPattern> out = new ArrayList<>();
      while (true) {
        skip();
        if (pos >= src.length()) return out;
        expect('(');
        skip();
        List<Predicate> predicates = new ArrayList<>();
        NodePattern root;
        if (peek() == '(') { // a group: ((pattern) predicates...)
          pos++;
          root = node((short) 0);
          while (true) {
            skip();
            if (peek() == ')') {
              pos++;
              break;
            }
            expect('(');
            predicates.add(predicate());
          }
          captures(root);
        } else {
          root = nodeBody((short) 0);
        }
        out.add(new QueryPattern(root, List.copyOf(predicates)));
      }
    }

    /** After '(' has been read. */
    NodePattern node(short field) {
      return nodeBody(field);
    }

    NodePattern nodeBody(short field) {
      skip();
      String type = word();
      if (type.isEmpty()) throw error("expected a node type");
      NodePattern np = new NodePattern(type, true, field);
      resolve(np);
      while (true) {
        skip();
        char c = peek();
        if (c == ')') {
          pos++;
          break;
        }
        np.children.add(child());
      }
      captures(np);
      return np;
    }

    NodePattern child() {
      skip();
      short field = 0;
      int save = pos;
      String w = word();
      if (!w.isEmpty() && peek() == ':') {
        pos++;
        field = language.fieldId(w);
        if (field == 0) throw error("unknown field '" + w + "'");
        skip();
      } else {
        pos = save;
      }
      char c = peek();
      if (c == '(') {
        pos++;
        skip();
        if (peek() == '#') throw error("predicates are only supported in a group: ((pattern) (#eq? ...))");
        return node(field);
      }
      if (c == '"') {
        String literal = string();
        NodePattern np = new NodePattern(literal, false, field);
        resolve(np);
        captures(np);
        return np;
      }
      throw error("unsupported query syntax '" + c + "' (quantifiers, alternations and anchors are not supported)");
    }

    void captures(NodePattern np) {
      while (true) {
        skip();
        if (peek() != '@') return;
        pos++;
        np.captures.add(word());
      }
    }

    Predicate predicate() {
      skip();
      if (peek() != '#') throw error("expected a predicate");
      pos++;
      String op = word();
      if (peek() == '?') pos++;
      skip();
      expect('@');
      String capture = word();
      List<String> values = new ArrayList<>();
      String other = null;
      while (true) {
        skip();
        char c = peek();
        if (c == ')') {
          pos++;
          break;
        }
        if (c == '@') {
          pos++;
          other = word();
        } else if (c == '"') {
          values.add(string());
        } else {
          throw error("unexpected '" + c + "' in predicate");
        }
      }
      boolean negated = op.startsWith("not-");
      String base = negated ? op.substring(4) : op;
      return switch (base) {
        case "eq", "any-of" -> Predicate.ofValues(capture, negated, other, values);
        case "match" -> new Predicate(capture, negated, null, Set.of(), Pattern.compile(values.getFirst()), 0);
        default -> throw error("predicate #" + op + "? is not supported");
      };
    }

    void resolve(NodePattern np) {
      if (np.wildcard()) return;
      List<Short> ids = new ArrayList<>();
      for (int s = 0; s < language.symbolCount(); s++) {
        if (language.symbolName((short) s).equals(np.type)) ids.add((short) s);
      }
      if (ids.isEmpty()) throw error("unknown node type '" + np.type + "'");
      np.symbols = new short[ids.size()];
      for (int i = 0; i < ids.size(); i++) np.symbols[i] = ids.get(i);
    }

    String word() {
      int start = pos;
      while (pos < src.length()) {
        char c = src.charAt(pos);
        if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') pos++;
        else break;
      }
      return src.substring(start, pos);
    }

    String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (pos < src.length() && src.charAt(pos) != '"') {
        char c = src.charAt(pos++);
        if (c == '\\' && pos < src.length()) {
          char e = src.charAt(pos++);
          sb.append(switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> e;
          });
        } else {
          sb.append(c);
        }
      }
      expect('"');
      return sb.toString();
    }

    char peek() {
      return pos < src.length() ? src.charAt(pos) : '\0';
    }

    void expect(char c) {
      skip();
      if (peek() != c) throw error("expected '" + c + "'");
      pos++;
    }

    void skip() {
      while (pos < src.length()) {
        char c = src.charAt(pos);
        if (c == ';') {
          while (pos < src.length() && src.charAt(pos) != '\n') pos++;
        } else if (Character.isWhitespace(c)) {
          pos++;
        } else {
          return;
        }
      }
    }

    IllegalStateException error(String message) {
      String before = src.substring(0, Math.min(pos, src.length()));
      int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
      int column = before.length() - before.lastIndexOf('\n');
      return new IllegalStateException("query " + resource + ":" + line + ":" + column + ": " + message
          + " (grammar " + language.name() + ")");
    }
  }
}
