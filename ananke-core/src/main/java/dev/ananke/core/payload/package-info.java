/**
 * The typed facts a constraint carries: one record per kind of fact. A payload is what
 * makes a constraint compilable; Braid switches on {@link dev.ananke.core.payload.Payload}
 * exhaustively, so adding a record here is a compile error everywhere it must be handled.
 */
@NullMarked
package dev.ananke.core.payload;

import org.jspecify.annotations.NullMarked;
