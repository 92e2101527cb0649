/** Ananke clew. */
@NullMarked
package dev.ananke.clew;

import org.jspecify.annotations.NullMarked;
