package dev.ananke.braid.emit;

import dev.ananke.core.payload.IdentifierCategory;
import java.util.List;
import java.util.Set;

/**
 * What a language's code looks like to a structural grammar: its identifiers, strings, comments,
 * punctuation, whether blocks are braces or indentation, and which keywords declare names of
 * which category ({@link Decl}).
 */
record Syntax(
    String language,
    Chars identStart,
    Chars identPart,
    List<Rx> strings,
    List<Rx> wordStrings,
    List<Rx> comments,
    Chars quoteChars,
    boolean indentBlocks,
    boolean colonEq,
    List<Decl> decls,
    boolean goShortDecl,
    boolean templates) {

  /**
   * A keyword that declares a name: {@code const x}, {@code fn f}, {@code let mut x}.
   *
   * @param modifiers words that may come between the keyword and the name ({@code mut})
   * @param alsoQualifier the keyword is also a type qualifier ({@code []const u8}, {@code *const T})
   * @param alsoBeforeGroup the keyword may also be followed by a bracket ({@code const {a} = x},
   *     {@code var (...)}, {@code function (a) {...}}), whose names are not checked
   * @param alsoBeforeTypeName the keyword may also be followed by a capitalised name that starts
   *     a pattern (Rust {@code let Some(x)}), which never declares that name
   */
  record Decl(
      String keyword,
      IdentifierCategory category,
      List<String> modifiers,
      boolean alsoQualifier,
      boolean alsoBeforeGroup,
      boolean alsoBeforeTypeName) {
    Decl(String keyword, IdentifierCategory category, List<String> modifiers, boolean alsoQualifier, boolean alsoBeforeGroup) {
      this(keyword, category, modifiers, alsoQualifier, alsoBeforeGroup, false);
    }
  }

  private static final Chars ANY = Chars.ANY;
  private static final Chars NOT_NL = Chars.of("\n").negate();

  private static final java.util.concurrent.ConcurrentHashMap<String, Syntax> BY_LANGUAGE = new java.util.concurrent.ConcurrentHashMap<>();

  /** The syntax of a language, built once: every compile asks for it. */
  static Syntax of(String language) {
    Syntax known = BY_LANGUAGE.get(language);
    if (known != null) return known;
    Syntax built = build(language);
    BY_LANGUAGE.putIfAbsent(language, built);
    return built;
  }

  private static Syntax build(String language) {
    return switch (language) {
      case "typescript", "javascript" -> ecma(language);
      case "python" -> python();
      case "rust" -> rust();
      case "go" -> go();
      case "zig" -> zig();
      case "java" -> java();
      default -> throw new IllegalArgumentException("no code grammar for language " + language);
    };
  }

  static boolean supports(String language) {
    return Set.of("typescript", "javascript", "python", "rust", "go", "zig", "java").contains(language);
  }

  private static Chars letters() {
    return Chars.range('a', 'z').union(Chars.range('A', 'Z')).union(Chars.of("_"));
  }

  /** {@code q ( [^q \\ \n] | \\ any )* q}; multi-line strings pass {@code newline = true}. */
  static Rx quoted(String q, boolean newline) {
    Chars body = Chars.of(q + "\\").union(newline ? Chars.NONE : Chars.of("\n")).negate();
    return Rx.seq(Rx.lit(q), Rx.star(Rx.alt(Rx.cls(body), Rx.seq(Rx.lit("\\"), Rx.cls(ANY)))), Rx.lit(q));
  }

  /** A character literal: one character or one escape ({@code '\n'}, a Unicode escape). */
  static Rx charLiteral() {
    Chars plain = Chars.of("'\\\n").negate();
    Chars escBody = Chars.of("'\n").negate();
    return Rx.seq(Rx.lit("'"), Rx.alt(Rx.cls(plain), Rx.seq(Rx.lit("\\"), Rx.cls(NOT_NL), Rx.star(Rx.cls(escBody)))), Rx.lit("'"));
  }

  /** Triple-quoted text: any run without three quotes in a row. */
  static Rx tripleQuoted(String q) {
    Chars plain = Chars.of(q + "\\").negate();
    Rx esc = Rx.seq(Rx.lit("\\"), Rx.cls(ANY));
    Rx unit = Rx.alt(Rx.cls(plain), esc, Rx.seq(Rx.lit(q), Rx.alt(Rx.cls(plain), esc)),
        Rx.seq(Rx.lit(q + q), Rx.alt(Rx.cls(plain), esc)));
    String qqq = q + q + q;
    return Rx.seq(Rx.lit(qqq), Rx.star(unit), Rx.lit(qqq));
  }

  static Rx lineComment(String start) {
    return Rx.seq(Rx.lit(start), Rx.star(Rx.cls(NOT_NL)));
  }

  static Rx blockComment() {
    Chars notStar = Chars.of("*").negate();
    Chars notStarSlash = Chars.of("*/").negate();
    return Rx.seq(Rx.lit("/*"), Rx.star(Rx.alt(Rx.cls(notStar), Rx.seq(Rx.plus(Rx.lit("*")), Rx.cls(notStarSlash)))),
        Rx.plus(Rx.lit("*")), Rx.lit("/"));
  }

  private static Syntax ecma(String language) {
    Chars start = letters().union(Chars.of("$"));
    List<Decl> decls = List.of(
        new Decl("const", IdentifierCategory.VARIABLE, List.of(), false, true),
        // a module-level const is a constant as often as a variable (MAX_PAGE_SIZE)
        new Decl("const", IdentifierCategory.CONSTANT, List.of(), false, false),
        new Decl("let", IdentifierCategory.VARIABLE, List.of(), false, true),
        new Decl("var", IdentifierCategory.VARIABLE, List.of(), false, true),
        new Decl("function", IdentifierCategory.FUNCTION, List.of(), false, true),
        new Decl("class", IdentifierCategory.TYPE, List.of(), false, false));
    return new Syntax(language, start, start.union(Chars.range('0', '9')),
        List.of(quoted("\"", false), quoted("'", false)), List.of(),
        List.of(lineComment("//"), blockComment()), Chars.of("\"'`"), false, false, decls, false, true);
  }

  private static Syntax python() {
    Chars start = letters();
    List<Rx> strings = List.of(tripleQuoted("\""), tripleQuoted("'"), quoted("\"", false), quoted("'", false));
    Rx prefix = Rx.cls(Chars.of("rRbBfFuU"));
    List<Rx> prefixed = strings.stream().map(s -> Rx.seq(prefix, Rx.opt(prefix), s)).toList();
    List<Decl> decls = List.of(
        new Decl("def", IdentifierCategory.FUNCTION, List.of(), false, false),
        new Decl("class", IdentifierCategory.TYPE, List.of(), false, false));
    return new Syntax("python", start, start.union(Chars.range('0', '9')), strings, prefixed,
        List.of(lineComment("#")), Chars.of("\"'#"), true, false, decls, false, false);
  }

  private static Syntax rust() {
    Chars start = letters();
    Rx raw = Rx.seq(Rx.lit("r\""), Rx.star(Rx.cls(Chars.of("\"").negate())), Rx.lit("\""));
    Rx rawHash = Rx.seq(Rx.lit("r#\""),
        Rx.star(Rx.alt(Rx.cls(Chars.of("\"").negate()), Rx.seq(Rx.lit("\""), Rx.cls(Chars.of("#").negate())))), Rx.lit("\"#"));
    Rx bytes = Rx.seq(Rx.lit("b"), quoted("\"", true));
    // a lifetime ('a, 'static) and a char literal ('a') share their start; greedy lexing tells them apart
    Rx lifetime = Rx.seq(Rx.lit("'"), Rx.cls(start), Rx.star(Rx.cls(start.union(Chars.range('0', '9')))));
    List<Decl> decls = List.of(
        // let Some(x) = ..., let Point { x, y } = ...: a pattern, not a new name
        new Decl("let", IdentifierCategory.VARIABLE, List.of("mut"), false, true, true),
        new Decl("fn", IdentifierCategory.FUNCTION, List.of(), false, true),
        new Decl("struct", IdentifierCategory.TYPE, List.of(), false, false),
        new Decl("enum", IdentifierCategory.TYPE, List.of(), false, false),
        new Decl("trait", IdentifierCategory.TYPE, List.of(), false, false),
        new Decl("const", IdentifierCategory.CONSTANT, List.of(), true, false),
        new Decl("static", IdentifierCategory.CONSTANT, List.of("mut"), false, false));
    return new Syntax("rust", start, start.union(Chars.range('0', '9')),
        List.of(quoted("\"", true), charLiteral(), lifetime), List.of(raw, rawHash, bytes),
        List.of(lineComment("//"), blockComment()), Chars.of("\"'"), false, false, decls, false, false);
  }

  private static Syntax go() {
    Chars start = letters();
    Rx raw = Rx.seq(Rx.lit("`"), Rx.star(Rx.cls(Chars.of("`").negate())), Rx.lit("`"));
    List<Decl> decls = List.of(
        new Decl("var", IdentifierCategory.VARIABLE, List.of(), false, true),
        new Decl("const", IdentifierCategory.CONSTANT, List.of(), false, true));
    return new Syntax("go", start, start.union(Chars.range('0', '9')),
        List.of(quoted("\"", false), raw, charLiteral()), List.of(),
        List.of(lineComment("//"), blockComment()), Chars.of("\"'`"), false, true, decls, true, false);
  }

  private static Syntax zig() {
    Chars start = letters();
    Rx multiline = lineComment("\\\\");
    List<Decl> decls = List.of(
        new Decl("const", IdentifierCategory.VARIABLE, List.of(), true, false),
        // Zig names types by constants: const Self = @This(), const Point = struct {...}
        new Decl("const", IdentifierCategory.TYPE, List.of(), false, false),
        new Decl("const", IdentifierCategory.CONSTANT, List.of(), false, false),
        new Decl("var", IdentifierCategory.VARIABLE, List.of(), false, false));
    return new Syntax("zig", start, start.union(Chars.range('0', '9')),
        List.of(quoted("\"", false), charLiteral(), multiline), List.of(),
        List.of(lineComment("//")), Chars.of("\"'\\"), false, false, decls, false, false);
  }

  private static Syntax java() {
    Chars start = letters().union(Chars.of("$"));
    return new Syntax("java", start, start.union(Chars.range('0', '9')),
        List.of(tripleQuoted("\""), quoted("\"", false), charLiteral()), List.of(),
        List.of(lineComment("//"), blockComment()), Chars.of("\"'"), false, false, List.of(), false, false);
  }
}
