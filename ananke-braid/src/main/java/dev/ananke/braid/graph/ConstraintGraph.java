package dev.ananke.braid.graph;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.payload.AsyncIdiom;
import dev.ananke.core.payload.ErrorHandlingIdiom;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.OperationalBound;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.ParseError;
import dev.ananke.core.payload.RequiredPattern;
import dev.ananke.core.payload.TypeBound;
import dev.ananke.core.payload.TypeDeclaration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which constraint of a set uses which, and an order that puts what is used first.
 *
 * <p>Edges ({@link Edge}), from the payloads:
 *
 * <ul>
 *   <li>a {@link FunctionSignature} uses every {@link TypeDeclaration} whose name its parameter
 *       types, return type or type parameters mention as a whole word ({@code Promise<User[]>}
 *       mentions {@code User});
 *   <li>a {@link TypeDeclaration} uses the types its fields, supertypes, variants, type
 *       parameters and aliased type mention;
 *   <li>both use the {@link ImportSet}s of their file that bring in a mentioned symbol (or
 *       module alias);
 *   <li>{@link ErrorHandlingIdiom}, {@link AsyncIdiom}, {@link ForbiddenPattern} and {@link
 *       RequiredPattern} apply to the functions of their file; {@link NamingConvention}s to the
 *       functions (categories FUNCTION, PARAMETER, VARIABLE, CONSTANT) or types (TYPE, FIELD) of
 *       their language; a {@link TypeBound} to the functions (and types) its subject names, or
 *       to all of its file for {@code *}. The function depends on what applies to it.
 * </ul>
 *
 * <p>Scopes: a constraint's scope is its origin file; an origin-less constraint (hand-written,
 * or measured over the whole input like naming conventions) is in every scope. A mention of a
 * type name resolves to the declaration in the same file if there is one, else to every
 * declaration of that name in a file of the same language (which is where an import could have
 * brought it from; we do not resolve module paths), and origin-less declarations always count.
 * Why not "anywhere": a repository with a TypeScript front end and a Python back end declares
 * {@code User} twice, and a TypeScript signature does not use the Python class.
 *
 * <p>Cost: linear in the total length of the type texts plus the number of edges; no regex.
 * Immutable and thread-safe once built.
 */
public final class ConstraintGraph {
  private static final byte USES_TYPE = 0;
  private static final byte USES_IMPORT = 1;
  private static final byte APPLIES_TO = 2;
  private static final Edge.Kind[] KINDS = {Edge.Kind.USES_TYPE, Edge.Kind.USES_IMPORT, Edge.Kind.APPLIES_TO};

  private final ConstraintSet set;
  private final List<Constraint> nodes;
  private final Map<String, Integer> index;
  // Dependencies in compressed rows: the edges of node i are [start[i], start[i + 1]).
  private final int[] start;
  private final int[] to;
  private final byte[] kind;
  private final String[] via;
  private final int[] order;
  private final List<List<String>> cycles;

  private ConstraintGraph(ConstraintSet set) {
    this.set = set;
    this.nodes = set.constraints();
    int n = nodes.size();
    this.index = HashMap.newHashMap(n);
    for (int i = 0; i < n; i++) index.put(nodes.get(i).id(), i);
    Builder b = new Builder(nodes);
    b.build();
    this.start = new int[n + 1];
    int m = b.size;
    this.to = new int[m];
    this.kind = new byte[m];
    this.via = new String[m];
    // Counting sort by source: stable, so each row keeps the order the edges were found in.
    for (int e = 0; e < m; e++) start[b.from[e] + 1]++;
    for (int i = 0; i < n; i++) start[i + 1] += start[i];
    int[] fill = Arrays.copyOf(start, n);
    for (int e = 0; e < m; e++) {
      int at = fill[b.from[e]]++;
      to[at] = b.to[e];
      kind[at] = b.kind[e];
      via[at] = b.via[e];
    }
    Order o = new Order(n, start, to, b.selfRef, ranks(nodes));
    this.order = o.order;
    List<List<String>> cyc = new ArrayList<>();
    for (int[] members : o.cycles) {
      List<String> ids = new ArrayList<>(members.length);
      for (int i : members) ids.add(nodes.get(i).id());
      cyc.add(List.copyOf(ids));
    }
    this.cycles = List.copyOf(cyc);
  }

  /** Builds the graph of {@code set}. */
  public static ConstraintGraph of(ConstraintSet set) {
    return new ConstraintGraph(set);
  }

  public ConstraintSet set() {
    return set;
  }

  /** The number of edges. */
  public int edgeCount() {
    return to.length;
  }

  /** Every edge, grouped by dependent in the set's order. */
  public List<Edge> edges() {
    List<Edge> out = new ArrayList<>(to.length);
    for (int i = 0; i < nodes.size(); i++) addRow(i, out);
    return out;
  }

  /**
   * What the constraint {@code id} uses directly.
   *
   * @throws IllegalArgumentException if no constraint of the set has that id
   */
  public List<Edge> dependenciesOf(String id) {
    List<Edge> out = new ArrayList<>();
    addRow(indexOf(id), out);
    return out;
  }

  /**
   * Every constraint of the set, dependencies first. Among constraints whose dependencies are
   * all placed, the next is the one with the highest priority, then the most severe, then the
   * highest confidence, then the smallest id. The members of a cycle (mutually recursive types)
   * are placed together, ordered by the same tie-breakers, once what the cycle uses outside
   * itself is placed. Deterministic: equal sets give equal orders.
   */
  public List<Constraint> topologicalOrder() {
    List<Constraint> out = new ArrayList<>(order.length);
    for (int i : order) out.add(nodes.get(i));
    return out;
  }

  /**
   * The constraints {@code ids} and everything they use, transitively, in {@link
   * #topologicalOrder()}. This is what a target needs: pass the id of its signature (or type),
   * get the types, imports, idioms, conventions and patterns it depends on.
   *
   * @throws IllegalArgumentException if an id is not in the set
   */
  public List<Constraint> requiredBy(Collection<String> ids) {
    int n = nodes.size();
    boolean[] seen = new boolean[n];
    int[] stack = new int[n];
    int top = 0;
    for (String id : ids) {
      int i = indexOf(id);
      if (!seen[i]) {
        seen[i] = true;
        stack[top++] = i;
      }
    }
    while (top > 0) {
      int v = stack[--top];
      for (int e = start[v]; e < start[v + 1]; e++) {
        int w = to[e];
        if (!seen[w]) {
          seen[w] = true;
          stack[top++] = w;
        }
      }
    }
    List<Constraint> out = new ArrayList<>();
    for (int i : order) if (seen[i]) out.add(nodes.get(i));
    return out;
  }

  /**
   * The cycles: each a list of ids (in topological-order tie-break order) of constraints that
   * use each other, including a single type that refers to itself ({@code Node.next: Node}).
   * A compiler of recursive types needs them (JSON Schema {@code $defs}, grammar rules that
   * reference themselves).
   */
  public List<List<String>> cycles() {
    return cycles;
  }

  private void addRow(int i, List<Edge> out) {
    String from = nodes.get(i).id();
    for (int e = start[i]; e < start[i + 1]; e++) {
      out.add(new Edge(from, nodes.get(to[e]).id(), KINDS[kind[e]], via[e]));
    }
  }

  private int indexOf(String id) {
    Integer i = index.get(id);
    if (i == null) throw new IllegalArgumentException("no constraint with id " + id + " in this graph");
    return i;
  }

  /** rank[i] = position of node i when sorted by the tie-breakers (0 = placed first). */
  private static int[] ranks(List<Constraint> nodes) {
    int n = nodes.size();
    Integer[] byRank = new Integer[n];
    for (int i = 0; i < n; i++) byRank[i] = i;
    Arrays.sort(byRank, (a, b) -> compare(nodes.get(a), nodes.get(b)));
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) rank[byRank[r]] = r;
    return rank;
  }

  /** Higher priority first, then more severe, then higher confidence, then smaller id. */
  static int compare(Constraint a, Constraint b) {
    int c = b.priority().compareTo(a.priority());
    if (c != 0) return c;
    c = a.severity().compareTo(b.severity()); // ERROR is the first constant
    if (c != 0) return c;
    c = Double.compare(b.confidence(), a.confidence());
    return c != 0 ? c : a.id().compareTo(b.id());
  }

  /** Finds the edges; appends them to growable parallel arrays. */
  private static final class Builder {
    private final List<Constraint> nodes;
    private final int n;
    private final @Nullable String[] files;
    private final @Nullable String[] langs;
    final boolean[] selfRef;
    int[] from = new int[64];
    int[] to = new int[64];
    byte[] kind = new byte[64];
    String[] via = new String[64];
    int size;
    // Dedupe within one dependent's scan: stamp[j] == i + 1 once i -> j was added.
    private final int[] stamp;
    private final Map<String, int[]> typesByName = new HashMap<>();
    private final Map<String, int[]> importsBySymbol = new HashMap<>();
    // First characters of declared and imported names: most words in a type text (string,
    // number, Promise) are rejected by one bit test, before a substring is made.
    private final long[] firstChars = new long[2];
    private boolean nonAsciiFirst;
    private final List<Integer> functions = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();

    Builder(List<Constraint> nodes) {
      this.nodes = nodes;
      this.n = nodes.size();
      this.files = new String[n];
      this.langs = new String[n];
      this.selfRef = new boolean[n];
      this.stamp = new int[n];
    }

    void build() {
      for (int i = 0; i < n; i++) {
        Constraint c = nodes.get(i);
        files[i] = c.origin() == null ? null : c.origin().file();
        langs[i] = Languages.of(c);
        switch (c.payload()) {
          case TypeDeclaration t -> {
            types.add(i);
            addName(typesByName, t.name(), i);
          }
          case ImportSet s -> {
            for (String sym : s.symbols()) addName(importsBySymbol, sym, i);
            if (s.alias() != null) addName(importsBySymbol, s.alias(), i);
          }
          case FunctionSignature _ -> functions.add(i);
          default -> {}
        }
      }
      for (int i = 0; i < n; i++) {
        switch (nodes.get(i).payload()) {
          case FunctionSignature f -> {
            for (Parameter p : f.parameters()) scan(i, p.type());
            scan(i, f.returnType());
            for (String tp : f.typeParameters()) scan(i, tp);
          }
          case TypeDeclaration t -> {
            for (Field fd : t.fields()) scan(i, fd.type());
            for (String s : t.supertypes()) scan(i, s);
            for (String v : t.variants()) scan(i, v);
            for (String tp : t.typeParameters()) scan(i, tp);
            scan(i, t.aliasOf());
          }
          case ErrorHandlingIdiom _ -> applyToFunctions(i, null);
          case AsyncIdiom _ -> applyToFunctions(i, null);
          case ForbiddenPattern _ -> applyToFunctions(i, null);
          case RequiredPattern _ -> applyToFunctions(i, null);
          case NamingConvention nc -> applyNaming(i, nc);
          case TypeBound tb -> applyBound(i, tb);
          case ImportSet _ -> {}
          case OperationalBound _ -> {}
          case ParseError _ -> {}
        }
      }
    }

    private void addName(Map<String, int[]> map, String name, int i) {
      map.merge(name, new int[] {i}, (a, b) -> {
        int[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = i;
        return r;
      });
      char c0 = name.charAt(0);
      if (c0 < 128) firstChars[c0 >> 6] |= 1L << c0;
      else nonAsciiFirst = true;
    }

    /** Finds the whole words of {@code text} that name a declared type or an imported symbol. */
    private void scan(int i, @Nullable String text) {
      if (text == null) return;
      int len = text.length();
      int p = 0;
      while (p < len) {
        char c = text.charAt(p);
        if (!isWordChar(c)) {
          p++;
          continue;
        }
        int s = p;
        while (p < len && isWordChar(text.charAt(p))) p++;
        boolean candidate = c < 128 ? (firstChars[c >> 6] & (1L << c)) != 0 : nonAsciiFirst;
        if (candidate && !Character.isDigit(c)) resolve(i, text.substring(s, p));
      }
    }

    private static boolean isWordChar(char c) {
      if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
      return Character.isLetterOrDigit(c);
    }

    private void resolve(int i, String word) {
      int[] decl = typesByName.get(word);
      if (decl != null) {
        boolean sameFile = false;
        if (files[i] != null) {
          for (int j : decl) if (files[i].equals(files[j])) sameFile = true;
        }
        for (int j : decl) {
          boolean use = sameFile ? files[i].equals(files[j]) || files[j] == null : sameLanguage(i, j);
          if (!use) continue;
          if (j == i) selfRef[i] = true;
          else add(i, j, USES_TYPE, word);
        }
      }
      int[] imps = importsBySymbol.get(word);
      if (imps != null) {
        for (int j : imps) if (overlap(i, j)) add(i, j, USES_IMPORT, word);
      }
    }

    /** Applies constraint {@code a} to the functions in its scope (all when origin-less). */
    private void applyToFunctions(int a, @Nullable String language) {
      String v = files[a] == null ? (language == null ? "*" : language) : files[a];
      for (int f : functions) {
        if (overlap(a, f) && (language == null || matchesLanguage(language, langs[f]))) add(f, a, APPLIES_TO, v);
      }
    }

    private void applyNaming(int a, NamingConvention nc) {
      String language = langs[a];
      boolean onTypes = nc.category() == IdentifierCategory.TYPE || nc.category() == IdentifierCategory.FIELD;
      if (!onTypes) {
        applyToFunctions(a, language);
        return;
      }
      String v = files[a] == null ? (language == null ? "*" : language) : files[a];
      for (int t : types) {
        if (overlap(a, t) && (language == null || matchesLanguage(language, langs[t]))) add(t, a, APPLIES_TO, v);
      }
    }

    private void applyBound(int a, TypeBound tb) {
      String subject = tb.subject();
      String v = files[a] == null ? "*" : files[a];
      boolean all = subject.equals("*");
      for (int f : functions) {
        if (!overlap(a, f)) continue;
        FunctionSignature sig = (FunctionSignature) nodes.get(f).payload();
        if (all || subject.equals(sig.name()) || isMember(subject, sig.enclosingType(), sig.name())) {
          add(f, a, APPLIES_TO, v);
        }
      }
      if (all) return;
      for (int t : types) {
        if (!overlap(a, t)) continue;
        String name = ((TypeDeclaration) nodes.get(t).payload()).name();
        if (subject.equals(name) || (subject.startsWith(name) && subject.length() > name.length()
            && subject.charAt(name.length()) == '.')) {
          add(t, a, APPLIES_TO, v);
        }
      }
    }

    private static boolean isMember(String subject, @Nullable String owner, String name) {
      return owner != null && subject.length() == owner.length() + 1 + name.length()
          && subject.startsWith(owner) && subject.charAt(owner.length()) == '.' && subject.endsWith(name);
    }

    /** Scopes overlap: same origin file, or either has none. */
    private boolean overlap(int a, int b) {
      return files[a] == null || files[b] == null || files[a].equals(files[b]);
    }

    private boolean sameLanguage(int a, int b) {
      if (files[a] == null || files[b] == null) return true;
      return langs[a] != null && langs[a].equals(langs[b]);
    }

    private static boolean matchesLanguage(String language, @Nullable String other) {
      return other == null || language.equals(other);
    }

    private void add(int f, int t, byte k, String v) {
      if (stamp[t] == f + 1 && k != APPLIES_TO) return; // already f -> t from this scan
      stamp[t] = f + 1;
      if (size == from.length) {
        int cap = size * 2;
        from = Arrays.copyOf(from, cap);
        to = Arrays.copyOf(to, cap);
        kind = Arrays.copyOf(kind, cap);
        via = Arrays.copyOf(via, cap);
      }
      from[size] = f;
      to[size] = t;
      kind[size] = k;
      via[size] = v;
      size++;
    }
  }

  /**
   * Tarjan's strongly connected components (iterative, so a long chain of types cannot overflow
   * the stack), then Kahn's algorithm over the components with the ready ones in a bit set
   * indexed by rank: the next component is the ready one holding the best-ranked constraint.
   */
  private static final class Order {
    final int[] order;
    final List<int[]> cycles = new ArrayList<>();

    Order(int n, int[] start, int[] to, boolean[] selfRef, int[] rank) {
      int[] comp = new int[n];
      int compCount = tarjan(n, start, to, comp);
      // Members of each component, sorted by rank.
      int[] compSize = new int[compCount];
      for (int i = 0; i < n; i++) compSize[comp[i]]++;
      int[] compStart = new int[compCount + 1];
      for (int c = 0; c < compCount; c++) compStart[c + 1] = compStart[c] + compSize[c];
      int[] byRank = new int[n];
      for (int i = 0; i < n; i++) byRank[rank[i]] = i;
      int[] members = new int[n];
      int[] fill = Arrays.copyOf(compStart, compCount);
      int[] bestRank = new int[compCount];
      Arrays.fill(bestRank, Integer.MAX_VALUE);
      for (int r = 0; r < n; r++) {
        int i = byRank[r];
        int c = comp[i];
        members[fill[c]++] = i;
        if (r < bestRank[c]) bestRank[c] = r;
      }
      // Unplaced dependencies per component, and who waits on each component.
      int[] pending = new int[compCount];
      int[] waitCount = new int[compCount + 1];
      for (int v = 0; v < n; v++) {
        for (int e = start[v]; e < start[v + 1]; e++) {
          int cv = comp[v];
          int cw = comp[to[e]];
          if (cv != cw) {
            pending[cv]++;
            waitCount[cw + 1]++;
          }
        }
      }
      for (int c = 0; c < compCount; c++) waitCount[c + 1] += waitCount[c];
      int[] waiters = new int[waitCount[compCount]];
      int[] wfill = Arrays.copyOf(waitCount, compCount);
      for (int v = 0; v < n; v++) {
        for (int e = start[v]; e < start[v + 1]; e++) {
          int cv = comp[v];
          int cw = comp[to[e]];
          if (cv != cw) waiters[wfill[cw]++] = cv;
        }
      }
      int[] compOfRank = new int[n];
      BitSet ready = new BitSet(n);
      for (int c = 0; c < compCount; c++) {
        compOfRank[bestRank[c]] = c;
        if (pending[c] == 0) ready.set(bestRank[c]);
      }
      order = new int[n];
      int placed = 0;
      for (int r = ready.nextSetBit(0); r >= 0; r = ready.nextSetBit(0)) {
        ready.clear(r);
        int c = compOfRank[r];
        for (int k = compStart[c]; k < compStart[c + 1]; k++) order[placed++] = members[k];
        for (int k = waitCount[c]; k < waitCount[c + 1]; k++) {
          int w = waiters[k];
          if (--pending[w] == 0) ready.set(bestRank[w]);
        }
      }
      if (placed != n) throw new IllegalStateException("topological order placed " + placed + " of " + n);
      for (int c = 0; c < compCount; c++) {
        int size = compStart[c + 1] - compStart[c];
        if (size > 1 || selfRef[members[compStart[c]]]) {
          cycles.add(Arrays.copyOfRange(members, compStart[c], compStart[c + 1]));
        }
      }
      cycles.sort((a, b) -> Integer.compare(rank[a[0]], rank[b[0]]));
    }

    /** Component of each node in comp; returns the number of components. */
    private static int tarjan(int n, int[] start, int[] to, int[] comp) {
      int[] idx = new int[n];
      int[] low = new int[n];
      Arrays.fill(idx, -1);
      boolean[] onStack = new boolean[n];
      int[] stack = new int[n];
      int sp = 0;
      int[] callNode = new int[n];
      int[] callEdge = new int[n];
      int counter = 0;
      int comps = 0;
      for (int root = 0; root < n; root++) {
        if (idx[root] >= 0) continue;
        int depth = 0;
        callNode[0] = root;
        callEdge[0] = start[root];
        idx[root] = low[root] = counter++;
        stack[sp++] = root;
        onStack[root] = true;
        while (depth >= 0) {
          int v = callNode[depth];
          if (callEdge[depth] < start[v + 1]) {
            int w = to[callEdge[depth]++];
            if (idx[w] < 0) {
              idx[w] = low[w] = counter++;
              stack[sp++] = w;
              onStack[w] = true;
              depth++;
              callNode[depth] = w;
              callEdge[depth] = start[w];
            } else if (onStack[w] && idx[w] < low[v]) {
              low[v] = idx[w];
            }
          } else {
            if (low[v] == idx[v]) {
              int w;
              do {
                w = stack[--sp];
                onStack[w] = false;
                comp[w] = comps;
              } while (w != v);
              comps++;
            }
            depth--;
            if (depth >= 0) {
              int u = callNode[depth];
              if (low[v] < low[u]) low[u] = low[v];
            }
          }
        }
      }
      return comps;
    }
  }
}
