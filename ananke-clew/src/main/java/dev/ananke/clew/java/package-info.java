/** Java extraction. */
@NullMarked
package dev.ananke.clew.java;

import org.jspecify.annotations.NullMarked;
