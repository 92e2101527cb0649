/**
 * Validation of generated code against the constraints it was generated under: every hard
 * constraint is checked on the output itself, never assumed. Entry point: {@link
 * dev.ananke.maze.validate.Validator}.
 */
@NullMarked
package dev.ananke.maze.validate;

import org.jspecify.annotations.NullMarked;
