/**
 * {@code ananke serve}: the pipeline as an HTTP JSON API on the JDK's HTTP server. Entry point:
 * {@link dev.ananke.maze.serve.ApiServer}.
 */
@NullMarked
package dev.ananke.maze.serve;

import org.jspecify.annotations.NullMarked;
