package dev.ananke.braid.conflict;

import dev.ananke.braid.graph.Languages;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.payload.AsyncIdiom;
import dev.ananke.core.payload.ErrorHandlingIdiom;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.OperationalBound;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.ParseError;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.RequiredPattern;
import dev.ananke.core.payload.TypeBound;
import dev.ananke.core.payload.TypeDeclaration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/*
 * One pass over the set sorts constraints into the few buckets a check needs; each check then
 * looks only at its buckets, so a set with no HARD naming convention, no required pattern and no
 * literal forbidden pattern (what extraction produces) costs one pass and a map of signature
 * names. Scopes are those of the constraint graph: a constraint applies in its origin file, an
 * origin-less one everywhere; two constraints can only conflict where their scopes overlap.
 */
final class Detector {
  /** Languages where one name can declare several functions in one scope in valid code. */
  private static final List<String> OVERLOADING = List.of("java", "typescript", "tsx", "javascript", "python", "rust");
  /** A literal that declares a name: {@code function getUser(}, {@code class UserStore}, {@code func (s *S) Get(}. */
  private static final Pattern DECLARES = Pattern.compile(
      "\\b(function|def|fn|func|class|interface|struct|enum|trait|record|type)\\s+(?:\\([^)]*\\)\\s*)?([A-Za-z_$][A-Za-z0-9_$]*)");

  private final List<Constraint> cs;
  private final int n;
  private final @Nullable String[] files;
  private final @Nullable String[] langs;
  private final boolean[] langKnown;
  final List<Conflict> conflicts = new ArrayList<>();
  final List<Unchecked> unchecked = new ArrayList<>();

  private final Ints hardNaming = new Ints();
  private final Ints hardSignatures = new Ints();
  private final Ints hardTypes = new Ints();
  private final Ints required = new Ints();
  private final Ints forbidden = new Ints();
  private final Ints forbiddenLiterals = new Ints();
  private final Ints imports = new Ints();
  private final Ints typeBounds = new Ints();
  private final Ints operational = new Ints();

  Detector(ConstraintSet set) {
    this.cs = set.constraints();
    this.n = cs.size();
    this.files = new String[n];
    this.langs = new String[n];
    this.langKnown = new boolean[n];
  }

  Detector run() {
    for (int i = 0; i < n; i++) {
      Constraint c = cs.get(i);
      files[i] = c.origin() == null ? null : c.origin().file();
      boolean hard = c.isHard();
      switch (c.payload()) {
        case NamingConvention _ -> { if (hard) hardNaming.add(i); }
        case FunctionSignature _ -> { if (hard) hardSignatures.add(i); }
        case TypeDeclaration _ -> { if (hard) hardTypes.add(i); }
        case RequiredPattern _ -> required.add(i);
        case ForbiddenPattern f -> {
          forbidden.add(i);
          if (f.syntax() == PatternSyntax.LITERAL) forbiddenLiterals.add(i);
        }
        case ImportSet _ -> imports.add(i);
        case TypeBound _ -> typeBounds.add(i);
        case OperationalBound _ -> operational.add(i);
        case ErrorHandlingIdiom _ -> {}
        case AsyncIdiom _ -> {}
        case ParseError _ -> {}
      }
    }
    if (hardNaming.size > 0) {
      for (int k = 0; k < hardNaming.size; k++) lang(hardNaming.get(k));
      names();
      conventions();
    }
    signatures();
    requiredAndForbidden();
    typeBounds();
    bounds();
    // Each check runs in a fixed order over the set; a stable sort by kind groups them and
    // keeps that order within a kind, so the report is a function of the set.
    if (conflicts.size() > 1) conflicts.sort(Comparator.comparing(Conflict::kind));
    return this;
  }

  // ---- NAME_BREAKS_CONVENTION ----------------------------------------------------------------

  private void names() {
    for (int k = 0; k < hardSignatures.size; k++) {
      int i = hardSignatures.get(k);
      FunctionSignature f = (FunctionSignature) cs.get(i).payload();
      // A constructor carries its class's name (Java), whatever the convention for functions says.
      if (f.name().equals(f.enclosingType())) continue;
      checkName(i, "function", f.name(), IdentifierCategory.FUNCTION);
    }
    for (int k = 0; k < hardTypes.size; k++) {
      int i = hardTypes.get(k);
      checkName(i, "type", ((TypeDeclaration) cs.get(i).payload()).name(), IdentifierCategory.TYPE);
    }
    for (int k = 0; k < required.size; k++) {
      int i = required.get(k);
      RequiredPattern r = (RequiredPattern) cs.get(i).payload();
      if (!cs.get(i).isHard() || r.syntax() != PatternSyntax.LITERAL) continue;
      for (Declared d : declared(r.pattern())) {
        checkName(i, d.category() == IdentifierCategory.FUNCTION ? "function" : "type", d.name(), d.category());
      }
    }
  }

  private record ForbiddenKey(String pattern, PatternSyntax syntax) {}

  record Declared(IdentifierCategory category, String name) {}

  private static final Map<String, List<Declared>> DECLARED = new ConcurrentHashMap<>();

  /** The names a required literal declares; cached per literal, since rules recur. */
  static List<Declared> declared(String literal) {
    List<Declared> out = DECLARED.get(literal);
    if (out != null) return out;
    List<Declared> found = new ArrayList<>(1);
    Matcher m = DECLARES.matcher(literal);
    while (m.find()) {
      boolean function = switch (m.group(1)) {
        case "function", "def", "fn", "func" -> true;
        default -> false;
      };
      found.add(new Declared(function ? IdentifierCategory.FUNCTION : IdentifierCategory.TYPE, m.group(2)));
    }
    out = List.copyOf(found);
    if (DECLARED.size() >= 1024) DECLARED.clear();
    DECLARED.put(literal, out);
    return out;
  }

  /*
   * The language of the name comes from its origin file; that of the convention from its name
   * (naming.<language>.<category>), else its file. A convention of unknown language applies to
   * every language. A name of unknown language (hand-written, origin-less) is checked against
   * the conventions of its category when they agree on one language, and reported unchecked
   * when they do not: a repository with camelCase TypeScript and snake_case Python gives no
   * answer for a function that could be in either.
   */
  private void checkName(int i, String what, String name, IdentifierCategory category) {
    String lang = lang(i);
    TreeSet<String> languages = null;
    if (lang == null) {
      for (int k = 0; k < hardNaming.size; k++) {
        int c = hardNaming.get(k);
        if (category(c) == category && overlap(i, c) && langs[c] != null) {
          if (languages == null) languages = new TreeSet<>();
          languages.add(langs[c]);
        }
      }
      if (languages != null && languages.size() > 1) {
        unchecked.add(new Unchecked(List.of(cs.get(i).id()),
            what + " " + name + " has no origin, so its language is unknown, and HARD " + lower(category.name())
                + " naming conventions differ between " + String.join(", ", languages)));
        languages = null; // still check conventions that apply to every language
      }
    }
    int checked = 0; // bit per style: the name was checked against it
    int follows = 0; // bit per style: the name follows it (a set often repeats one convention)
    for (int k = 0; k < hardNaming.size; k++) {
      int c = hardNaming.get(k);
      if (category(c) != category || !overlap(i, c)) continue;
      String cl = langs[c];
      boolean applies = cl == null || cl.equals(lang) || (lang == null && languages != null);
      if (!applies) continue;
      NamingStyle style = ((NamingConvention) cs.get(c).payload()).style();
      int bit = 1 << style.ordinal();
      if ((checked & bit) == 0) {
        checked |= bit;
        if (Patterns.follows(style, name)) follows |= bit;
      }
      if ((follows & bit) != 0) continue;
      conflicts.add(new Conflict(Conflict.Kind.NAME_BREAKS_CONVENTION, ordered(i, c),
          what + " " + name + " is required by '" + cs.get(i).name() + "'" + where(i) + ", but '" + cs.get(c).name()
              + "' requires " + (cl == null ? "" : cl + " ") + lower(category.name()) + " names in " + styleName(style)
              + " (" + style.regex() + ")"));
    }
  }

  // ---- EMPTY_INTERSECTION --------------------------------------------------------------------

  /* Two HARD conventions of one category and language hold over the same names. */
  private void conventions() {
    for (int a = 0; a < hardNaming.size; a++) {
      for (int b = a + 1; b < hardNaming.size; b++) {
        int i = hardNaming.get(a);
        int j = hardNaming.get(b);
        NamingConvention x = (NamingConvention) cs.get(i).payload();
        NamingConvention y = (NamingConvention) cs.get(j).payload();
        if (x.category() != y.category() || !overlap(i, j)) continue;
        String li = lang(i);
        String lj = lang(j);
        if (li != null && lj != null && !li.equals(lj)) continue;
        if (!Patterns.disjoint(x.style(), y.style())) continue;
        String lang = li != null ? li + " " : lj != null ? lj + " " : "";
        conflicts.add(new Conflict(Conflict.Kind.EMPTY_INTERSECTION, List.of(cs.get(i).id(), cs.get(j).id()),
            "no " + lang + lower(x.category().name()) + " name is both " + styleName(x.style()) + " (" + x.style().regex()
                + ", '" + cs.get(i).name() + "') and " + styleName(y.style()) + " (" + y.style().regex() + ", '"
                + cs.get(j).name() + "')"));
      }
    }
  }

  // ---- SIGNATURE_MISMATCH --------------------------------------------------------------------

  /*
   * Two HARD signatures of one name and enclosing type in overlapping scopes that differ in
   * parameters (names, types, optionality), return type or async. Exception: when both were
   * read from source (signature text present) in a language where one name can declare several
   * functions (Java and TypeScript overloads, Python property setters and @overload, Rust trait
   * impls), the code they came from compiles, so they are overloads, not a contradiction. Go and
   * Zig have no overloading; and a hand-written signature is always a requirement for the one
   * function of that name.
   */
  private void signatures() {
    if (hardSignatures.size < 2) return;
    Map<String, Object> byName = HashMap.newHashMap(hardSignatures.size);
    for (int k = 0; k < hardSignatures.size; k++) {
      int i = hardSignatures.get(k);
      String name = ((FunctionSignature) cs.get(i).payload()).name();
      Object prev = byName.putIfAbsent(name, i);
      if (prev == null) continue;
      Ints group;
      if (prev instanceof Ints g) {
        group = g;
      } else {
        group = new Ints();
        group.add((Integer) prev);
        byName.put(name, group);
      }
      group.add(i);
    }
    for (Object v : byName.values()) {
      if (!(v instanceof Ints group)) continue;
      for (int a = 0; a < group.size; a++) {
        for (int b = a + 1; b < group.size; b++) signaturePair(group.get(a), group.get(b));
      }
    }
  }

  private void signaturePair(int i, int j) {
    FunctionSignature x = (FunctionSignature) cs.get(i).payload();
    FunctionSignature y = (FunctionSignature) cs.get(j).payload();
    if (!Objects.equals(x.enclosingType(), y.enclosingType()) || !overlap(i, j)) return;
    String diff = difference(x, y);
    if (diff == null) return;
    if (x.signature() != null && y.signature() != null) {
      String lang = Languages.of(cs.get(i));
      String other = Languages.of(cs.get(j));
      if (lang == null) lang = other;
      if (lang != null && OVERLOADING.contains(lang)) return;
    }
    String owner = x.enclosingType() == null ? "" : x.enclosingType() + ".";
    conflicts.add(new Conflict(Conflict.Kind.SIGNATURE_MISMATCH, List.of(cs.get(i).id(), cs.get(j).id()),
        "two different signatures are required for " + owner + x.name() + ": " + render(x) + " ('" + cs.get(i).name() + "'"
            + where(i) + ") and " + render(y) + " ('" + cs.get(j).name() + "'" + where(j) + "); " + diff + " differ"));
  }

  private static @Nullable String difference(FunctionSignature x, FunctionSignature y) {
    List<String> parts = new ArrayList<>(3);
    if (!sameParameters(x.parameters(), y.parameters())) parts.add("parameters");
    if (!sameType(x.returnType(), y.returnType())) parts.add("return types");
    if (x.async() != y.async()) parts.add("async");
    return parts.isEmpty() ? null : String.join(" and ", parts);
  }

  private static boolean sameParameters(List<Parameter> a, List<Parameter> b) {
    if (a.size() != b.size()) return false;
    for (int k = 0; k < a.size(); k++) {
      Parameter p = a.get(k);
      Parameter q = b.get(k);
      if (!p.name().equals(q.name()) || p.optional() != q.optional() || p.variadic() != q.variadic()
          || !sameType(p.type(), q.type())) {
        return false;
      }
    }
    return true;
  }

  /** Type texts equal but for white space ({@code Map<K,V>} is {@code Map<K, V>}). */
  private static boolean sameType(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) return a == b;
    if (a.equals(b)) return true;
    int i = 0;
    int j = 0;
    while (true) {
      while (i < a.length() && Character.isWhitespace(a.charAt(i))) i++;
      while (j < b.length() && Character.isWhitespace(b.charAt(j))) j++;
      if (i == a.length() || j == b.length()) return i == a.length() && j == b.length();
      if (a.charAt(i++) != b.charAt(j++)) return false;
    }
  }

  private static String render(FunctionSignature f) {
    StringBuilder sb = new StringBuilder();
    if (f.async()) sb.append("async ");
    sb.append(f.name()).append('(');
    for (int k = 0; k < f.parameters().size(); k++) {
      Parameter p = f.parameters().get(k);
      if (k > 0) sb.append(", ");
      if (p.variadic()) sb.append("...");
      sb.append(p.name());
      if (p.optional()) sb.append('?');
      if (p.type() != null) sb.append(": ").append(p.type());
    }
    sb.append(')');
    if (f.returnType() != null) sb.append(": ").append(f.returnType());
    return sb.toString();
  }

  // ---- REQUIRED_AND_FORBIDDEN ----------------------------------------------------------------

  private void requiredAndForbidden() {
    if (required.size > 0 && forbidden.size > 0) {
      // A set repeats a forbidden pattern in every file it was found in: decide each distinct
      // (pattern, syntax) once per required pattern, then apply the answer to every copy.
      Map<ForbiddenKey, Ints> distinct = new LinkedHashMap<>();
      for (int b = 0; b < forbidden.size; b++) {
        int j = forbidden.get(b);
        ForbiddenPattern f = (ForbiddenPattern) cs.get(j).payload();
        distinct.computeIfAbsent(new ForbiddenKey(f.pattern(), f.syntax()), k -> new Ints()).add(j);
      }
      for (int a = 0; a < required.size; a++) {
        int i = required.get(a);
        RequiredPattern r = (RequiredPattern) cs.get(i).payload();
        for (Ints copies : distinct.values()) {
          Patterns.Answer answer = null;
          for (int b = 0; b < copies.size; b++) {
            int j = copies.get(b);
            if (!overlap(i, j)) continue;
            ForbiddenPattern f = (ForbiddenPattern) cs.get(j).payload();
            if (answer == null) answer = Patterns.alwaysContains(r, f);
            if (answer.unknown() != null) {
              unchecked.add(new Unchecked(ordered(i, j), "required pattern '" + cs.get(i).name() + "' against forbidden pattern '"
                  + cs.get(j).name() + "': " + answer.unknown()));
            } else if (answer.yes()) {
              conflicts.add(new Conflict(Conflict.Kind.REQUIRED_AND_FORBIDDEN, ordered(i, j),
                  "every text matching required " + show(r.pattern(), r.syntax()) + " ('" + cs.get(i).name() + "'" + where(i)
                      + ") contains forbidden " + show(f.pattern(), f.syntax()) + " ('" + cs.get(j).name() + "'" + where(j)
                      + ": " + f.reason() + ")"));
            }
          }
        }
      }
    }
    if (forbiddenLiterals.size == 0) return;
    Map<String, Ints> literals = new HashMap<>();
    for (int b = 0; b < forbiddenLiterals.size; b++) {
      int j = forbiddenLiterals.get(b);
      literals.computeIfAbsent(((ForbiddenPattern) cs.get(j).payload()).pattern(), k -> new Ints()).add(j);
    }
    for (int a = 0; a < imports.size; a++) {
      int i = imports.get(a);
      ImportSet s = (ImportSet) cs.get(i).payload();
      importClash(i, s.module(), "module " + s.module(), literals);
      for (String sym : s.symbols()) importClash(i, sym, sym + " from " + s.module(), literals);
    }
  }

  private void importClash(int i, String name, String what, Map<String, Ints> literals) {
    Ints hits = literals.get(name);
    if (hits == null) return;
    for (int b = 0; b < hits.size; b++) {
      int j = hits.get(b);
      if (!overlap(i, j)) continue;
      ForbiddenPattern f = (ForbiddenPattern) cs.get(j).payload();
      conflicts.add(new Conflict(Conflict.Kind.REQUIRED_AND_FORBIDDEN, ordered(i, j),
          "'" + cs.get(i).name() + "'" + where(i) + " imports " + what + ", which '" + cs.get(j).name() + "'" + where(j)
              + " forbids: " + f.reason()));
    }
  }

  /* A type required for a subject and forbidden for the same subject, or for all code (*). */
  private void typeBounds() {
    boolean anyRequired = false;
    for (int a = 0; a < typeBounds.size && !anyRequired; a++) {
      anyRequired = ((TypeBound) cs.get(typeBounds.get(a)).payload()).requiredType() != null;
    }
    if (!anyRequired) return; // the common case: bounds only forbid (no any)
    for (int a = 0; a < typeBounds.size; a++) {
      for (int b = a + 1; b < typeBounds.size; b++) {
        int i = typeBounds.get(a);
        int j = typeBounds.get(b);
        if (!overlap(i, j)) continue;
        TypeBound x = (TypeBound) cs.get(i).payload();
        TypeBound y = (TypeBound) cs.get(j).payload();
        if (!x.subject().equals(y.subject()) && !x.subject().equals("*") && !y.subject().equals("*")) continue;
        String why = requiredForbidden(i, x, j, y);
        if (why == null) why = requiredForbidden(j, y, i, x);
        if (why != null) conflicts.add(new Conflict(Conflict.Kind.REQUIRED_AND_FORBIDDEN, List.of(cs.get(i).id(), cs.get(j).id()), why));
      }
    }
  }

  private @Nullable String requiredForbidden(int i, TypeBound req, int j, TypeBound forb) {
    String t = req.requiredType();
    if (t == null) return null;
    for (String f : forb.forbiddenTypes()) {
      if (sameType(t, f)) {
        return "'" + cs.get(i).name() + "'" + where(i) + " requires type " + t + " for " + subject(req.subject())
            + ", which '" + cs.get(j).name() + "'" + where(j) + " forbids for " + subject(forb.subject());
      }
    }
    return null;
  }

  private static String subject(String s) {
    return s.equals("*") ? "all code" : s;
  }

  // ---- EMPTY_BOUNDS --------------------------------------------------------------------------

  /* Bounds of one metric and unit in overlapping scopes: every pair's ranges must meet. */
  private void bounds() {
    for (int a = 0; a < operational.size; a++) {
      for (int b = a + 1; b < operational.size; b++) {
        int i = operational.get(a);
        int j = operational.get(b);
        OperationalBound x = (OperationalBound) cs.get(i).payload();
        OperationalBound y = (OperationalBound) cs.get(j).payload();
        if (!x.metric().equals(y.metric()) || !x.unit().equals(y.unit()) || !overlap(i, j)) continue;
        String why = minAboveMax(i, x, j, y);
        if (why == null) why = minAboveMax(j, y, i, x);
        if (why != null) conflicts.add(new Conflict(Conflict.Kind.EMPTY_BOUNDS, List.of(cs.get(i).id(), cs.get(j).id()), why));
      }
    }
  }

  private @Nullable String minAboveMax(int i, OperationalBound lo, int j, OperationalBound hi) {
    if (lo.min() == null || hi.max() == null || lo.min() <= hi.max()) return null;
    return lo.metric() + " must be at least " + num(lo.min()) + " " + lo.unit() + " ('" + cs.get(i).name() + "'" + where(i)
        + ") and at most " + num(hi.max()) + " " + hi.unit() + " ('" + cs.get(j).name() + "'" + where(j) + ")";
  }

  private static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** The language of constraint i, computed once, and only for the constraints that need one. */
  private @Nullable String lang(int i) {
    if (!langKnown[i]) {
      Constraint c = cs.get(i);
      // The set is sorted by file: consecutive constraints mostly share one.
      langs[i] = i > 0 && langKnown[i - 1] && files[i] != null && files[i].equals(files[i - 1])
              && !(c.payload() instanceof NamingConvention) && !(cs.get(i - 1).payload() instanceof NamingConvention)
          ? langs[i - 1]
          : Languages.of(c);
      langKnown[i] = true;
    }
    return langs[i];
  }

  private IdentifierCategory category(int c) {
    return ((NamingConvention) cs.get(c).payload()).category();
  }

  private boolean overlap(int a, int b) {
    return files[a] == null || files[b] == null || files[a].equals(files[b]);
  }

  /** The ids of i and j in the set's order. */
  private List<String> ordered(int i, int j) {
    return i < j ? List.of(cs.get(i).id(), cs.get(j).id()) : List.of(cs.get(j).id(), cs.get(i).id());
  }

  private String where(int i) {
    Constraint c = cs.get(i);
    return c.origin() == null ? "" : " at " + c.origin();
  }

  private static String show(String pattern, PatternSyntax syntax) {
    return syntax == PatternSyntax.LITERAL ? "'" + pattern + "'" : "/" + pattern + "/";
  }

  private static String styleName(NamingStyle s) {
    return lower(s.name()).replace('_', ' ');
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** A growable int list: the buckets are small and hot, so no boxing. */
  static final class Ints {
    int[] a = new int[8];
    int size;

    void add(int v) {
      if (size == a.length) a = Arrays.copyOf(a, size * 2);
      a[size++] = v;
    }

    int get(int k) {
      return a[k];
    }
  }
}
