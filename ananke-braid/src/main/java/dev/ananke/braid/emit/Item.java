package dev.ananke.braid.emit;

/**
 * One kind of thing that can follow another in code: a word, a string, a bracketed group, a run
 * of whitespace. {@code first} and {@code last} say what its text starts and ends with, which is
 * all the sequencing rules ({@link ItemSequences}) need to know.
 *
 * @param role what the item is for the sequencing rules
 */
record Item(Sym body, Edge first, Edge last, Role role) {

  /** What a text starts or ends with. */
  enum Edge {
    /** A letter, digit or underscore: two such items side by side would read as one word. */
    WORD,
    /** {@code :} (Go's {@code :=} must come only from a short declaration). */
    COLON,
    /** {@code =}. */
    EQ,
    /** {@code ]} or {@code *}: a type qualifier ({@code []const u8}, {@code *const T}) may follow. */
    TYPE_PREFIX,
    /** {@code ,}: a Go short declaration cannot start after it ({@code a, b := f()} declares both). */
    COMMA,
    OTHER
  }

  enum Role {
    PLAIN,
    /** A bare identifier (Python: at the start of a line it may be an assignment target). */
    IDENT,
    SPACE,
    /** A declaration whose names were checked: allowed only where a statement may start (Python). */
    ASSIGNMENT,
    /** A keyword read as a type qualifier ({@code const} in {@code []const u8}): only after TYPE_PREFIX. */
    QUALIFIER,
    /** A declaration of a list of names (Go's {@code a, b :=}): never right after a comma. */
    NAME_LIST
  }

  static Item of(Sym body, Edge first, Edge last) {
    return new Item(body, first, last, Role.PLAIN);
  }
}
