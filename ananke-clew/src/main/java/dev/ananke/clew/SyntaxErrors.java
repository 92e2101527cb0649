package dev.ananke.clew;

import dev.ananke.clew.spi.Facts;
import dev.ananke.clew.spi.SourceFile;
import dev.ananke.core.Constraint;
import dev.ananke.core.Priority;
import dev.ananke.core.Severity;
import dev.ananke.core.payload.ParseError;
import dev.ananke.clew.spi.SyntaxNode;

/**
 * Reports each region tree-sitter could not parse (an ERROR node or a MISSING token) as a
 * SYNTACTIC {@link ParseError} constraint and a warning. Only subtrees that contain an error are
 * visited, so a clean file costs one check of the root.
 */
final class SyntaxErrors {
  private SyntaxErrors() {}

  /** Enough to locate the damage; a file with more is likely not in this language at all. */
  static final int MAX_REGIONS = 50;

  static void report(SourceFile file, Facts facts) {
    SyntaxNode root = file.root();
    if (!root.hasError()) return;
    int[] found = {0};
    visit(file, facts, root, found);
    if (found[0] >= MAX_REGIONS) {
      facts.warning(Diagnostic.warning(file.path(), 0, 0,
          "more than " + MAX_REGIONS + " syntax errors; only the first " + MAX_REGIONS + " are reported"));
    }
  }

  private static void visit(SourceFile file, Facts facts, SyntaxNode node, int[] found) {
    if (found[0] >= MAX_REGIONS) return;
    if (node.isError() || node.isMissing()) {
      found[0]++;
      region(file, facts, node);
      return;
    }
    int n = node.getChildCount();
    for (int i = 0; i < n; i++) {
      SyntaxNode child = node.getChild(i).orElseThrow();
      if (child.hasError() || child.isMissing()) visit(file, facts, child, found);
    }
  }

  private static void region(SourceFile file, Facts facts, SyntaxNode node) {
    String message;
    if (node.isMissing()) {
      message = "syntax error: missing '" + node.getType() + "'";
    } else {
      String text = file.text(node).strip();
      int nl = text.indexOf('\n');
      if (nl >= 0) text = text.substring(0, nl).strip() + " ...";
      if (text.length() > 40) text = text.substring(0, 40) + "...";
      message = text.isEmpty() ? "syntax error" : "syntax error at '" + text + "'";
    }
    var start = file.origin(node);
    var end = node.getEndPoint();
    int endLine = Math.max(start.line(), end.row() + 1);
    int endColumn = Math.max(1, end.column());
    if (endLine == start.line()) endColumn = Math.max(endColumn, start.column());
    facts.add(Constraint.builder("syntax-error", new ParseError(endLine, endColumn, message))
        .description(message + " (" + start + " to " + endLine + ":" + endColumn + ")")
        .severity(Severity.WARNING)
        .priority(Priority.HIGH)
        .origin(start));
    facts.warning(node, message + "; extracted what the rest of the file gives");
  }
}
