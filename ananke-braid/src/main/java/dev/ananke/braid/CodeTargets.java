package dev.ananke.braid;

import dev.ananke.braid.emit.CodeGrammars;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Priority;
import dev.ananke.core.Tier;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.Grammar;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.ir.TokenMaskRules;
import dev.ananke.core.payload.AsyncIdiom;
import dev.ananke.core.payload.ErrorHandlingIdiom;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.OperationalBound;
import dev.ananke.core.payload.ParseError;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.RequiredPattern;
import dev.ananke.core.payload.TypeBound;
import dev.ananke.core.payload.TypeDeclaration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/*
 * Code targets (a function's body, a new function, a module) to a grammar in both dialects, the
 * regex list and the token-mask rules. Every constraint ends up in exactly one place: the
 * provenance of the IR (enforced), or the unenforced list with its reason.
 */
final class CodeTargets {
  private final ConstraintSet set;
  private final Target target;
  private final String language;
  private final List<String> provenance = new ArrayList<>();
  private final List<Unenforced> unenforced = new ArrayList<>();
  private final List<String> regexes = new ArrayList<>();
  private final Set<String> denied = new TreeSet<>();
  private final Set<String> excluded = new TreeSet<>();
  private final Map<IdentifierCategory, Constraint> naming = new EnumMap<>(IdentifierCategory.class);
  private Priority priority = Priority.LOW;

  /** A SOFT naming convention is enforced when at least this share of the names measured follow it. */
  static final double MIN_SHARE = 0.8;

  CodeTargets(ConstraintSet set, Target target) {
    this.set = set;
    this.target = target;
    this.language = target.language();
  }

  Compilation compile() {
    if (!CodeGrammars.supports(language)) {
      throw new BadInputException("--language " + language, "no code grammar for this language (supported: typescript, javascript, python, rust, go, zig, java)");
    }
    Constraint function = target.kind() == TargetKind.FUNCTION_BODY ? findFunction() : null;
    Set<IdentifierCategory> checked = CodeGrammars.checkedCategories(language);
    for (Constraint c : set.constraints()) {
      if (c == function) {
        enforced(c);
      } else if (!Languages.appliesTo(c, language)) {
        skip(c, Unenforced.Why.NOT_APPLICABLE, "speaks of " + Languages.of(c).orElse("?") + " code, the target is " + language);
      } else {
        classify(c, checked);
      }
    }
    Map<IdentifierCategory, NamingStyle> styles = new EnumMap<>(IdentifierCategory.class);
    naming.forEach((category, c) -> {
      styles.put(category, ((NamingConvention) c.payload()).style());
      enforced(c);
    });
    CodeGrammars.Spec spec = new CodeGrammars.Spec(language, styles, excluded);
    Grammar grammar = switch (target.kind()) {
      case FUNCTION_BODY -> {
        FunctionSignature sig = (FunctionSignature) function.payload();
        int column = function.origin() == null ? 0 : function.origin().column() - 1;
        yield CodeGrammars.functionBody(spec, sig.signature(), column);
      }
      case NEW_FUNCTION -> CodeGrammars.newFunction(spec);
      case MODULE -> CodeGrammars.module(spec);
      case TYPE_VALUE -> throw new IllegalStateException("type targets compile to JSON Schema");
    };
    Target resolved = function == null || function.origin() == null
        ? target
        : new Target(target.language(), target.kind(), target.name(), function.origin().file());
    ConstraintIR ir = new ConstraintIR(resolved, null, grammar, regexes,
        new TokenMaskRules(List.of(), List.copyOf(denied)), priority, provenance);
    return new Compilation(ir, unenforced, List.of());
  }

  private void classify(Constraint c, Set<IdentifierCategory> checked) {
    switch (c.payload()) {
      case FunctionSignature f -> skip(c, Unenforced.Why.NOT_APPLICABLE, "declares another function");
      case TypeDeclaration t -> skip(c, Unenforced.Why.NOT_APPLICABLE, "a declaration the code may use; nothing to restrict in new code");
      case ImportSet i -> skip(c, Unenforced.Why.NOT_APPLICABLE, "an import the code may use; nothing to restrict in new code");
      case NamingConvention n -> {
        if (!checked.contains(n.category())) {
          skip(c, Unenforced.Why.NOT_APPLICABLE, "no new " + n.category().name().toLowerCase() + " names are declared in this target");
        } else if (c.tier() != Tier.HARD && n.share() < MIN_SHARE) {
          skip(c, Unenforced.Why.ADVISORY, String.format("only %d of %d names follow it: a tendency, not a rule", n.conforming(), n.total()));
        } else {
          Constraint old = naming.get(n.category());
          if (old == null || stronger(c, old)) {
            if (old != null) skip(old, Unenforced.Why.NOT_SUPPORTED, "another naming convention for " + n.category() + " wins: " + c.name());
            naming.put(n.category(), c);
          } else {
            skip(c, Unenforced.Why.NOT_SUPPORTED, "another naming convention for " + n.category() + " wins: " + old.name());
          }
        }
      }
      case ForbiddenPattern p -> {
        Optional<Set<String>> names = ForbiddenCalls.excludedNames(p, language);
        if (names.isPresent()) {
          excluded.addAll(names.get());
          for (String n : names.get()) denied.add(n + "(");
          enforced(c);
        } else {
          skip(c, Unenforced.Why.NOT_SUPPORTED,
              "the pattern spans several lexemes (not a call or keyword), which a grammar cannot exclude; validation checks it");
        }
      }
      case RequiredPattern p -> {
        Optional<String> regex = containsRegex(p);
        if (regex.isPresent()) {
          regexes.add(regex.get());
          enforced(c);
        } else {
          skip(c, Unenforced.Why.NOT_SUPPORTED, "the pattern uses syntax the token engine does not accept (flags, \\b, lookarounds)");
        }
      }
      case TypeBound b -> {
        boolean applies = b.subject().equals("*") || b.subject().equals(target.name());
        if (!applies) {
          skip(c, Unenforced.Why.NOT_APPLICABLE, "bounds " + b.subject() + ", not this target");
        } else if (b.requiredType() == null && !b.annotationsRequired()) {
          excluded.addAll(b.forbiddenTypes());
          enforced(c);
        } else {
          skip(c, Unenforced.Why.NOT_SUPPORTED, "required types and annotations are not grammar-checked in bodies");
        }
      }
      case ErrorHandlingIdiom e -> skip(c, Unenforced.Why.ADVISORY, "a style the code follows; a prompt hint, not a mask");
      case AsyncIdiom a -> skip(c, Unenforced.Why.ADVISORY, "a style the code follows; a prompt hint, not a mask");
      case OperationalBound o -> skip(c, Unenforced.Why.NOT_APPLICABLE, "a runtime bound; no mask on the text enforces it");
      case ParseError e -> skip(c, Unenforced.Why.NOT_APPLICABLE, "a region of an existing file that did not parse");
    }
  }

  /** HARD beats SOFT, then priority, then confidence, then the larger share of names. */
  private static boolean stronger(Constraint a, Constraint b) {
    if (a.tier() != b.tier()) return a.tier() == Tier.HARD;
    if (a.priority() != b.priority()) return a.priority().compareTo(b.priority()) > 0;
    if (a.confidence() != b.confidence()) return a.confidence() > b.confidence();
    return ((NamingConvention) a.payload()).share() > ((NamingConvention) b.payload()).share();
  }

  private void enforced(Constraint c) {
    provenance.add(c.id());
    if (c.priority().compareTo(priority) > 0) priority = c.priority();
  }

  private void skip(Constraint c, Unenforced.Why why, String reason) {
    unenforced.add(new Unenforced(c.id(), c.name(), why, reason));
  }

  /** "Contains P" as a full-match regex; empty when P is not in the token engine's dialect. */
  private static Optional<String> containsRegex(RequiredPattern p) {
    String inner = p.syntax() == PatternSyntax.LITERAL ? Pattern.quote(p.pattern()) : p.pattern();
    String regex = "[\\s\\S]*(?:" + inner + ")[\\s\\S]*";
    try {
      dev.ananke.tokens.Regex.compile(regex);
      return Optional.of(regex);
    } catch (BadInputException e) {
      return Optional.empty();
    }
  }

  private @Nullable Constraint findFunction() {
    String wanted = target.name();
    List<Constraint> matches = new ArrayList<>();
    List<String> known = new ArrayList<>();
    for (Constraint c : set.constraints()) {
      if (!(c.payload() instanceof FunctionSignature f)) continue;
      String qualified = f.enclosingType() == null ? f.name() : f.enclosingType() + "." + f.name();
      known.add(qualified);
      boolean nameMatches = wanted.equals(f.name()) || wanted.equals(qualified);
      boolean fileMatches = target.file() == null || (c.origin() != null && c.origin().file().equals(target.file()));
      if (nameMatches && fileMatches && Languages.appliesTo(c, language)) matches.add(c);
    }
    if (matches.isEmpty()) {
      throw new BadInputException("--target function:" + wanted,
          "no " + language + " function named " + wanted + " is declared (declared: " + new TreeSet<>(known) + ")");
    }
    if (matches.size() > 1) {
      List<String> where = matches.stream().map(CodeTargets::describe).toList();
      throw new BadInputException("--target function:" + wanted, "ambiguous: " + where + "; qualify it as Type.name");
    }
    Constraint c = matches.getFirst();
    if (((FunctionSignature) c.payload()).signature() == null) {
      throw new BadInputException("--target function:" + wanted,
          "its signature text is unknown (a hand-written constraint): add \"signature\" to its payload");
    }
    return c;
  }

  private static String describe(Constraint c) {
    FunctionSignature f = (FunctionSignature) c.payload();
    String name = f.enclosingType() == null ? f.name() : f.enclosingType() + "." + f.name();
    return c.origin() == null ? name : name + " (" + c.origin() + ")";
  }
}
