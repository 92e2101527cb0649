/**
 * The constraint model: what Clew extracts, Braid compiles and Maze enforces.
 *
 * <p>Every type here is an immutable value validated once at construction; a value that
 * exists is a valid value. {@link dev.ananke.core.Constraint} carries a typed
 * {@link dev.ananke.core.payload.Payload}, which is what makes it compilable;
 * {@link dev.ananke.core.ConstraintSet} is what extraction produces and
 * {@link dev.ananke.core.ConstraintIR} is what compilation emits.
 */
@NullMarked
package dev.ananke.core;

import org.jspecify.annotations.NullMarked;
