package dev.ananke.bench.braid;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Priority;
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
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.Payload;
import dev.ananke.core.payload.RequiredPattern;
import dev.ananke.core.payload.TypeBound;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import java.util.ArrayList;
import java.util.List;

/**
 * Constraint sets for Braid, shaped like a TypeScript extraction plus a few user rules:
 * signatures (the first is the target, {@code fnName}) whose parameter and return types mention
 * declared types, types that mention each other and imported symbols, imports, naming
 * conventions (SOFT as measured, one in twenty HARD), forbidden patterns in Clew's style (HARD,
 * CRITICAL, {@code \b} regexes and literals), idioms, type bounds and a required literal.
 * Conflict-free. Deterministic.
 *
 * <p>Two shapes: {@link #spread} puts the constraints in ten files, the target's file holding
 * a tenth of them (a repository); {@link #dense} puts all of them in the target's file, so every
 * idiom and pattern applies to every function (the worst case for graph edges).
 */
public final class BraidSets {
  private BraidSets() {}

  public static final String TARGET_FILE = "src/x.ts";

  public static ConstraintSet spread(int size) {
    return of(size, false);
  }

  public static ConstraintSet dense(int size) {
    return of(size, true);
  }

  private static final IdentifierCategory[] CATEGORIES = IdentifierCategory.values();
  private static final NamingStyle[] STYLES = {
    NamingStyle.CAMEL_CASE, NamingStyle.PASCAL_CASE, NamingStyle.CAMEL_CASE,
    NamingStyle.SCREAMING_SNAKE_CASE, NamingStyle.CAMEL_CASE, NamingStyle.CAMEL_CASE};

  private static ConstraintSet of(int size, boolean dense) {
    List<Constraint> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String file = dense || i % 10 == 0 ? TARGET_FILE : "src/file" + (i % 10) + ".ts";
      boolean hard = false;
      Priority priority = Priority.MEDIUM;
      Payload p;
      switch (i % 10) {
        case 0, 1, 2 -> {
          String name = i == 0 ? "fnName" : "handler" + i;
          p = new FunctionSignature(name,
              List.of(Parameter.of("id", "EntityId"), Parameter.of("entity", "Entity" + (i / 10 * 10 + 3)),
                  Parameter.of("limit", "number")),
              "Promise<Result<Entity" + (i / 10 * 10 + 4) + ">>", true, Visibility.PUBLIC,
              i % 3 == 0 ? null : "Service" + (i / 10), List.of(),
              "async " + name + "(id: EntityId, entity: Entity" + (i / 10 * 10 + 3) + ", limit: number): Promise<Result<Entity"
                  + (i / 10 * 10 + 4) + ">>");
          hard = true;
          priority = Priority.HIGH;
        }
        case 3, 4 -> {
          p = new TypeDeclaration("Entity" + i, TypeKind.INTERFACE,
              List.of(new Field("id", "EntityId", false), new Field("owner", "Entity" + (i % 10 == 3 ? i + 1 : i - 1), true),
                  new Field("dep", "Dep" + (i / 10 * 10 + 5), true), new Field("createdAt", "Date", false)),
              List.of(), List.of(), List.of(), null, Visibility.PUBLIC);
          hard = true;
          priority = Priority.HIGH;
        }
        case 5 -> p = new ImportSet("./module" + i, List.of("Dep" + i, "Util" + i), null, false);
        case 6 -> {
          int k = (i / 10) % CATEGORIES.length;
          p = new NamingConvention(CATEGORIES[k], STYLES[k], 90 + i % 7, 100 + i);
          hard = i % 20 == 6;
          file = null; // measured over the whole input, as Clew does
        }
        case 7 -> {
          p = i % 20 == 7
              ? new ForbiddenPattern("\\beval\\s*\\(", PatternSyntax.REGEX, "eval runs arbitrary code (" + i + ")")
              : new ForbiddenPattern("child_process", PatternSyntax.LITERAL, "no shell (" + i + ")");
          hard = true;
          priority = Priority.CRITICAL;
        }
        case 8 -> p = i % 20 == 8 ? new ErrorHandlingIdiom(ErrorIdiom.TRY_CATCH, 1 + i) : new AsyncIdiom(AsyncStyle.ASYNC_AWAIT, 1 + i);
        default -> {
          if (i % 50 == 9) {
            p = new RequiredPattern("logger.info(", PatternSyntax.LITERAL, "log every call (" + i + ")");
            hard = true;
          } else {
            p = new TypeBound("*", null, List.of("any"), false);
          }
        }
      }
      String name = switch (p) {
        case NamingConvention nc -> "naming.typescript." + nc.category().name().toLowerCase(java.util.Locale.ROOT) + "." + i;
        default -> "constraint." + i;
      };
      Constraint.Builder b = Constraint.builder(name, p).priority(priority).confidence(0.5 + (i % 50) / 100.0);
      if (hard) b.hard();
      if (file != null) b.origin(file, 1 + i, 1);
      out.add(b.build());
    }
    return ConstraintSet.builder().addAll(out).build();
  }
}
