/** Rust extraction. */
@NullMarked
package dev.ananke.clew.rust;

import org.jspecify.annotations.NullMarked;
