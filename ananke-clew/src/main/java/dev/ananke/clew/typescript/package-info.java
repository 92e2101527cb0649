/** TypeScript and TSX extraction; {@link dev.ananke.clew.typescript.EcmaScriptExtractor} also serves JavaScript. */
@NullMarked
package dev.ananke.clew.typescript;

import org.jspecify.annotations.NullMarked;
