/**
 * The wire round trip (the seed's FFI suite): the JSON form of the model and the IR frame (the
 * binary form of a compiled IR) are the boundary between Braid, Maze, their clients and inference
 * servers, so their cost is what crossing that boundary costs.
 */
@NullMarked
package dev.ananke.bench.wire;

import org.jspecify.annotations.NullMarked;
