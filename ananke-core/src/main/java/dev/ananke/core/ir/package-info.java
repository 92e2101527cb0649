/**
 * The compiled form of a constraint set for one generation target: what Braid emits, what Maze
 * sends to a backend and what the token engine enforces. Its JSON form (see
 * {@link dev.ananke.core.json.ConstraintJson}) is the form for people and files; its binary form,
 * the IR frame ({@link dev.ananke.core.wire.IrFrame}), the fast form between processes. Both
 * round-trip losslessly.
 */
@NullMarked
package dev.ananke.core.ir;

import org.jspecify.annotations.NullMarked;
