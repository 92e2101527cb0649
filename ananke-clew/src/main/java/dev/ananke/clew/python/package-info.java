/** Python extraction. */
@NullMarked
package dev.ananke.clew.python;

import org.jspecify.annotations.NullMarked;
