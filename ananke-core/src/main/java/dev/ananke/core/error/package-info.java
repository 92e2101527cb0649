/** The errors Ananke reports to its users. */
@NullMarked
package dev.ananke.core.error;

import org.jspecify.annotations.NullMarked;
