/**
 * Braid compiles a constraint set into a {@link dev.ananke.core.ir.ConstraintIR} for one
 * target. Entry point: {@link dev.ananke.braid.Braid#compile}. Every constraint it cannot
 * compile for the target is reported in {@link dev.ananke.braid.Compilation#unenforced()},
 * never dropped silently.
 */
@NullMarked
package dev.ananke.braid;

import org.jspecify.annotations.NullMarked;
