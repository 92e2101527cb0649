package dev.ananke.core.payload;

/** Who can see a declaration. Exported (TS), {@code pub} (Rust, Zig), capitalised (Go) are PUBLIC. */
public enum Visibility {
  PUBLIC,
  PROTECTED,
  /** Visible in its package, crate or module only ({@code pub(crate)}, non-exported TS). */
  PACKAGE,
  PRIVATE
}
