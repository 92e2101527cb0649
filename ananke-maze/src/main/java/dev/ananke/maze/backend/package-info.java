/**
 * Inference backends: each turns a prompt and a {@link dev.ananke.core.ir.ConstraintIR} into
 * text, speaking its server's documented protocol (or, in process, masking a logits source with
 * the token engine). Entry point: {@link dev.ananke.maze.backend.Backend}.
 */
@NullMarked
package dev.ananke.maze.backend;

import org.jspecify.annotations.NullMarked;
