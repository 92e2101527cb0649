/** Ananke braid. */
@NullMarked
package dev.ananke.braid;

import org.jspecify.annotations.NullMarked;
