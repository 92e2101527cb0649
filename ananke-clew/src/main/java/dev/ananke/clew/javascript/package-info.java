/** JavaScript extraction (the TypeScript extractor without types). */
@NullMarked
package dev.ananke.clew.javascript;

import org.jspecify.annotations.NullMarked;
