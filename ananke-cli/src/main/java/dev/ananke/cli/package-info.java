/** Ananke cli. */
@NullMarked
package dev.ananke.cli;

import org.jspecify.annotations.NullMarked;
