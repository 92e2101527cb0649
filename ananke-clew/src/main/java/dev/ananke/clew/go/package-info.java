/** Go extraction. */
@NullMarked
package dev.ananke.clew.go;

import org.jspecify.annotations.NullMarked;
