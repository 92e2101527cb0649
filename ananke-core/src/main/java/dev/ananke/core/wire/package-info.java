/**
 * The binary wire form of a {@link dev.ananke.core.ir.ConstraintIR}, the "IR frame"
 * ({@link dev.ananke.core.wire.IrFrame}): what crosses a process boundary when speed matters.
 * A frame is standard CBOR (RFC 8949) in a fixed, deterministic layout, so any CBOR library
 * reads it; this package writes and reads that layout by hand, because a generic CBOR codec
 * decodes long text strings character by character. The JSON form
 * ({@link dev.ananke.core.json.ConstraintJson}) stays the form for people and files.
 */
@NullMarked
package dev.ananke.core.wire;

import org.jspecify.annotations.NullMarked;
