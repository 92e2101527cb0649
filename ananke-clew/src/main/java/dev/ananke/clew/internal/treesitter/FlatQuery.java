package dev.ananke.clew.internal.treesitter;

import dev.ananke.clew.spi.Match;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
   * A predicate on the capture at {@code capture} (an index into the pattern's capture names).
   *
   * @param other the capture compared with, or -1 when the predicate compares with {@code values}
   * @param lengths the UTF-8 lengths of the {@code values}, a bit each (bit 63: 63 bytes or more), so
   *     that a node of another length is answered without reading its text
   */
  private record Predicate(int capture, boolean negated, int other, Set<String> values, @Nullable Pattern regex,
      long lengths) {

    static long lengthBit(int length) {
      return 1L << Math.min(length, 63);
    }
  }

  /**
   * A pattern with its capture names in the order a match captures them (each node's after its
   * children's, as tree-sitter's matching completes them) and the index of its main capture among
   * them, or -1: a pattern without one gives no matches.
   */
  private record QueryPattern(NodePattern root, List<Predicate> predicates, String[] captureNames, int main) {}

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

  /**
   * Every match in the tree, in document order: by the start of the main node, an enclosing node
   * before the nodes it contains, and otherwise in preorder of the pattern roots. (Matches are found
   * at their pattern's root, so a main capture below the root can come out of order; only then are
   * they sorted.)
   */
  public List<Match> run(ParsedTree tree) {
    FlatTree flat = tree.flat();
    Captured captured = new Captured(tree, flat);
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
            int mark = captured.size;
            if (captured.childMatches(only, c)) captured.emit(p, node, mark);
            else captured.size = mark;
          }
        } else {
          int mark = captured.size;
          if (captured.matches(root, node)) captured.emit(p, node, mark);
          else captured.size = mark;
        }
      }
    }
    if (!captured.ordered) captured.found.sort(DOCUMENT_ORDER);
    return captured.found;
  }

  private static final Comparator<Match> DOCUMENT_ORDER =
      Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed());

  /**
   * The nodes captured in one run, as a stack of tree indices: a match attempt pushes its
   * captures and pops them when it fails; a match keeps its slice. Growing the array leaves the
   * slices of earlier matches in the old one, which they still hold.
   */
  private static final class Captured {
    final ParsedTree tree;
    final FlatTree flat;
    int[] nodes = new int[256];
    int size;
    final List<Match> found = new ArrayList<>();
    /** Whether {@link #found} is in document order so far; the last one's main node. */
    boolean ordered = true;
    int lastStart = -1;
    int lastEnd;

    Captured(ParsedTree tree, FlatTree flat) {
      this.tree = tree;
      this.flat = flat;
    }

    void push(int node, int times) {
      if (size + times > nodes.length) nodes = Arrays.copyOf(nodes, Math.max(2 * nodes.length, size + times));
      for (int i = 0; i < times; i++) nodes[size++] = node;
    }

    /**
     * Adds the match of the captures since {@code mark} and the root's own, unless a predicate
     * rejects it (its captures are dropped then).
     */
    void emit(QueryPattern p, int node, int mark) {
      push(node, p.root().captures.size());
      // most matches a predicate rejects (calls by name), so it is asked before anything is made
      if (p.main() < 0 || !accepted(p.predicates(), mark)) {
        size = mark;
        return;
      }
      Match m = new Match(tree, p.captureNames(), nodes, mark, p.main());
      ordered &= m.start() > lastStart || (m.start() == lastStart && m.end() <= lastEnd);
      lastStart = m.start();
      lastEnd = m.end();
      found.add(m);
    }

    /** A child pattern: its field, its node pattern, then its own captures. */
    boolean childMatches(NodePattern child, int node) {
      if (child.field != 0 && flat.field(node) != child.field) return false;
      if (!matches(child, node)) return false;
      push(node, child.captures.size());
      return true;
    }

    /** Whether {@code node} matches {@code np} and its child patterns (in order, gaps allowed). */
    boolean matches(NodePattern np, int node) {
      if (!typeMatches(flat, np, node)) return false;
      int from = flat.firstChild(node);
      List<NodePattern> children = np.children;
      for (int i = 0, n = children.size(); i < n; i++) {
        NodePattern child = children.get(i);
        int hit = -1;
        for (int c = from; c >= 0; c = flat.nextSibling(c)) {
          int mark = size;
          if (childMatches(child, c)) {
            hit = c;
            break;
          }
          size = mark;
        }
        if (hit < 0) return false;
        from = flat.nextSibling(hit);
      }
      return true;
    }

    boolean accepted(List<Predicate> predicates, int mark) {
      for (int i = 0, n = predicates.size(); i < n; i++) {
        Predicate p = predicates.get(i);
        int node = nodes[mark + p.capture()];
        boolean ok;
        if (p.regex() != null) {
          ok = p.regex().matcher(text(node)).find();
        } else if (p.other() >= 0) {
          ok = text(node).equals(text(nodes[mark + p.other()]));
        } else {
          // most names a predicate is asked about (every method called) have none of its values' lengths
          ok = (p.lengths() & Predicate.lengthBit(flat.endByte(node) - flat.startByte(node))) != 0
              && p.values().contains(text(node));
        }
        if (ok == p.negated()) return false;
      }
      return true;
    }

    String text(int node) {
      return tree.text(flat.startByte(node), flat.endByte(node));
    }
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
        int patternStart = pos;
        expect('(');
        skip();
        List<PredicateSource> predicates = new ArrayList<>();
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
        out.add(pattern(root, predicates, patternStart));
      }
    }

    /** The pattern with its capture order, main capture and predicates resolved to capture indices. */
    QueryPattern pattern(NodePattern root, List<PredicateSource> sources, int patternStart) {
      List<String> names = new ArrayList<>();
      captureOrder(root, names);
      int main = -1;
      for (int i = 0; i < names.size() && main < 0; i++) {
        String n = names.get(i);
        if (n.indexOf('.') < 0 && !n.startsWith("_")) main = i;
      }
      List<Predicate> predicates = new ArrayList<>();
      for (PredicateSource ps : sources) {
        int capture = names.indexOf(ps.capture());
        int other = ps.other() == null ? -1 : names.indexOf(ps.other());
        if (capture < 0 || (ps.other() != null && other < 0)) {
          throw errorAt(ps.at(), "the predicate names @" + (capture < 0 ? ps.capture() : ps.other())
              + ", which its pattern does not capture");
        }
        predicates.add(ps.regex() != null
            ? new Predicate(capture, ps.negated(), -1, Set.of(), ps.regex(), 0)
            : new Predicate(capture, ps.negated(), other, Set.copyOf(ps.values()), null, lengthBits(ps.values())));
      }
      if (names.isEmpty()) {
        throw errorAt(patternStart, "the pattern captures nothing, so it can give no match");
      }
      return new QueryPattern(root, List.copyOf(predicates), names.toArray(String[]::new), main);
    }

    /** The order a match captures in: each node's captures after its children's. */
    static void captureOrder(NodePattern np, List<String> out) {
      for (NodePattern child : np.children) captureOrder(child, out);
      out.addAll(np.captures);
    }

    static long lengthBits(List<String> values) {
      long bits = 0;
      for (String v : values) bits |= Predicate.lengthBit(v.getBytes(StandardCharsets.UTF_8).length);
      return bits;
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
        // interned: extractors switch on a match's name, and equals then answers by identity
        np.captures.add(word().intern());
      }
    }

    /** A predicate as written: its captures by name, resolved once the whole pattern is read. */
    record PredicateSource(int at, String capture, boolean negated, @Nullable String other, List<String> values,
        @Nullable Pattern regex) {}

    PredicateSource predicate() {
      skip();
      int at = pos;
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
        case "eq", "any-of" -> {
          if (values.isEmpty() == (other == null)) {
            throw errorAt(at, "#" + op + "? compares a capture with strings or with one other capture");
          }
          yield new PredicateSource(at, capture, negated, other, values, null);
        }
        case "match" -> {
          if (values.size() != 1 || other != null) throw errorAt(at, "#" + op + "? takes a capture and one regex");
          yield new PredicateSource(at, capture, negated, null, List.of(), Pattern.compile(values.getFirst()));
        }
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

    IllegalStateException errorAt(int at, String message) {
      pos = at;
      return error(message);
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
