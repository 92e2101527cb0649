/** Zig extraction. */
@NullMarked
package dev.ananke.clew.zig;

import org.jspecify.annotations.NullMarked;
