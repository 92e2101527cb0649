/** Ananke tokens. */
@NullMarked
package dev.ananke.tokens;

import org.jspecify.annotations.NullMarked;
