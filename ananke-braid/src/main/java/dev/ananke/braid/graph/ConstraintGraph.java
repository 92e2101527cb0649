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
import java.util.Objects;
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
 * <p>Cost: {@link #of} is linear in the total length of the type texts plus the number of
 * edges, where what applies to every function of a file costs one internal hub per file rather
 * than one edge per function (so functions + appliers, not functions × appliers); no regex. The
 * full order is computed on the first call that needs it; {@link #requiredBy} orders only the
 * closure. Immutable and thread-safe (the lazily computed order is published through volatile
 * fields; computing it twice concurrently gives the same result).
 */
public final class ConstraintGraph {
  private static final byte USES_TYPE = 0;
  private static final byte USES_IMPORT = 1;
  private static final byte APPLIES_TO = 2;
  private static final Edge.Kind[] KINDS = {Edge.Kind.USES_TYPE, Edge.Kind.USES_IMPORT, Edge.Kind.APPLIES_TO};

  private final ConstraintSet set;
  private final List<Constraint> nodes;
  private volatile @Nullable Map<String, Integer> index; // built on the first query by id
  // Dependencies in compressed rows: the edges of node i are [start[i], start[i + 1]).
  private final int[] start;
  private final int[] to;
  private final byte[] kind;
  private final String[] via;
  private final int edgeCount;
  private final boolean[] selfRef;
  // The order of all constraints and the cycles, computed on first use: a compiler asks for
  // requiredBy(target), which orders only the closure.
  private volatile int @Nullable [] order;
  private volatile @Nullable List<List<String>> cycles;

  private ConstraintGraph(ConstraintSet set) {
    this.set = set;
    this.nodes = set.constraints();
    int n = nodes.size();
    Builder b = new Builder(nodes);
    b.build();
    int total = n + b.hubs;
    this.start = new int[total + 1];
    int m = b.size;
    this.to = new int[m];
    this.kind = new byte[m];
    this.via = new String[m];
    // Counting sort by source: stable, so each row keeps the order the edges were found in.
    for (int e = 0; e < m; e++) start[b.from[e] + 1]++;
    for (int i = 0; i < total; i++) start[i + 1] += start[i];
    int[] fill = Arrays.copyOf(start, total);
    for (int e = 0; e < m; e++) {
      int at = fill[b.from[e]]++;
      to[at] = b.to[e];
      kind[at] = b.kind[e];
      via[at] = b.via[e];
    }
    this.selfRef = b.selfRef;
    int count = 0;
    for (int i = 0; i < n; i++) {
      for (int e = start[i]; e < start[i + 1]; e++) count += to[e] < n ? 1 : start[to[e] + 1] - start[to[e]];
    }
    this.edgeCount = count;
  }

  /** Computes the full order and the cycles once. */
  private int[] fullOrder() {
    int[] o = order;
    if (o == null) {
      int total = start.length - 1;
      int[] all = new int[total];
      for (int i = 0; i < total; i++) all[i] = i;
      Order ord = orderOf(all);
      List<List<String>> cyc = new ArrayList<>();
      for (int[] members : ord.cycles) {
        List<String> ids = new ArrayList<>(members.length);
        for (int i : members) ids.add(nodes.get(all[i]).id());
        cyc.add(List.copyOf(ids));
      }
      cycles = List.copyOf(cyc);
      order = o = realNodes(ord.order, all);
    }
    return o;
  }

  /** The constraints (not hubs) of a local order, as global indices. */
  private int[] realNodes(int[] localOrder, int[] subset) {
    int n = nodes.size();
    int[] out = new int[localOrder.length];
    int k = 0;
    for (int l : localOrder) if (subset[l] < n) out[k++] = subset[l];
    return Arrays.copyOf(out, k);
  }

  /**
   * Orders {@code subset} (global indices of constraints and hubs, closed under dependencies).
   * The order of a closed subset is the full order restricted to it: nodes outside it never make
   * one inside ready, so the same tie-breaks pick the same next node.
   */
  private Order orderOf(int[] subset) {
    int n = nodes.size();
    int k = subset.length;
    int[] local = new int[start.length - 1]; // global -> local + 1, 0 when absent
    for (int q = 0; q < k; q++) local[subset[q]] = q + 1;
    int[] lstart = new int[k + 1];
    for (int q = 0; q < k; q++) lstart[q + 1] = lstart[q] + start[subset[q] + 1] - start[subset[q]];
    int[] lto = new int[lstart[k]];
    boolean[] lself = new boolean[k];
    int hubCount = 0;
    for (int q = 0; q < k; q++) {
      int g = subset[q];
      int o = lstart[q];
      for (int e = start[g]; e < start[g + 1]; e++) lto[o++] = local[to[e]] - 1;
      if (g < n) lself[q] = selfRef[g];
      else hubCount++;
    }
    return new Order(k, lstart, lto, lself, ranks(subset, hubCount));
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
    return edgeCount;
  }

  /** Every edge, grouped by dependent in the set's order. */
  public List<Edge> edges() {
    List<Edge> out = new ArrayList<>(edgeCount);
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
    int[] o = fullOrder();
    List<Constraint> out = new ArrayList<>(o.length);
    for (int i : o) out.add(nodes.get(i));
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
    int n = start.length - 1; // constraints and hubs
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
    int[] subset = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) if (seen[i]) subset[k++] = i;
    subset = Arrays.copyOf(subset, k);
    List<Constraint> out = new ArrayList<>(k);
    for (int i : realNodes(orderOf(subset).order, subset)) out.add(nodes.get(i));
    return out;
  }

  /**
   * The cycles: each a list of ids (in topological-order tie-break order) of constraints that
   * use each other, including a single type that refers to itself ({@code Node.next: Node}).
   * A compiler of recursive types needs them (JSON Schema {@code $defs}, grammar rules that
   * reference themselves).
   */
  public List<List<String>> cycles() {
    fullOrder();
    return java.util.Objects.requireNonNull(cycles);
  }

  private void addRow(int i, List<Edge> out) {
    String from = nodes.get(i).id();
    int n = nodes.size();
    for (int e = start[i]; e < start[i + 1]; e++) {
      int t = to[e];
      if (t < n) {
        out.add(new Edge(from, nodes.get(t).id(), KINDS[kind[e]], via[e]));
      } else {
        for (int h = start[t]; h < start[t + 1]; h++) out.add(new Edge(from, nodes.get(to[h]).id(), KINDS[kind[h]], via[h]));
      }
    }
  }

  private int indexOf(String id) {
    Map<String, Integer> map = index;
    if (map == null) {
      map = HashMap.newHashMap(nodes.size());
      for (int k = 0; k < nodes.size(); k++) map.put(nodes.get(k).id(), k);
      index = map;
    }
    Integer i = map.get(id);
    if (i == null) throw new IllegalArgumentException("no constraint with id " + id + " in this graph");
    return i;
  }

  /**
   * rank[q] = position of subset[q] when sorted by the tie-breakers (0 = placed first); hubs
   * first. Each constraint gets one {@code long} key, (priority and severity, rank of its
   * confidence among the distinct ones, rank of its id), and the keys are sorted with {@code
   * Arrays.sort(long[])}: primitive compares only. The id is 16 hex digits, so parsed as an
   * unsigned long its numeric order is its text order. With {@code Integer[]} and a comparator
   * on constraints, and then with a merge sort on parallel key arrays, the sort was a third and
   * then a fifth of building and ordering a graph of 50 constraints in the profile.
   */
  private int[] ranks(int[] subset, int hubCount) {
    int n = nodes.size();
    int k = subset.length;
    int real = k - hubCount;
    int[] rank = new int[k];
    int[] where = new int[real]; // local index of each constraint
    int[] level = new int[real]; // priority and severity in one int, smaller first
    double[] conf = new double[real];
    long[] ids = new long[real];
    int r = 0;
    int hub = 0;
    for (int q = 0; q < k; q++) {
      if (subset[q] >= n) {
        rank[q] = hub++; // hubs first: placed as soon as they are ready
        continue;
      }
      Constraint c = nodes.get(subset[q]);
      where[r] = q;
      level[r] = (3 - c.priority().ordinal()) * 4 + c.severity().ordinal();
      conf[r] = c.confidence();
      ids[r] = hex(c.id());
      r++;
    }
    long[] sortedIds = ids.clone();
    Arrays.sort(sortedIds);
    double[] confs = conf.clone();
    Arrays.sort(confs);
    int distinct = 0;
    for (int q = 0; q < real; q++) if (q == 0 || confs[q] != confs[distinct - 1]) confs[distinct++] = confs[q];
    int[] byIdRank = new int[real];
    long[] keys = new long[real];
    for (int q = 0; q < real; q++) {
      int idRank = Arrays.binarySearch(sortedIds, ids[q]);
      int confDesc = distinct - 1 - Arrays.binarySearch(confs, 0, distinct, conf[q]);
      byIdRank[idRank] = q;
      keys[q] = (long) level[q] << 52 | (long) confDesc << 26 | idRank;
    }
    Arrays.sort(keys);
    for (int p = 0; p < real; p++) rank[where[byIdRank[(int) (keys[p] & 0x3FFFFFF)]]] = hubCount + p;
    return rank;
  }

  /** A constraint id (16 lowercase hex digits) as a long whose signed order is the text order. */
  private static long hex(String id) {
    long v = 0;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      v = v << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return v ^ Long.MIN_VALUE;
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
    private final Names names = new Names();
    // First characters of declared and imported names: most words in a type text (string,
    // number, Promise) are rejected by one bit test, before a substring is made.
    private final long[] firstChars = new long[2];
    private boolean nonAsciiFirst;
    private final Ints functions = new Ints();
    private final Ints types = new Ints();
    // Constraints that apply to every function (or type) of their scope, each with the
    // language it is limited to (naming conventions) or null.
    private final Ints fnAppliers = new Ints();
    private final Ints typeAppliers = new Ints();
    int hubs;

    Builder(List<Constraint> nodes) {
      this.nodes = nodes;
      this.n = nodes.size();
      this.files = new String[n];
      this.langs = new String[n];
      this.selfRef = new boolean[n];
      this.stamp = new int[n];
    }

    void build() {
      String lastFile = null;
      String lastLang = null;
      for (int i = 0; i < n; i++) {
        Constraint c = nodes.get(i);
        files[i] = c.origin() == null ? null : c.origin().file();
        if (c.payload() instanceof NamingConvention || files[i] == null) {
          langs[i] = Languages.of(c);
        } else {
          // The set is sorted by file: most constraints share the previous one's file.
          if (!files[i].equals(lastFile)) {
            lastFile = files[i];
            lastLang = Languages.ofFile(lastFile);
          }
          langs[i] = lastLang;
        }
        switch (c.payload()) {
          case TypeDeclaration t -> {
            types.add(i);
            addName(t.name(), i, true);
          }
          case ImportSet s -> {
            for (String sym : s.symbols()) addName(sym, i, false);
            if (s.alias() != null) addName(s.alias(), i, false);
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
          case ErrorHandlingIdiom _ -> fnAppliers.add(i);
          case AsyncIdiom _ -> fnAppliers.add(i);
          case ForbiddenPattern _ -> fnAppliers.add(i);
          case RequiredPattern _ -> fnAppliers.add(i);
          case NamingConvention nc -> {
            boolean onTypes = nc.category() == IdentifierCategory.TYPE || nc.category() == IdentifierCategory.FIELD;
            (onTypes ? typeAppliers : fnAppliers).add(i);
          }
          case TypeBound tb -> {
            if (tb.subject().equals("*")) fnAppliers.add(i);
            else applyBound(i, tb);
          }
          case ImportSet _ -> {}
          case OperationalBound _ -> {}
          case ParseError _ -> {}
        }
      }
      hubs(functions, fnAppliers);
      hubs(types, typeAppliers);
    }

    /*
     * An idiom, pattern or convention applies to every function of its scope: as edges, that is
     * functions × appliers (7,500 edges for 250 constraints in one file). Instead, the functions
     * of one file share a hub node that depends on the appliers of that file (and the
     * origin-less ones): functions + appliers × files edges. Hubs are numbered from n, rank
     * before every constraint (so one is placed as soon as it is ready) and never show: the
     * public view expands them.
     */
    private void hubs(Ints targets, Ints appliers) {
      if (appliers.size == 0 || targets.size == 0) return;
      int k = 0;
      while (k < targets.size) {
        // Targets are in set order, so one file's are consecutive; origin-less ones come first.
        int first = targets.a[k];
        int end = k + 1;
        while (end < targets.size && Objects.equals(files[targets.a[end]], files[first])) end++;
        int hub = -1;
        for (int q = 0; q < appliers.size; q++) {
          int a = appliers.a[q];
          String language = nodes.get(a).payload() instanceof NamingConvention ? langs[a] : null;
          if (!overlap(a, first) || (language != null && !matchesLanguage(language, langs[first]))) continue;
          if (hub < 0) hub = n + hubs++;
          add(hub, a, APPLIES_TO, files[a] == null ? (language == null ? "*" : language) : files[a]);
        }
        if (hub >= 0) {
          for (int t = k; t < end; t++) add(targets.a[t], hub, APPLIES_TO, "");
        }
        k = end;
      }
    }

    private void addName(String name, int i, boolean type) {
      names.add(name, i, type);
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
        int h = 0; // String.hashCode of the word, so the lookup needs no substring
        while (p < len && isWordChar(c = text.charAt(p))) {
          h = 31 * h + c;
          p++;
        }
        char c0 = text.charAt(s);
        boolean candidate = c0 < 128 ? (firstChars[c0 >> 6] & (1L << c0)) != 0 : nonAsciiFirst;
        if (candidate && !(c0 >= '0' && c0 <= '9')) {
          int slot = names.find(text, s, p, h);
          if (slot >= 0) resolve(i, slot);
        }
      }
    }

    private static boolean isWordChar(char c) {
      if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
      return Character.isLetterOrDigit(c);
    }

    private void resolve(int i, int slot) {
      String word = names.keys[slot];
      int[] decl = names.types[slot];
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
      int[] imps = names.imports[slot];
      if (imps != null) {
        for (int j : imps) if (overlap(i, j)) add(i, j, USES_IMPORT, word);
      }
    }

    /** A bound on a named subject applies to the functions and types of that name. */
    private void applyBound(int a, TypeBound tb) {
      String subject = tb.subject();
      String v = files[a] == null ? "*" : files[a];
      for (int k = 0; k < functions.size; k++) {
        int f = functions.a[k];
        if (!overlap(a, f)) continue;
        FunctionSignature sig = (FunctionSignature) nodes.get(f).payload();
        if (subject.equals(sig.name()) || isMember(subject, sig.enclosingType(), sig.name())) {
          add(f, a, APPLIES_TO, v);
        }
      }
      for (int k = 0; k < types.size; k++) {
        int t = types.a[k];
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
      if (k != APPLIES_TO) {
        if (stamp[t] == f + 1) return; // already f -> t from this scan
        stamp[t] = f + 1;
      }
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
   * Declared type names and imported symbols in one open-addressing table, looked up by a range
   * of a type text and its hash: scanning the type texts of a set makes no substrings.
   */
  private static final class Names {
    String[] keys = new String[64];
    int[] hashes = new int[64];
    @Nullable int[][] types = new int[64][];
    @Nullable int[][] imports = new int[64][];
    int size;

    void add(String name, int i, boolean type) {
      if (2 * (size + 1) > keys.length) grow();
      int h = name.hashCode();
      int slot = find(name, 0, name.length(), h);
      if (slot < 0) {
        slot = -slot - 1;
        keys[slot] = name;
        hashes[slot] = h;
        size++;
      }
      int[][] lists = type ? types : imports;
      int[] old = lists[slot];
      int[] grown = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
      grown[grown.length - 1] = i;
      lists[slot] = grown;
    }

    /** The slot of text[s, e) if present, else -(free slot) - 1. */
    int find(String text, int s, int e, int h) {
      int mask = keys.length - 1;
      int len = e - s;
      for (int slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
        String k = keys[slot];
        if (k == null) return -slot - 1;
        if (hashes[slot] == h && k.length() == len && text.regionMatches(s, k, 0, len)) return slot;
      }
    }

    private void grow() {
      String[] ok = keys;
      int[] oh = hashes;
      int[][] ot = types;
      int[][] oi = imports;
      int cap = ok.length * 2;
      keys = new String[cap];
      hashes = new int[cap];
      types = new int[cap][];
      imports = new int[cap][];
      for (int q = 0; q < ok.length; q++) {
        if (ok[q] == null) continue;
        int slot = -find(ok[q], 0, ok[q].length(), oh[q]) - 1;
        keys[slot] = ok[q];
        hashes[slot] = oh[q];
        types[slot] = ot[q];
        imports[slot] = oi[q];
      }
    }
  }

  /** A growable int list. */
  private static final class Ints {
    int[] a = new int[16];
    int size;

    void add(int v) {
      if (size == a.length) a = Arrays.copyOf(a, size * 2);
      a[size++] = v;
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
