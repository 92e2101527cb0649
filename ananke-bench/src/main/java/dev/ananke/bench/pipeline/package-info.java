/** The end-to-end pipeline suite: extraction then compilation of one fixture. */
@NullMarked
package dev.ananke.bench.pipeline;

import org.jspecify.annotations.NullMarked;
