/**
 * The in-process backend: the token engine masks the logits of a {@link
 * dev.ananke.maze.local.LogitsSource}, so that whatever the source prefers, the output is in the
 * compiled grammar. A seeded random source ships for demos and tests.
 */
@NullMarked
package dev.ananke.maze.local;

import org.jspecify.annotations.NullMarked;
