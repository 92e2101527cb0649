package dev.ananke.braid.conflict;

import java.util.List;
import java.util.Objects;

/**
 * Constraints that no code can satisfy together.
 *
 * @param kind what contradicts what
 * @param ids the constraints involved (two, in the set's canonical order)
 * @param explanation why, in words, naming the constraints and the values that clash
 */
public record Conflict(Kind kind, List<String> ids, String explanation) {

  /** The kinds of contradiction {@link Conflicts} detects. */
  public enum Kind {
    /** A required function or type name does not follow a HARD naming convention of its category. */
    NAME_BREAKS_CONVENTION,
    /**
     * Something required always contains something forbidden: a required pattern every match of
     * which contains a forbidden one, an imported symbol or module forbidden as a literal, a type
     * required for a subject and forbidden for it.
     */
    REQUIRED_AND_FORBIDDEN,
    /** Two different HARD signatures for one function (same name, enclosing type and scope). */
    SIGNATURE_MISMATCH,
    /** Operational bounds of one metric whose ranges do not meet (a minimum above a maximum). */
    EMPTY_BOUNDS,
    /** Two HARD regex constraints over the same text whose intersection is empty. */
    EMPTY_INTERSECTION
  }

  public Conflict {
    Objects.requireNonNull(kind, "kind");
    ids = List.copyOf(ids);
    if (ids.size() < 2) throw new IllegalArgumentException("a conflict involves at least two constraints, got " + ids);
    Objects.requireNonNull(explanation, "explanation");
  }
}
