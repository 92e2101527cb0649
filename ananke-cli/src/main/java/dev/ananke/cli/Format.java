package dev.ananke.cli;

/** Output formats: canonical JSON for programs, an aligned text report for people. */
enum Format {
  json,
  pretty
}
