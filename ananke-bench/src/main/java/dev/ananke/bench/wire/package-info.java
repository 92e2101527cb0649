/**
 * The wire round trip (the seed's FFI suite): the JSON form of the model is the boundary between
 * Braid, Maze and inference servers, so its cost is what crossing that boundary costs.
 */
@NullMarked
package dev.ananke.bench.wire;

import org.jspecify.annotations.NullMarked;
