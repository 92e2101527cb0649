/**
 * Maze runs a generation request end to end: extract (cached), compile (cached), generate on a
 * backend, validate the output. Entry point: {@link dev.ananke.maze.Maze}.
 */
@NullMarked
package dev.ananke.maze;

import org.jspecify.annotations.NullMarked;
