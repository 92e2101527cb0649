/** Ananke bench. */
@NullMarked
package dev.ananke.bench;

import org.jspecify.annotations.NullMarked;
