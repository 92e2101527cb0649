package dev.ananke.braid.conflict;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.error.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds constraints that no code can satisfy together, and resolves them by keeping the
 * stronger of each conflicting pair.
 *
 * <p>What conflicts ({@link Conflict.Kind}): a HARD signature or type name (or a HARD required
 * literal declaring one) that breaks a HARD naming convention of its category and language; a
 * required pattern every match of which contains a forbidden pattern, an import of a symbol or
 * module forbidden as a literal, a type required for a subject and forbidden for it; two
 * different HARD signatures for one function; operational bounds of one metric and unit whose
 * ranges do not meet; two HARD naming conventions of one category and language that no name
 * satisfies together. Constraints conflict only where their scopes overlap (same origin file, or
 * either has none). Pairs that cannot be decided (a pattern outside the token engine's dialect)
 * are listed in {@link ConflictReport#unchecked()}, never reported as free of conflict.
 *
 * <p>Which constraint wins: a HARD one over a SOFT one whatever their priorities (HARD means
 * "must hold, enforced by masks": a preference never removes an enforced rule); then the higher
 * priority, the more severe, the higher confidence, and last the smaller id, so that resolution
 * is deterministic. Constraints are decided strongest first: each is kept unless it conflicts
 * with one already kept, so a dropped constraint never causes another to be dropped, and the
 * kept set has no conflicts left.
 *
 * <p>Cost: one pass over the set, plus work only for the constraints that can conflict (HARD
 * naming conventions, required patterns, literal forbidden patterns, type bounds with a required
 * type, same-named HARD signatures, operational bounds); regexes are compiled once per pattern
 * and cached. Stateless and thread-safe.
 */
public final class Conflicts {
  private Conflicts() {}

  /** The conflicts of {@code set} and the pairs that could not be checked. */
  public static ConflictReport check(ConstraintSet set) {
    Detector d = new Detector(set).run();
    return new ConflictReport(d.conflicts, d.unchecked);
  }

  /** The conflicts of {@code set}; see {@link #check} for the pairs that could not be checked. */
  public static List<Conflict> detect(ConstraintSet set) {
    return check(set).conflicts();
  }

  /** Resolves every conflict of {@code set} by dropping the weaker constraint (see the class comment). */
  public static Resolution resolve(ConstraintSet set) {
    ConflictReport report = check(set);
    List<Conflict> conflicts = report.conflicts();
    if (conflicts.isEmpty()) return new Resolution(set, List.of(), conflicts, report.unchecked());
    List<Constraint> cs = set.constraints();
    Map<String, Integer> index = HashMap.newHashMap(cs.size());
    for (int i = 0; i < cs.size(); i++) index.put(cs.get(i).id(), i);
    // The conflicts each constraint is in.
    Map<Integer, List<Conflict>> of = new HashMap<>();
    for (Conflict c : conflicts) {
      for (String id : c.ids()) of.computeIfAbsent(index.get(id), k -> new ArrayList<>()).add(c);
    }
    Integer[] involved = of.keySet().toArray(Integer[]::new);
    Arrays.sort(involved, (a, b) -> stronger(cs.get(a), cs.get(b)));
    int[] rank = new int[cs.size()];
    Arrays.fill(rank, -1);
    for (int r = 0; r < involved.length; r++) rank[involved[r]] = r;
    boolean[] kept = new boolean[cs.size()];
    boolean[] dropped = new boolean[cs.size()];
    List<Dropped> out = new ArrayList<>();
    for (int i : involved) {
      // The strongest kept constraint this one conflicts with, if any (all others of the
      // conflict kept: a conflict with a dropped constraint is already resolved).
      int winner = -1;
      Conflict lost = null;
      for (Conflict c : of.get(i)) {
        int best = -1;
        boolean active = true;
        for (String id : c.ids()) {
          int j = index.get(id);
          if (j == i) continue;
          if (!kept[j]) {
            active = false;
            break;
          }
          if (best < 0 || rank[j] < rank[best]) best = j;
        }
        if (active && best >= 0 && (winner < 0 || rank[best] < rank[winner])) {
          winner = best;
          lost = c;
        }
      }
      if (lost == null) {
        kept[i] = true;
      } else {
        dropped[i] = true;
        Constraint loser = cs.get(i);
        out.add(new Dropped(loser.id(), loser.name(), lost, cs.get(winner).id(), why(cs.get(winner), loser)));
      }
    }
    List<Constraint> rest = new ArrayList<>(cs.size() - out.size());
    for (int i = 0; i < cs.size(); i++) if (!dropped[i]) rest.add(cs.get(i));
    return new Resolution(new ConstraintSet(rest), out, conflicts, report.unchecked());
  }

  /**
   * Returns {@code set} unchanged if it has no conflicts (with the pairs that could not be
   * checked), else throws.
   *
   * @throws BadInputException located at the first conflicting constraint, naming the conflict
   *     and how many more there are
   */
  public static Resolution resolveStrict(ConstraintSet set) {
    ConflictReport report = check(set);
    if (report.conflicts().isEmpty()) return new Resolution(set, List.of(), List.of(), report.unchecked());
    Conflict first = report.conflicts().getFirst();
    Constraint c = set.byId(first.ids().getFirst()).orElseThrow();
    String location = c.origin() != null ? c.origin().toString() : "constraint '" + c.name() + "'";
    int more = report.conflicts().size() - 1;
    throw new BadInputException(location,
        "conflicting constraints (" + first.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
            + first.explanation() + (more == 0 ? "" : " (and " + more + " more conflict" + (more == 1 ? "" : "s") + ")"));
  }

  /** Negative when {@code a} wins over {@code b}: HARD, priority, severity, confidence, id. */
  static int stronger(Constraint a, Constraint b) {
    int c = a.tier().compareTo(b.tier()); // HARD is the first constant
    if (c != 0) return c;
    c = b.priority().compareTo(a.priority());
    if (c != 0) return c;
    c = a.severity().compareTo(b.severity()); // ERROR is the first constant
    if (c != 0) return c;
    c = Double.compare(b.confidence(), a.confidence());
    return c != 0 ? c : a.id().compareTo(b.id());
  }

  /** Why {@code winner} beat {@code loser}, by the first tie-breaker that differs. */
  static String why(Constraint winner, Constraint loser) {
    String w = " of '" + winner.name() + "'";
    if (winner.tier() != loser.tier()) {
      return "SOFT loses to HARD '" + winner.name() + "' whatever the priorities";
    }
    if (winner.priority() != loser.priority()) {
      return "priority " + loser.priority() + " is below " + winner.priority() + w;
    }
    if (winner.severity() != loser.severity()) {
      return "severity " + loser.severity() + " is below " + winner.severity() + w;
    }
    if (winner.confidence() != loser.confidence()) {
      return "confidence " + loser.confidence() + " is below " + winner.confidence() + w;
    }
    return "priority, severity and confidence tie with '" + winner.name() + "': the larger id loses";
  }
}
