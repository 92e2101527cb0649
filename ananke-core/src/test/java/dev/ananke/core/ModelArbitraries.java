package dev.ananke.core;

import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.Grammar;
import dev.ananke.core.ir.JsonSchema;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.ir.TokenMaskRules;
import dev.ananke.core.payload.AsyncIdiom;
import dev.ananke.core.payload.AsyncStyle;
import dev.ananke.core.payload.ErrorHandlingIdiom;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.OperationalBound;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.ParseError;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.Payload;
import dev.ananke.core.payload.RequiredPattern;
import dev.ananke.core.payload.TypeBound;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random model values for property tests: every payload kind, every field, awkward strings. */
final class ModelArbitraries {
  private ModelArbitraries() {}

  /** Non-blank strings including quotes, backslashes, control characters and non-ASCII text. */
  static Arbitrary<String> text() {
    return net.jqwik.api.Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('\n', '\t', '"', '\\', '\u0000', 'é', '→', '日', '\uD83D', '\uDE00')
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(s -> !s.isBlank() && validUtf16(s));
  }

  private static boolean validUtf16(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static Arbitrary<String> name() {
    return net.jqwik.api.Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
  }

  static Arbitrary<String> maybe(Arbitrary<String> a) {
    return a.injectNull(0.3);
  }

  static Arbitrary<Parameter> parameter() {
    return Combinators.combine(
            name(), maybe(text()), net.jqwik.api.Arbitraries.of(true, false),
            net.jqwik.api.Arbitraries.of(true, false), maybe(text()))
        .as(Parameter::new);
  }

  static Arbitrary<FunctionSignature> functionSignature() {
    return Combinators.combine(
            name(),
            parameter().list().ofMaxSize(4).uniqueElements(Parameter::name),
            maybe(text()),
            net.jqwik.api.Arbitraries.of(true, false),
            net.jqwik.api.Arbitraries.of(Visibility.class),
            maybe(name()),
            text().list().ofMaxSize(2),
            maybe(text()))
        .as(FunctionSignature::new);
  }

  static Arbitrary<TypeDeclaration> typeDeclaration() {
    Arbitrary<List<Field>> fields =
        Combinators.combine(name(), maybe(text()), net.jqwik.api.Arbitraries.of(true, false))
            .as(Field::new)
            .list()
            .ofMaxSize(4)
            .uniqueElements(Field::name);
    return Combinators.combine(
            name(), net.jqwik.api.Arbitraries.of(TypeKind.class), fields, text().list().ofMaxSize(2),
            text().list().ofMaxSize(2), text().list().ofMaxSize(3), text(), net.jqwik.api.Arbitraries.of(Visibility.class))
        .as(
            (n, kind, fs, tps, sups, variants, alias, vis) ->
                new TypeDeclaration(
                    n, kind, fs, tps, sups,
                    kind == TypeKind.ENUM || kind == TypeKind.UNION ? variants : List.of(),
                    kind == TypeKind.ALIAS ? alias : null,
                    vis));
  }

  static Arbitrary<Payload> payload() {
    Arbitrary<Payload> imports =
        Combinators.combine(text(), text().list().ofMaxSize(4), maybe(name()), net.jqwik.api.Arbitraries.of(true, false))
            .as(ImportSet::new);
    Arbitrary<Payload> naming =
        Combinators.combine(
                net.jqwik.api.Arbitraries.of(IdentifierCategory.class), net.jqwik.api.Arbitraries.of(NamingStyle.class),
                net.jqwik.api.Arbitraries.integers().between(1, 1000))
            .as((cat, style, total) -> new NamingConvention(cat, style, total / 2, total));
    Arbitrary<Payload> errors =
        Combinators.combine(net.jqwik.api.Arbitraries.of(ErrorIdiom.class), net.jqwik.api.Arbitraries.integers().between(1, 99))
            .as(ErrorHandlingIdiom::new);
    Arbitrary<Payload> async =
        Combinators.combine(net.jqwik.api.Arbitraries.of(AsyncStyle.class), net.jqwik.api.Arbitraries.integers().between(1, 99))
            .as(AsyncIdiom::new);
    Arbitrary<Payload> forbidden =
        Combinators.combine(text(), net.jqwik.api.Arbitraries.of(PatternSyntax.class), text()).as(ForbiddenPattern::new);
    Arbitrary<Payload> required =
        Combinators.combine(text(), net.jqwik.api.Arbitraries.of(PatternSyntax.class), text()).as(RequiredPattern::new);
    Arbitrary<Payload> typeBound =
        Combinators.combine(text(), maybe(name()), text().list().ofMaxSize(3))
            .as((s, req, forb) -> {
              List<String> f = req == null ? forb : forb.stream().filter(x -> !x.equals(req)).toList();
              return new TypeBound(s, req, f, true);
            });
    Arbitrary<Payload> operational =
        Combinators.combine(
                text(), net.jqwik.api.Arbitraries.doubles().between(-1e9, 1e9), net.jqwik.api.Arbitraries.doubles().between(0, 1e9), text())
            .as((m, lo, span, unit) -> new OperationalBound(m, lo, lo + span, unit));
    Arbitrary<Payload> parseError =
        Combinators.combine(
                net.jqwik.api.Arbitraries.integers().between(1, 10_000), net.jqwik.api.Arbitraries.integers().between(1, 500), text())
            .as(ParseError::new);
    return net.jqwik.api.Arbitraries.oneOf(
        functionSignature().map(Payload.class::cast),
        typeDeclaration().map(Payload.class::cast),
        imports, naming, errors, async, forbidden, required, typeBound, operational, parseError);
  }

  static Arbitrary<Origin> origin() {
    return Combinators.combine(
            text().map(s -> s.replace('\\', '/')),
            net.jqwik.api.Arbitraries.integers().between(1, 100_000),
            net.jqwik.api.Arbitraries.integers().between(1, 400))
        .as(Origin::new);
  }

  static Arbitrary<Constraint> constraint() {
    return Combinators.combine(
            text(), payload(), net.jqwik.api.Arbitraries.of(Tier.class), net.jqwik.api.Arbitraries.of(Priority.class),
            net.jqwik.api.Arbitraries.doubles().between(0, 1), net.jqwik.api.Arbitraries.integers().between(1, 50),
            net.jqwik.api.Arbitraries.of(ConstraintSource.class), origin().injectNull(0.2))
        .as(
            (n, p, tier, prio, conf, freq, src, origin) -> {
              Tier t = p instanceof OperationalBound ? Tier.SOFT : tier;
              return Constraint.builder(n, p)
                  .description(n + " described")
                  .tier(t)
                  .priority(prio)
                  .confidence(conf)
                  .frequency(freq)
                  .source(src)
                  .origin(origin)
                  .build();
            });
  }

  static Arbitrary<ConstraintSet> constraintSet() {
    return constraint().list().ofMaxSize(8).uniqueElements(Constraint::id).map(ConstraintSet::new);
  }

  static Arbitrary<ConstraintIR> constraintIR() {
    Arbitrary<Target> target =
        Combinators.combine(text(), net.jqwik.api.Arbitraries.of(TargetKind.class), name(), maybe(text()))
            .as(Target::new);
    Arbitrary<JsonSchema> schema =
        Combinators.combine(name(), name(), net.jqwik.api.Arbitraries.integers().between(0, 9))
            .as((a, b, n) -> new JsonSchema(
                "{\"type\":\"object\",\"properties\":{\"" + b + "\":{\"type\":\"integer\",\"maximum\":" + n
                    + "},\"" + a + "x\":{\"type\":\"string\"}}}"));
    Arbitrary<Grammar> grammar = Combinators.combine(text(), text()).as(Grammar::new);
    Arbitrary<TokenMaskRules> masks =
        Combinators.combine(name().list().ofMaxSize(3), text().list().ofMaxSize(3))
            .as((allow, deny) -> new TokenMaskRules(allow, deny.stream().filter(d -> !allow.contains(d)).toList()));
    return Combinators.combine(
            target, schema.injectNull(0.3), grammar.injectNull(0.3), text().list().ofMaxSize(3), masks,
            net.jqwik.api.Arbitraries.of(Priority.class), name().list().ofMaxSize(4))
        .as(ConstraintIR::new);
  }
}
