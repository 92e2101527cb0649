/** File output that never leaves half a file behind. */
@NullMarked
package dev.ananke.core.io;

import org.jspecify.annotations.NullMarked;
