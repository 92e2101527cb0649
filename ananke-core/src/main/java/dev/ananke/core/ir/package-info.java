/**
 * The compiled form of a constraint set for one generation target: what Braid emits, what Maze
 * sends to a backend and what the token engine enforces. Its JSON form (see
 * {@link dev.ananke.core.json.ConstraintJson}) is the wire format and round-trips losslessly.
 */
@NullMarked
package dev.ananke.core.ir;

import org.jspecify.annotations.NullMarked;
