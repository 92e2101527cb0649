package dev.ananke.braid.graph;

import java.util.Objects;

/**
 * One dependency: constraint {@code from} uses constraint {@code to}, which therefore comes
 * first in {@link ConstraintGraph#topologicalOrder()}.
 *
 * @param from the id of the dependent constraint
 * @param to the id of the constraint it depends on
 * @param kind why, in one word
 * @param via what links them: the type name or imported symbol mentioned, or the scope an idiom
 *     or pattern applies in (a file; a language for an origin-less naming convention; {@code *}
 *     for every file)
 */
public record Edge(String from, String to, Kind kind, String via) {

  /** Why one constraint depends on another. */
  public enum Kind {
    /** A signature or type mentions a declared type by name (parameter, return, field, supertype, alias). */
    USES_TYPE,
    /** A signature or type mentions a symbol an import of its file brings in. */
    USES_IMPORT,
    /**
     * An idiom, naming convention, forbidden or required pattern, or type bound applies to a
     * function (or, for naming conventions of types and fields and bounds on a type, to a type).
     */
    APPLIES_TO
  }

  public Edge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(via, "via");
  }

  /** The reason in words, e.g. {@code mentions type User}. */
  public String reason() {
    return switch (kind) {
      case USES_TYPE -> "mentions type " + via;
      case USES_IMPORT -> "mentions " + via + ", imported by its file";
      case APPLIES_TO -> via.equals("*") ? "applies everywhere" : "applies in " + via; // a file or a language
    };
  }

  @Override
  public String toString() {
    return from + " -> " + to + " (" + reason() + ")";
  }
}
