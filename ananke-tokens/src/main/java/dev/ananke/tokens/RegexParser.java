package dev.ananke.tokens;

import dev.ananke.core.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/*
 * A recursive-descent parser for the regex dialect code constraints need, with java.util.regex's
 * meaning wherever the two overlap (the property tests compare them):
 *   alternation |, groups ( ) (?: ) (?<name> ), classes [...] [^...] with ranges and escapes,
 *   . (any character but \n), \d \w \s (ASCII, as Java's defaults) and their negations,
 *   \p{..} \P{..} (any property Java knows), \t \n \r \f \e \a \xhh \x{h..} \\u followed by 4 hex digits \0ooo \Q..\E,
 *   quantifiers ? * + {m} {m,} {m,n}, lazy forms (same language under full match).
 * The whole pattern must match the whole input, so ^ at the start and $ at the end are accepted
 * as no-ops. Lookarounds, backreferences, word boundaries, possessive quantifiers and inline flags
 * are rejected: they are not regular, or change meaning in ways a DFA over bytes cannot follow.
 * Characters are code points; every character class is compiled to UTF-8 byte sequences here.
 */
final class RegexParser {
  private static final Map<String, CodePointSet> PROPERTIES = new ConcurrentHashMap<>();

  private final String src;
  private final RegexLimits limits;
  private int pos;

  private RegexParser(String src, RegexLimits limits) {
    this.src = src;
    this.limits = limits;
  }

  static RegexNode parse(String pattern, RegexLimits limits) {
    RegexParser p = new RegexParser(pattern, limits);
    RegexNode node = p.alternation();
    if (p.pos < pattern.length()) throw p.error(p.pos, "unmatched ')'");
    return node;
  }

  private BadInputException error(int at, String what) {
    return new BadInputException("regex at position " + at,
        what + "\n  " + src + "\n  " + " ".repeat(Math.max(0, at)) + "^");
  }

  private boolean more() {
    return pos < src.length();
  }

  private int peek() {
    return src.codePointAt(pos);
  }

  private int next() {
    int c = src.codePointAt(pos);
    pos += Character.charCount(c);
    return c;
  }

  private boolean lookingAt(String s) {
    return src.startsWith(s, pos);
  }

  private RegexNode alternation() {
    List<RegexNode> options = new ArrayList<>();
    options.add(sequence());
    while (more() && peek() == '|') {
      pos++;
      options.add(sequence());
    }
    return options.size() == 1 ? options.getFirst() : new RegexNode.Alt(List.copyOf(options));
  }

  private RegexNode sequence() {
    List<RegexNode> items = new ArrayList<>();
    while (more() && peek() != '|' && peek() != ')') {
      int start = pos;
      RegexNode atom = atom();
      items.add(quantified(atom, start));
    }
    return items.size() == 1 ? items.getFirst() : new RegexNode.Seq(List.copyOf(items));
  }

  private RegexNode quantified(RegexNode atom, int atomStart) {
    boolean quantified = false;
    while (more()) {
      int at = pos;
      int c = peek();
      int min;
      int max;
      if (c == '?' || c == '*' || c == '+') {
        pos++;
        min = c == '+' ? 1 : 0;
        max = c == '?' ? 1 : -1;
      } else if (c == '{') {
        int[] mm = counts();
        min = mm[0];
        max = mm[1];
      } else {
        break;
      }
      if (quantified) throw error(at, "nothing to repeat: a quantifier cannot follow another quantifier");
      quantified = true;
      if (more() && peek() == '?') {
        pos++; // lazy: the same language under full-match semantics
      } else if (more() && peek() == '+') {
        throw error(pos, "possessive quantifiers are not supported");
      }
      atom = new RegexNode.Repeat(atom, min, max);
    }
    return atom;
  }

  private int[] counts() {
    int open = pos;
    pos++; // '{'
    int min = number(open);
    int max = min;
    if (more() && peek() == ',') {
      pos++;
      max = more() && peek() == '}' ? -1 : number(open);
    }
    if (!more() || peek() != '}') throw error(open, "malformed repetition: expected {m}, {m,} or {m,n}");
    pos++;
    if (max != -1 && max < min) throw error(open, "repetition {" + min + "," + max + "} has max below min");
    if (min > limits.maxRepeat() || max > limits.maxRepeat()) {
      throw error(open, "repetition count above the limit of " + limits.maxRepeat());
    }
    return new int[] {min, max};
  }

  private int number(int open) {
    int start = pos;
    while (more() && peek() >= '0' && peek() <= '9') pos++;
    if (pos == start) throw error(open, "malformed repetition: expected {m}, {m,} or {m,n}");
    if (pos - start > 6) throw error(start, "repetition count above the limit of " + limits.maxRepeat());
    return Integer.parseInt(src.substring(start, pos));
  }

  private RegexNode atom() {
    int at = pos;
    int c = next();
    switch (c) {
      case '(' -> {
        return group(at);
      }
      case '[' -> {
        return set(klass(at));
      }
      case '.' -> {
        return set(new CodePointSet().add('\n', '\n').complement());
      }
      case '\\' -> {
        return escape(at);
      }
      case '^' -> {
        if (at != 0) throw error(at, "anchor '^' is only supported at the start of the pattern (the whole input must match)");
        return RegexNode.EMPTY_STRING;
      }
      case '$' -> {
        if (pos != src.length()) throw error(at, "anchor '$' is only supported at the end of the pattern (the whole input must match)");
        return RegexNode.EMPTY_STRING;
      }
      case '*', '+', '?' -> throw error(at, "nothing to repeat before '" + Character.toString(c) + "'");
      case '{' -> throw error(at, "nothing to repeat before '{' (write \\{ for a literal brace)");
      default -> {
        return literal(c);
      }
    }
  }

  private RegexNode group(int open) {
    if (lookingAt("?:")) {
      pos += 2;
    } else if (lookingAt("?=") || lookingAt("?!")) {
      throw error(open, "lookahead is not supported: a token mask needs a regular language");
    } else if (lookingAt("?<=") || lookingAt("?<!")) {
      throw error(open, "lookbehind is not supported: a token mask needs a regular language");
    } else if (lookingAt("?<")) {
      int close = src.indexOf('>', pos);
      if (close < 0) throw error(open, "unterminated group name");
      pos = close + 1;
    } else if (lookingAt("?>")) {
      throw error(open, "atomic groups are not supported");
    } else if (lookingAt("?")) {
      throw error(open, "inline flags and other (?...) constructs are not supported");
    }
    RegexNode inner = alternation();
    if (!more() || peek() != ')') throw error(open, "missing ')' for this '('");
    pos++;
    return inner;
  }

  private static RegexNode literal(int cp) {
    byte[] b = CodePointSet.encode(cp);
    if (b.length == 1) return RegexNode.Bytes.of(b[0] & 0xFF);
    List<RegexNode> seq = new ArrayList<>(b.length);
    for (byte x : b) seq.add(RegexNode.Bytes.of(x & 0xFF));
    return new RegexNode.Seq(List.copyOf(seq));
  }

  private static RegexNode set(CodePointSet s) {
    return s.toUtf8();
  }

  private RegexNode escape(int at) {
    if (!more()) throw error(at, "trailing backslash");
    if (peek() == 'Q') {
      pos++;
      int end = src.indexOf("\\E", pos);
      String quoted = end < 0 ? src.substring(pos) : src.substring(pos, end);
      pos = end < 0 ? src.length() : end + 2;
      List<RegexNode> seq = new ArrayList<>();
      quoted.codePoints().forEach(cp -> seq.add(literal(cp)));
      return new RegexNode.Seq(List.copyOf(seq));
    }
    CodePointSet cls = classEscape(at);
    if (cls != null) return set(cls);
    return literal(charEscape(at));
  }

  /** \d \w \s and friends; null when the escape is not a class. */
  private CodePointSet classEscape(int at) {
    int c = peek();
    CodePointSet s;
    switch (c) {
      case 'd', 'D' -> s = new CodePointSet().add('0', '9');
      case 'w', 'W' -> s = new CodePointSet().add('a', 'z').add('A', 'Z').add('0', '9').add('_', '_');
      case 's', 'S' -> s = new CodePointSet().add(' ', ' ').add('\t', '\r'); // \t \n \x0B \f \r
      case 'p', 'P' -> {
        pos++;
        return property(at, c == 'P');
      }
      default -> {
        return null;
      }
    }
    pos++;
    return Character.isUpperCase(c) ? s.complement() : s;
  }

  private CodePointSet property(int at, boolean negate) {
    String name;
    if (more() && peek() == '{') {
      int close = src.indexOf('}', pos);
      if (close < 0) throw error(at, "unterminated \\p{...}");
      name = src.substring(pos + 1, close);
      pos = close + 1;
    } else if (more()) {
      name = Character.toString(next());
    } else {
      throw error(at, "expected a property name after \\p");
    }
    CodePointSet s = PROPERTIES.computeIfAbsent(name, RegexParser::scanProperty);
    if (s == null) throw error(at, "unknown Unicode property '" + name + "'");
    return negate ? new CodePointSet().addAll(s).complement() : s;
  }

  /** Evaluates a property with java.util.regex over every scalar value once, then caches it. */
  private static CodePointSet scanProperty(String name) {
    Pattern p;
    try {
      p = Pattern.compile("\\p{" + name + "}");
    } catch (PatternSyntaxException e) {
      return null;
    }
    var m = p.matcher("");
    CodePointSet s = new CodePointSet();
    int start = -1;
    for (int cp = 0; cp <= CodePointSet.MAX + 1; cp++) {
      boolean in = cp <= CodePointSet.MAX && (cp < 0xD800 || cp > 0xDFFF)
          && m.reset(Character.toString(cp)).matches();
      if (in && start < 0) start = cp;
      if (!in && start >= 0) {
        s.add(start, cp - 1);
        start = -1;
      }
    }
    return s;
  }

  /** A single-character escape; consumes it. */
  private int charEscape(int at) {
    int c = next();
    switch (c) {
      case 't': return '\t';
      case 'n': return '\n';
      case 'r': return '\r';
      case 'f': return '\f';
      case 'e': return 0x1B;
      case 'a': return 0x07;
      case '0': {
        int v = 0;
        int digits = 0;
        while (digits < 3 && more() && peek() >= '0' && peek() <= '7' && v * 8 + (peek() - '0') <= 0377) {
          v = v * 8 + (next() - '0');
          digits++;
        }
        if (digits == 0) throw error(at, "expected octal digits after \\0");
        return v;
      }
      case 'x': {
        if (more() && peek() == '{') {
          int close = src.indexOf('}', pos);
          if (close < 0) throw error(at, "unterminated \\x{...}");
          int v = hex(at, src.substring(pos + 1, close));
          pos = close + 1;
          return v;
        }
        if (pos + 2 > src.length()) throw error(at, "expected two hex digits after \\x");
        int v = hex(at, src.substring(pos, pos + 2));
        pos += 2;
        return v;
      }
      case 'u': {
        if (pos + 4 > src.length()) throw error(at, "expected four hex digits after \\u");
        int v = hex(at, src.substring(pos, pos + 4));
        pos += 4;
        if (Character.isHighSurrogate((char) v) && lookingAt("\\u") && pos + 6 <= src.length()) {
          int lo = hex(at, src.substring(pos + 2, pos + 6));
          if (Character.isLowSurrogate((char) lo)) {
            pos += 6;
            return Character.toCodePoint((char) v, (char) lo);
          }
        }
        if (v >= 0xD800 && v <= 0xDFFF) throw error(at, "a lone surrogate cannot be encoded in UTF-8");
        return v;
      }
      case 'b', 'B', 'A', 'z', 'Z', 'G':
        throw error(at, "anchor \\" + Character.toString(c) + " is not supported (full-match semantics only)");
      case 'k', '1', '2', '3', '4', '5', '6', '7', '8', '9':
        throw error(at, "backreferences are not supported: a token mask needs a regular language");
      case 'c', 'R', 'X', 'h', 'H', 'v', 'V', 'N':
        throw error(at, "escape \\" + Character.toString(c) + " is not supported");
      default:
        if (Character.isLetterOrDigit(c)) throw error(at, "unknown escape \\" + Character.toString(c));
        return c;
    }
  }

  private int hex(int at, String digits) {
    try {
      int v = Integer.parseInt(digits, 16);
      if (digits.isEmpty() || v > CodePointSet.MAX || digits.startsWith("-") || digits.startsWith("+")) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw error(at, "invalid hex escape '" + digits + "'");
    }
  }

  private CodePointSet klass(int open) {
    boolean negate = false;
    if (more() && peek() == '^') {
      negate = true;
      pos++;
    }
    CodePointSet s = new CodePointSet();
    boolean first = true;
    while (true) {
      if (!more()) throw error(open, "unclosed character class");
      int at = pos;
      int c = peek();
      if (c == ']') {
        if (first) throw error(at, "empty character class (write \\] for a literal ']')");
        pos++;
        break;
      }
      first = false;
      if (c == '[') throw error(at, "nested character classes are not supported (write \\[ for a literal '[')");
      if (lookingAt("&&")) throw error(at, "character class intersection '&&' is not supported");
      int lo;
      if (c == '\\') {
        pos++;
        if (!more()) throw error(at, "trailing backslash");
        CodePointSet cls = classEscape(at);
        if (cls != null) {
          s.addAll(cls);
          continue;
        }
        lo = charEscape(at);
      } else {
        lo = next();
      }
      if (more() && peek() == '-' && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
        pos++;
        int hiAt = pos;
        int hi;
        if (peek() == '\\') {
          pos++;
          if (!more()) throw error(hiAt, "trailing backslash");
          if (classEscape(hiAt) != null) throw error(hiAt, "a class escape cannot end a range");
          hi = charEscape(hiAt);
        } else if (peek() == '[') {
          throw error(hiAt, "nested character classes are not supported");
        } else {
          hi = next();
        }
        if (hi < lo) throw error(at, "invalid range: '" + Character.toString(hi) + "' is below '" + Character.toString(lo) + "'");
        s.add(lo, hi);
      } else {
        s.add(lo, lo);
      }
    }
    return negate ? s.complement() : s;
  }
}
