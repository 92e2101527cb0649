package dev.ananke.braid.emit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ananke.core.ir.Grammar;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.NamingStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the structural code grammars of Braid's code targets. The grammars keep brackets
 * balanced and strings and comments well formed, restrict every newly declared name to its
 * category's naming style, and leave out excluded identifiers (the names of forbidden calls),
 * but do not parse the language's statements: they accept any code of the right shape, so a
 * function's real body is never refused.
 */
public final class CodeGrammars {
  private CodeGrammars() {}

  /**
   * What a code grammar enforces beyond structure.
   *
   * @param naming the naming style of each category whose newly declared names must follow it
   * @param excludedIdentifiers identifiers that may not appear as words (forbidden calls, forbidden types)
   */
  public record Spec(String language, Map<IdentifierCategory, NamingStyle> naming, Set<String> excludedIdentifiers) {
    public Spec {
      naming = naming.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(naming));
      excludedIdentifiers = Set.copyOf(new TreeSet<>(excludedIdentifiers));
    }
  }

  public static boolean supports(String language) {
    return Syntax.supports(language);
  }

  /**
   * The regex (java.util.regex, full match) a name of {@code style} must match in code of
   * {@code language}, as the grammars read it: Go's camelCase and PascalCase are MixedCaps.
   */
  public static String namePattern(String language, NamingStyle style) {
    boolean go = language.equals("go");
    return switch (style) {
      case CAMEL_CASE, PASCAL_CASE -> go ? "_*[A-Za-z][a-zA-Z0-9]*" : style.regex();
      case SNAKE_CASE, SCREAMING_SNAKE_CASE -> style.regex();
    };
  }

  /**
   * The style constants follow when the input had too few to measure: each language's own
   * convention (MAX_SIZE; Zig's snake_case); none for Go, whose constants are MixedCaps.
   */
  public static java.util.Optional<NamingStyle> defaultConstantStyle(String language) {
    return switch (language) {
      case "go" -> java.util.Optional.empty();
      case "zig" -> java.util.Optional.of(NamingStyle.SNAKE_CASE);
      default -> java.util.Optional.of(NamingStyle.SCREAMING_SNAKE_CASE);
    };
  }

  /** The categories whose new names a code grammar of {@code language} checks. */
  public static Set<IdentifierCategory> checkedCategories(String language) {
    Syntax syntax = Syntax.of(language);
    Set<IdentifierCategory> out = new TreeSet<>();
    for (Syntax.Decl d : syntax.decls()) out.add(d.category());
    if (syntax.goShortDecl() || syntax.indentBlocks()) out.add(IdentifierCategory.VARIABLE);
    if (syntax.indentBlocks()) out.add(IdentifierCategory.CONSTANT);
    return out;
  }

  /*
   * The grammar of a language under given conventions does not depend on the function: it is
   * built and printed once per (spec, target shape) and the signature is put in front of it. A
   * compile then costs a lookup and a concatenation, not a grammar construction.
   */
  private record Key(Spec spec, String shape, int indent) {}

  private record Printed(String lark, String gbnf) {}

  private static final Cache<Key, Printed> PRINTED = Caffeine.newBuilder().maximumSize(256).build();

  /**
   * The signature exactly as written, then a body.
   *
   * @param indent the column (0-based) at which the signature starts: a Python body is indented deeper
   */
  public static Grammar functionBody(Spec spec, String signature, int indent) {
    Printed base = PRINTED.get(new Key(spec, "body", indent), k -> {
      Builder b = new Builder(spec);
      b.g.rule("body", b.syntax.indentBlocks() ? b.pythonSuite(indent) : b.braceBody());
      return new Printed(b.g.larkRules(), b.g.gbnfRules());
    });
    return new Grammar(
        "start: function\nfunction: " + CodeGrammar.larkString(signature) + " body\n" + base.lark(),
        "root ::= function\nfunction ::= " + Rx.gbnfString(signature) + " body\n" + base.gbnf());
  }

  /** A new top-level function: its name in the function style, any parameters, then a body. */
  public static Grammar newFunction(Spec spec) {
    return whole(new Key(spec, "new-function", 0), b -> b.g.rule("function", b.newFunction()));
  }

  /** A whole file of well-formed code. */
  public static Grammar module(Spec spec) {
    return whole(new Key(spec, "module", 0), b -> {
      if (b.syntax.indentBlocks()) {
        b.g.rule("function", b.pythonLines(0, true));
      } else {
        b.defineGroups();
        b.g.rule("function", Sym.ref("items_opt"));
      }
    });
  }

  private static Grammar whole(Key key, java.util.function.Consumer<Builder> start) {
    Printed p = PRINTED.get(key, k -> {
      Builder b = new Builder(k.spec());
      start.accept(b);
      return new Printed(b.g.lark(), b.g.gbnf());
    });
    return new Grammar(p.lark(), p.gbnf());
  }

  /** Builds one grammar; every definition goes into {@code g} once. */
  private static final class Builder {
    final Spec spec;
    final Syntax syntax;
    final CodeGrammar g = new CodeGrammar("function");
    private final Set<String> declKeywords = new TreeSet<>();

    Builder(Spec spec) {
      this.spec = spec;
      this.syntax = Syntax.of(spec.language());
      for (Syntax.Decl d : syntax.decls()) declKeywords.add(d.keyword());
      terminals();
    }

    private void terminals() {
      Chars word = syntax.identPart();
      Set<String> excluded = new TreeSet<>(spec.excludedIdentifiers());
      excluded.addAll(declKeywords);
      g.terminal("IDENT", Words.identifierExcept(syntax.identStart(), word, excluded));
      g.terminal("NUMBER", Rx.seq(Rx.cls(Chars.range('0', '9')), Rx.star(Rx.cls(word.union(Chars.of("."))))));
      Chars structural = word.union(Chars.of(" \t\r\n(){}[]=:*,")).union(syntax.quoteChars());
      if (syntax.templates()) structural = structural.union(Chars.of("`"));
      g.terminal("PUNCT", Rx.cls(structural.negate().minus(Chars.range(0, 0x1F))));
      g.terminal("WS", Rx.plus(Rx.cls(Chars.of(" \t\r\n"))));
      if (syntax.indentBlocks()) {
        g.terminal("SP", Rx.plus(Rx.cls(Chars.of(" \t"))));
        g.terminal("NL", Rx.seq(Rx.opt(Rx.lit("\r")), Rx.lit("\n")));
        g.terminal("CONT", Rx.seq(Rx.lit("\\"), Rx.opt(Rx.lit("\r")), Rx.lit("\n")));
        g.terminal("BLANK", Rx.seq(Rx.star(Rx.cls(Chars.of(" \t"))), Rx.opt(Syntax.lineComment("#")), Rx.opt(Rx.lit("\r")), Rx.lit("\n")));
      }
      for (int i = 0; i < syntax.strings().size(); i++) g.terminal("STRING" + i, syntax.strings().get(i));
      for (int i = 0; i < syntax.wordStrings().size(); i++) g.terminal("WSTRING" + i, syntax.wordStrings().get(i));
      for (int i = 0; i < syntax.comments().size(); i++) g.terminal("COMMENT" + i, syntax.comments().get(i));
      if (syntax.templates()) {
        g.terminal("TEMPLATE_TEXT", Rx.plus(Rx.alt(Rx.cls(Chars.of("`\\$").negate()), Rx.seq(Rx.lit("\\"), Rx.cls(Chars.ANY)))));
      }
      g.terminal("TYPE_NAME", Rx.seq(Rx.cls(Chars.range('A', 'Z')), Rx.star(Rx.cls(word))));
      for (IdentifierCategory c : IdentifierCategory.values()) {
        g.terminal("NAME_" + c.name(), declaredName(c));
      }
    }

    /** The names a declaration of category {@code c} may introduce: its style, never a keyword, or {@code _}. */
    private Rx declaredName(IdentifierCategory c) {
      NamingStyle style = spec.naming().get(c);
      if (style == null && c == IdentifierCategory.CONSTANT) style = defaultConstantStyle(syntax.language()).orElse(null);
      Set<String> keywords = new TreeSet<>(declKeywords);
      keywords.addAll(modifiers());
      if (style == null) {
        return Words.identifierExcept(syntax.identStart(), syntax.identPart(), keywords);
      }
      Chars lower = Chars.range('a', 'z');
      Chars upper = Chars.range('A', 'Z');
      Chars digits = Chars.range('0', '9');
      Chars under = Chars.of("_");
      Chars first;
      Chars rest;
      boolean mixedCaps = syntax.language().equals("go") && (style == NamingStyle.CAMEL_CASE || style == NamingStyle.PASCAL_CASE);
      switch (style) {
        case CAMEL_CASE -> { first = lower; rest = lower.union(upper).union(digits); }
        case PASCAL_CASE -> { first = upper; rest = lower.union(upper).union(digits); }
        case SNAKE_CASE -> { first = lower; rest = lower.union(digits).union(under); }
        case SCREAMING_SNAKE_CASE -> { first = upper; rest = upper.union(digits).union(under); }
        default -> throw new IllegalStateException();
      }
      if (mixedCaps) {
        // Go's rule is MixedCaps: a first capital says a name is exported, not that it has another style
        first = lower.union(upper);
      }
      // the style's regex is _*F R*; underscores first never spell a keyword
      return Rx.alt(Rx.seq(Rx.plus(Rx.lit("_")), Rx.opt(Rx.seq(Rx.cls(first), Rx.star(Rx.cls(rest))))),
          Words.identifierExcept(first, rest, keywords));
    }

    private Set<String> modifiers() {
      Set<String> out = new TreeSet<>();
      for (Syntax.Decl d : syntax.decls()) out.addAll(d.modifiers());
      return out;
    }

    // ---- items

    private static final Item.Edge W = Item.Edge.WORD;
    private static final Item.Edge O = Item.Edge.OTHER;

    private List<Item> items(boolean pythonLine) {
      List<Item> out = new ArrayList<>();
      Sym space = pythonLine ? Sym.alt(Sym.term("SP"), Sym.term("CONT")) : Sym.term("WS");
      out.add(new Item(space, O, O, Item.Role.SPACE));
      out.add(new Item(Sym.term("IDENT"), W, W, Item.Role.IDENT));
      out.add(Item.of(Sym.term("NUMBER"), W, W));
      out.add(Item.of(Sym.term("PUNCT"), O, O));
      out.add(Item.of(Sym.lit("="), Item.Edge.EQ, O));
      out.add(Item.of(Sym.lit(":"), O, Item.Edge.COLON));
      out.add(Item.of(Sym.lit("*"), O, Item.Edge.TYPE_PREFIX));
      out.add(Item.of(Sym.lit(","), O, Item.Edge.COMMA));
      for (int i = 0; i < syntax.strings().size(); i++) out.add(Item.of(Sym.term("STRING" + i), O, O));
      for (int i = 0; i < syntax.wordStrings().size(); i++) out.add(Item.of(Sym.term("WSTRING" + i), W, O));
      for (int i = 0; i < syntax.comments().size(); i++) out.add(Item.of(Sym.term("COMMENT" + i), O, O));
      out.add(Item.of(Sym.ref("paren"), O, O));
      out.add(Item.of(Sym.ref("bracket"), O, Item.Edge.TYPE_PREFIX));
      out.add(Item.of(Sym.ref("brace"), O, O));
      if (syntax.templates()) out.add(Item.of(Sym.ref("template"), O, O));
      for (Syntax.Decl d : syntax.decls()) addDecl(out, d);
      if (syntax.goShortDecl()) {
        Sym name = Sym.term("NAME_VARIABLE");
        Sym more = Sym.star(Sym.seq(Sym.opt(Sym.term("WS")), Sym.lit(","), Sym.opt(Sym.term("WS")), name));
        out.add(new Item(Sym.seq(name, more, Sym.opt(Sym.term("WS")), Sym.lit(":=")), W, Item.Edge.EQ, Item.Role.NAME_LIST));
      }
      if (pythonLine) {
        Sym assign = Sym.seq(Sym.term("NAME_VARIABLE"), Sym.opt(Sym.term("SP")), Sym.lit("="));
        out.add(new Item(assign, W, Item.Edge.EQ, Item.Role.ASSIGNMENT));
        Sym constant = Sym.seq(Sym.term("NAME_CONSTANT"), Sym.opt(Sym.term("SP")), Sym.lit("="));
        out.add(new Item(constant, W, Item.Edge.EQ, Item.Role.ASSIGNMENT));
      }
      return out;
    }

    private void addDecl(List<Item> out, Syntax.Decl d) {
      Sym kw = Sym.lit(d.keyword());
      Sym gap = Sym.term(syntax.indentBlocks() ? "SP" : "WS");
      List<Sym> mods = new ArrayList<>();
      for (String m : d.modifiers()) mods.add(Sym.seq(Sym.lit(m), gap));
      Sym name = Sym.term("NAME_" + d.category().name());
      Sym declared = mods.isEmpty() ? Sym.seq(kw, gap, name) : Sym.seq(kw, gap, Sym.opt(Sym.alt(mods)), name);
      out.add(Item.of(declared, W, W));
      if (d.alsoBeforeGroup()) {
        out.add(Item.of(Sym.seq(kw, Sym.opt(gap), Sym.alt(Sym.ref("paren"), Sym.ref("bracket"), Sym.ref("brace"))), W, O));
      }
      if (d.alsoBeforeTypeName()) {
        out.add(Item.of(Sym.seq(kw, gap, Sym.term("TYPE_NAME")), W, W));
      }
      if (d.alsoQualifier()) {
        out.add(new Item(kw, W, W, Item.Role.QUALIFIER));
      }
    }

    /** Defines the bracket rules once; their contents are block items (newlines allowed). */
    void defineGroups() {
      if (g.hasRule("paren")) return;
      Sym inner = Sym.ref("items_opt");
      g.rule("paren", Sym.seq(Sym.lit("("), inner, Sym.lit(")")));
      g.rule("bracket", Sym.seq(Sym.lit("["), inner, Sym.lit("]")));
      g.rule("brace", Sym.seq(Sym.lit("{"), inner, Sym.lit("}")));
      if (syntax.templates()) {
        Sym part = Sym.alt(Sym.term("TEMPLATE_TEXT"), Sym.lit("$"), Sym.seq(Sym.lit("${"), inner, Sym.lit("}")));
        g.rule("template", Sym.seq(Sym.lit("`"), Sym.star(part), Sym.lit("`")));
      }
      ItemSequences.define(g, "items", items(false), syntax.colonEq(), false);
      g.rule("items_opt", Sym.opt(Sym.ref("items")));
    }

    Sym braceBody() {
      defineGroups();
      return Sym.seq(Sym.opt(Sym.term("WS")), Sym.ref("brace"));
    }

    /** {@code :} then either the rest of the line, or a newline and lines indented past {@code indent}. */
    Sym pythonSuite(int indent) {
      defineGroups();
      Sym lines = pythonLines(indent + 1, false);
      Sym sameLine = Sym.seq(Sym.opt(Sym.term("SP")), lineItems(), Sym.opt(Sym.term("NL")));
      Sym nextLines = Sym.seq(Sym.opt(Sym.term("SP")), Sym.opt(Sym.term("COMMENT0")), Sym.term("NL"), lines);
      return Sym.seq(Sym.lit(":"), Sym.alt(nextLines, sameLine));
    }

    private Sym lineItems() {
      if (!g.hasRule("line")) {
        ItemSequences.define(g, "line", items(true), false, true);
      }
      return Sym.ref("line");
    }

    /** Lines indented by at least {@code minIndent}; blank lines anywhere; the last newline optional. */
    Sym pythonLines(int minIndent, boolean module) {
      defineGroups();
      String ind = "IND" + minIndent;
      Rx indent = minIndent == 0
          ? Rx.star(Rx.cls(Chars.of(" \t")))
          : Rx.seq(new Rx.Rep(Rx.cls(Chars.of(" \t")), minIndent, minIndent), Rx.star(Rx.cls(Chars.of(" \t"))));
      g.terminal(ind, indent);
      Sym line = minIndent == 0 ? Sym.seq(Sym.opt(Sym.term(ind)), lineItems()) : Sym.seq(Sym.term(ind), lineItems());
      Sym full = Sym.alt(Sym.term("BLANK"), Sym.seq(line, Sym.term("NL")));
      String rule = "lines" + minIndent;
      g.rule(rule, Sym.seq(Sym.star(full), Sym.opt(line)));
      return Sym.ref(rule);
    }

    Sym newFunction() {
      defineGroups();
      Sym name = Sym.term("NAME_FUNCTION");
      Sym sp = Sym.term(syntax.indentBlocks() ? "SP" : "WS");
      Sym header = Sym.opt(headerItems());
      return switch (syntax.language()) {
        case "typescript", "javascript" -> Sym.seq(Sym.opt(Sym.seq(Sym.lit("export"), sp)), Sym.opt(Sym.seq(Sym.lit("async"), sp)),
            Sym.lit("function"), sp, name, Sym.opt(sp), Sym.ref("paren"), header, braceBody());
        case "rust" -> Sym.seq(Sym.opt(Sym.seq(Sym.lit("pub"), sp)), Sym.opt(Sym.seq(Sym.lit("async"), sp)),
            Sym.lit("fn"), sp, name, Sym.opt(Sym.ref("generic")), Sym.opt(sp), Sym.ref("paren"), header, braceBody());
        case "go" -> Sym.seq(Sym.lit("func"), sp, Sym.opt(Sym.seq(Sym.ref("paren"), Sym.opt(sp))), name,
            Sym.opt(Sym.ref("generic")), Sym.ref("paren"), header, braceBody());
        case "zig" -> Sym.seq(Sym.opt(Sym.seq(Sym.lit("pub"), sp)), Sym.lit("fn"), sp, name, Sym.ref("paren"), header, braceBody());
        case "java" -> Sym.seq(headerItems(), sp, name, Sym.opt(sp), Sym.ref("paren"), header, braceBody());
        case "python" -> Sym.seq(Sym.opt(Sym.seq(Sym.lit("async"), sp)), Sym.lit("def"), sp, name, Sym.opt(sp), Sym.ref("paren"),
            Sym.opt(Sym.seq(Sym.opt(sp), Sym.lit("->"), header)), pythonSuite(0));
        default -> throw new IllegalStateException(syntax.language());
      };
    }

    /** What may stand between a parameter list and a body: a return type, {@code where}, {@code throws}; no braces. */
    private Sym headerItems() {
      if (!g.hasRule("header")) {
        List<Item> items = new ArrayList<>(items(false));
        items.removeIf(i -> i.body().equals(Sym.ref("brace")) || i.role() == Item.Role.ASSIGNMENT);
        if (syntax.indentBlocks()) items.removeIf(i -> i.body().equals(Sym.lit(":")));
        ItemSequences.define(g, "header", items, syntax.colonEq(), false);
        Sym angle = Sym.seq(Sym.lit("<"), Sym.ref("header"), Sym.lit(">"));
        if (!g.hasRule("generic")) g.rule("generic", angle);
      }
      return Sym.ref("header");
    }
  }
}
