package dev.ananke.core.payload;

import dev.ananke.core.Checks;
import dev.ananke.core.ConstraintKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A function or method as declared.
 *
 * @param name the function's name
 * @param parameters in declaration order (a receiver is not a parameter)
 * @param returnType the source text of the return type, null when none is written
 * @param async declared {@code async} (or returning a future in a language without the keyword)
 * @param visibility who can call it
 * @param enclosingType the class, struct, impl target or Go receiver type, null for free functions
 * @param typeParameters generic parameters in declaration order, as written ({@code T extends X})
 * @param signature the exact source text of the signature up to its body, null when user-defined
 */
public record FunctionSignature(
    String name,
    List<Parameter> parameters,
    @Nullable String returnType,
    boolean async,
    Visibility visibility,
    @Nullable String enclosingType,
    List<String> typeParameters,
    @Nullable String signature)
    implements Payload {

  public FunctionSignature {
    Checks.notBlank(name, "function name");
    parameters = Checks.list(parameters, "parameters");
    if (returnType != null) Checks.notBlank(returnType, "return type");
    if (enclosingType != null) Checks.notBlank(enclosingType, "enclosing type");
    typeParameters = Checks.strings(typeParameters, "type parameters");
    if (signature != null) Checks.notBlank(signature, "signature");
    for (int i = 1; i < parameters.size(); i++) { // few parameters: pairwise beats a stream and a set
      String p = parameters.get(i).name();
      for (int j = 0; j < i; j++) {
        if (parameters.get(j).name().equals(p)) {
          throw new IllegalArgumentException("function " + name + " has two parameters with the same name");
        }
      }
    }
  }

  @Override
  public ConstraintKind defaultKind() {
    return ConstraintKind.TYPE_SAFETY;
  }
}
