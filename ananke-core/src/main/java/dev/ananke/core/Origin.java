package dev.ananke.core;

/**
 * Where a constraint was found: a file (as given to the extractor, '/'-separated) and a
 * 1-based line and column.
 */
public record Origin(String file, int line, int column) implements Comparable<Origin> {

  public Origin {
    Checks.notBlank(file, "origin file");
    if (file.indexOf('\\') >= 0) {
      file = file.replace('\\', '/');
    }
    if (line < 1) {
      throw new IllegalArgumentException("origin line must be >= 1, was " + line);
    }
    if (column < 1) {
      throw new IllegalArgumentException("origin column must be >= 1, was " + column);
    }
  }

  @Override
  public int compareTo(Origin o) {
    if (file != o.file) { // the origins of one file share its name: skip comparing it to itself
      int c = file.compareTo(o.file);
      if (c != 0) return c;
    }
    int c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  /** {@code file:line:column}, the form compilers and editors understand. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
