package dev.ananke.maze.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ananke.braid.Compilation;
import dev.ananke.braid.Languages;
import dev.ananke.braid.emit.CodeGrammars;
import dev.ananke.clew.Clew;
import dev.ananke.clew.ExtractionResult;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Tier;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.ParseError;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.RequiredPattern;
import dev.ananke.tokens.Regex;
import dev.ananke.tokens.earley.CompiledGrammar;
import dev.ananke.tokens.grammar.Grammar;
import dev.ananke.tokens.jsonschema.JsonSchemaCompiler;
import dev.ananke.tokens.jsonschema.JsonSchemaOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an output against the compilation it was generated under and the set it came from:
 * the IR's grammar or JSON Schema and regexes (exactly, by the token engine), that it parses in
 * the target language (tree-sitter, through Clew; a method is parsed inside a stand-in type),
 * the target's signature, every HARD forbidden and required pattern (including those no grammar
 * could enforce), and the names it declares against the naming conventions the IR enforces.
 * Thread-safe.
 */
public final class Validator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Clew clew = Clew.builder().build();
  /** Compiled grammars by their text: the outputs of one target are validated against one grammar. */
  private final com.github.benmanes.caffeine.cache.Cache<String, CompiledGrammar> grammars =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(256).build();

  public Validation validate(String output, Compilation compilation, ConstraintSet set) {
    ConstraintIR ir = compilation.ir();
    String language = ir.target().language();
    List<Check> checks = new ArrayList<>();
    if (ir.jsonSchema() != null) {
      checks.add(json(output, ir));
    } else {
      if (ir.grammar() != null) checks.add(grammar(output, ir));
      checks.add(parses(output, ir));
    }
    for (String regex : ir.regexes()) {
      boolean ok = Regex.compile(regex).matches(output);
      checks.add(new Check(null, "regex " + regex, ok, ok ? "matches" : "the output does not match it"));
    }
    Map<IdentifierCategory, NamingStyle> naming = new EnumMap<>(IdentifierCategory.class);
    for (Constraint c : set.constraints()) {
      if (!Languages.of(c).map(language::equals).orElse(true)) continue;
      switch (c.payload()) {
        case FunctionSignature f when ir.target().kind() == TargetKind.FUNCTION_BODY && ir.provenance().contains(c.id())
            && f.signature() != null -> {
          boolean ok = output.stripLeading().startsWith(f.signature());
          checks.add(new Check(c.id(), c.name(), ok, ok ? "starts with the signature" : "does not start with «" + f.signature() + "»"));
        }
        case ForbiddenPattern p when c.tier() == Tier.HARD -> checks.add(forbidden(c, p, output));
        case RequiredPattern p when c.tier() == Tier.HARD -> checks.add(required(c, p, output));
        case NamingConvention n when ir.provenance().contains(c.id()) -> naming.put(n.category(), n.style());
        default -> {}
      }
    }
    if (ir.jsonSchema() == null) checks.addAll(names(output, language, naming, set));
    return Validation.of(checks);
  }

  private Check grammar(String output, ConstraintIR ir) {
    CompiledGrammar g = grammars.get("lark:" + ir.grammar().lark(), k -> CompiledGrammar.compile(Grammar.lark(ir.grammar().lark())));
    byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
    if (g.accepts(bytes)) return new Check(null, "grammar", true, "accepted by the compiled grammar");
    int at = g.validPrefixLength(bytes);
    String where = at >= bytes.length ? "the output ends before the grammar does (incomplete)" : "refused at " + position(output, at);
    return new Check(null, "grammar", false, where);
  }

  private Check json(String output, ConstraintIR ir) {
    try {
      JSON.readTree(output);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return new Check(null, "JSON Schema", false, "not JSON: " + e.getOriginalMessage());
    }
    CompiledGrammar g = grammars.get("json:" + ir.jsonSchema().text(),
        k -> CompiledGrammar.compile(JsonSchemaCompiler.compile(ir.jsonSchema().text(), JsonSchemaOptions.DEFAULT.withAnyPropertyOrder(true))));
    boolean ok = g.accepts(output);
    return new Check(null, "JSON Schema", ok, ok ? "valid against the schema" : "not valid against the schema at " + position(output, g.validPrefixLength(output.getBytes(StandardCharsets.UTF_8))));
  }

  /** Parses with tree-sitter; a method is wrapped in a stand-in type of its language first. */
  private Check parses(String output, ConstraintIR ir) {
    String language = ir.target().language();
    Wrapped w = Wrapped.of(language, ir.target().kind() == TargetKind.FUNCTION_BODY && ir.target().name() != null
        && ir.target().name().contains("."), output);
    ExtractionResult r = clew.extractSource("output." + extension(language), w.text(), language);
    for (Constraint c : r.constraints().constraints()) {
      if (c.payload() instanceof ParseError e && c.origin() != null) {
        int line = c.origin().line() - w.linesBefore();
        return new Check(null, "parses as " + language, false, "syntax error at line " + line + ", column " + c.origin().column() + ": " + e.message());
      }
    }
    return new Check(null, "parses as " + language, true, "no syntax error");
  }

  private record Wrapped(String text, int linesBefore) {
    static Wrapped of(String language, boolean method, String output) {
      if (!method) return new Wrapped(output, 0);
      return switch (language) {
        case "typescript", "javascript" -> new Wrapped("class AnankeOutput {\n" + output + "\n}\n", 1);
        case "python" -> new Wrapped("class AnankeOutput:\n    " + output, 1);
        case "rust" -> new Wrapped("impl AnankeOutput {\n" + output + "\n}\n", 1);
        case "zig" -> new Wrapped("const AnankeOutput = struct {\n" + output + "\n};\n", 1);
        case "java" -> new Wrapped("class AnankeOutput {\n" + output + "\n}\n", 1);
        default -> new Wrapped(output, 0);
      };
    }
  }

  private static String extension(String language) {
    return switch (language) {
      case "typescript" -> "ts";
      case "javascript" -> "js";
      case "python" -> "py";
      case "rust" -> "rs";
      default -> language;
    };
  }

  private static Check forbidden(Constraint c, ForbiddenPattern p, String output) {
    int at = p.syntax() == PatternSyntax.LITERAL ? output.indexOf(p.pattern()) : find(p.pattern(), output);
    return at < 0
        ? new Check(c.id(), c.name(), true, "not found")
        : new Check(c.id(), c.name(), false, "found at " + position(output, at) + ": " + p.reason());
  }

  private static Check required(Constraint c, RequiredPattern p, String output) {
    int at = p.syntax() == PatternSyntax.LITERAL ? output.indexOf(p.pattern()) : find(p.pattern(), output);
    return at >= 0
        ? new Check(c.id(), c.name(), true, "found at " + position(output, at))
        : new Check(c.id(), c.name(), false, "missing: " + p.reason());
  }

  private static int find(String regex, String text) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.start() : -1;
  }

  private static List<Check> names(String output, String language, Map<IdentifierCategory, NamingStyle> naming, ConstraintSet set) {
    List<Check> out = new ArrayList<>();
    for (Declarations.Declared d : Declarations.of(language, output)) {
      List<String> patterns = new ArrayList<>();
      boolean unrestricted = false; // a category with no style accepts any name, as in the grammar
      for (IdentifierCategory c : d.categories()) {
        NamingStyle style = naming.get(c);
        if (style == null && c == IdentifierCategory.CONSTANT) style = CodeGrammars.defaultConstantStyle(language).orElse(null);
        if (style != null) patterns.add(CodeGrammars.namePattern(language, style));
        else unrestricted = true;
      }
      if (unrestricted || d.name().equals("_")) continue;
      boolean ok = patterns.stream().anyMatch(d.name()::matches);
      String what = d.categories().getFirst().name().toLowerCase() + " name " + d.name();
      out.add(new Check(null, "naming of " + what, ok,
          ok ? "follows " + patterns : "at " + position(output, d.offset()) + " does not follow " + patterns));
    }
    return out;
  }

  /** {@code line L, column C} of a character (or byte, for ASCII-only prefixes) offset. */
  static String position(String text, int offset) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return "line " + line + ", column " + col;
  }
}
