/**
 * Stable content hashing: constraint ids and cache keys. A hash covers everything that changes
 * the output and nothing that does not (never a map's iteration order).
 */
@NullMarked
package dev.ananke.core.hash;

import org.jspecify.annotations.NullMarked;
