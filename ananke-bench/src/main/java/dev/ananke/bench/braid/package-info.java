/**
 * Braid's compile suite: {@code Braid.compile} for a FUNCTION_BODY target, and its conflict
 * detection and constraint graph on their own, at growing set sizes and densities.
 */
@NullMarked
package dev.ananke.bench.braid;

import org.jspecify.annotations.NullMarked;
