package dev.ananke.core.payload;

import dev.ananke.core.Checks;
import dev.ananke.core.ConstraintKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A declared type.
 *
 * @param fields in declaration order
 * @param typeParameters generic parameters as written
 * @param supertypes extended or implemented types, in declaration order
 * @param variants the cases of an ENUM or UNION, in declaration order
 * @param aliasOf the aliased type's source text; required for ALIAS, absent otherwise
 */
public record TypeDeclaration(
    String name,
    TypeKind kind,
    List<Field> fields,
    List<String> typeParameters,
    List<String> supertypes,
    List<String> variants,
    @Nullable String aliasOf,
    Visibility visibility)
    implements Payload {

  public TypeDeclaration {
    Checks.notBlank(name, "type name");
    fields = Checks.list(fields, "fields");
    typeParameters = Checks.strings(typeParameters, "type parameters");
    supertypes = Checks.strings(supertypes, "supertypes");
    variants = Checks.strings(variants, "variants");
    if (kind == TypeKind.ALIAS && aliasOf == null) {
      throw new IllegalArgumentException("alias " + name + " must name the type it aliases (aliasOf)");
    }
    if (kind != TypeKind.ALIAS && aliasOf != null) {
      throw new IllegalArgumentException(
          "aliasOf is only for ALIAS types, but " + name + " is " + kind);
    }
    if (aliasOf != null) Checks.notBlank(aliasOf, "aliasOf");
    if (!variants.isEmpty() && kind != TypeKind.ENUM && kind != TypeKind.UNION) {
      throw new IllegalArgumentException(
          "variants are only for ENUM and UNION types, but " + name + " is " + kind);
    }
    if (fields.stream().map(Field::name).distinct().count() != fields.size()) {
      throw new IllegalArgumentException("type " + name + " has two fields with the same name");
    }
  }

  @Override
  public ConstraintKind defaultKind() {
    return ConstraintKind.TYPE_SAFETY;
  }
}
