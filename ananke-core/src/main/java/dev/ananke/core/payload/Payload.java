package dev.ananke.core.payload;

import dev.ananke.core.ConstraintKind;

/** The fact a constraint states, in a form a compiler can use. */
public sealed interface Payload
    permits FunctionSignature,
        TypeDeclaration,
        ImportSet,
        NamingConvention,
        ErrorHandlingIdiom,
        AsyncIdiom,
        ForbiddenPattern,
        RequiredPattern,
        TypeBound,
        OperationalBound,
        ParseError {

  /** The kind a constraint with this payload has unless its author says otherwise. */
  ConstraintKind defaultKind();
}
