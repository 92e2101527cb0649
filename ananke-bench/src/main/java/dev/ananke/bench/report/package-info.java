/** The HTML report of a run, with inline SVG charts, and the seed's targets it is read against. */
@NullMarked
package dev.ananke.bench.report;

import org.jspecify.annotations.NullMarked;
