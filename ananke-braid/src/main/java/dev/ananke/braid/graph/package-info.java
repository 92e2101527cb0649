/**
 * The constraint graph: which constraint uses which (a signature uses the types it mentions, a
 * type the imports it names, an idiom or pattern applies to the functions of its file), with a
 * deterministic dependencies-first order. Entry point: {@link dev.ananke.braid.graph.ConstraintGraph#of}.
 */
@NullMarked
package dev.ananke.braid.graph;

import org.jspecify.annotations.NullMarked;
