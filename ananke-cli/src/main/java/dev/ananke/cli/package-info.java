/**
 * The {@code ananke} command line. {@link dev.ananke.cli.Main#run} takes the arguments and two
 * writers and returns the exit code, so every command is testable in-process: 0 ok, 1 internal
 * error, 2 bad input.
 */
@NullMarked
package dev.ananke.cli;

import org.jspecify.annotations.NullMarked;
