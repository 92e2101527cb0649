/** The seed's Maze suites: the compile cache (hit, miss and eviction, concurrent clients) and orchestration. */
@NullMarked
package dev.ananke.bench.maze;

import org.jspecify.annotations.NullMarked;
