/**
 * What a language extractor is written against: its {@link dev.ananke.clew.spi.LanguageSpec},
 * the parsed {@link dev.ananke.clew.spi.SourceFile} it reads, the {@link dev.ananke.clew.spi.Facts}
 * it reports to, and the shared node helpers in {@link dev.ananke.clew.spi.Nodes}. Public only so
 * that the language packages ({@code dev.ananke.clew.typescript}, {@code .python}, ...) can use
 * it; it is not an API for users of Clew.
 */
@NullMarked
package dev.ananke.clew.spi;

import org.jspecify.annotations.NullMarked;
