/**
 * The grammar emitters: a small grammar model ({@link dev.ananke.braid.emit.CodeGrammar}) with
 * its regex-like terminals ({@link dev.ananke.braid.emit.Rx}), printed as llguidance's Lark and
 * as llama.cpp's GBNF, and the per-language code grammars Braid builds from it. Entry point:
 * {@link dev.ananke.braid.emit.CodeGrammars}.
 */
@NullMarked
package dev.ananke.braid.emit;

import org.jspecify.annotations.NullMarked;
