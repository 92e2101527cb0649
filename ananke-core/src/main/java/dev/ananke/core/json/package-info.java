/**
 * The JSON form of the model: canonical output (fields in declaration order, sets sorted,
 * nulls omitted, two-space indent, '\n' line ends) and strict input whose errors name the
 * JSON path ({@code constraints[3].payload.parameters[0].type: expected string, found number}).
 */
@NullMarked
package dev.ananke.core.json;

import org.jspecify.annotations.NullMarked;
