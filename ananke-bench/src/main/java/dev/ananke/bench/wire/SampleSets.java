package dev.ananke.bench.wire;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Priority;
import dev.ananke.core.payload.ErrorHandlingIdiom;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.Payload;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import java.util.ArrayList;
import java.util.List;

/**
 * Constraint sets shaped like extraction output: mostly signatures and types, some imports,
 * idioms and security rules, every one with an origin. Deterministic.
 */
public final class SampleSets {
  private SampleSets() {}

  public static ConstraintSet of(int size) {
    List<Constraint> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Payload p =
          switch (i % 5) {
            case 0, 1 ->
                new FunctionSignature(
                    "handler" + i,
                    List.of(Parameter.of("id", "string"), Parameter.of("limit", "number")),
                    "Promise<Result" + i + ">",
                    true,
                    Visibility.PUBLIC,
                    "Service" + (i / 10),
                    List.of(),
                    "async handler" + i + "(id: string, limit: number): Promise<Result" + i + ">");
            case 2 ->
                new TypeDeclaration(
                    "Entity" + i,
                    TypeKind.INTERFACE,
                    List.of(new Field("id", "string", false), new Field("name", "string", false),
                        new Field("createdAt", "Date", true)),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    Visibility.PUBLIC);
            case 3 -> new ImportSet("./module" + i, List.of("A" + i, "B" + i), null, false);
            default ->
                i % 2 == 0
                    ? new ErrorHandlingIdiom(ErrorIdiom.TRY_CATCH, 1 + i % 7)
                    : new ForbiddenPattern("eval(", PatternSyntax.LITERAL, "runs arbitrary code " + i);
          };
      out.add(
          Constraint.builder("constraint " + i, p)
              .priority(Priority.values()[i % 4])
              .confidence(0.5 + (i % 50) / 100.0)
              .origin("src/file" + (i % 20) + ".ts", 1 + i, 1 + i % 9)
              .build());
    }
    return new ConstraintSet(out);
  }
}
