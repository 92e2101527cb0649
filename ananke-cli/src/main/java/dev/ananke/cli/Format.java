package dev.ananke.cli;

/**
 * Output formats: canonical JSON for programs, an aligned text report for people, and for
 * {@code ananke compile} only the IR as a binary IR frame ({@code dev.ananke.core.wire.IrFrame}),
 * written to a file.
 */
enum Format {
  json,
  pretty,
  frame
}
