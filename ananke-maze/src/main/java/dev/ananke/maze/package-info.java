/** Ananke maze. */
@NullMarked
package dev.ananke.maze;

import org.jspecify.annotations.NullMarked;
