package dev.ananke.clew;

import dev.ananke.core.ConstraintSet;
import java.util.List;

/**
 * What an extraction found.
 *
 * @param constraints every fact, merged (a fact found twice has frequency 2), in canonical order
 * @param diagnostics warnings (syntax errors) and skipped files, sorted by file and position
 * @param filesRead files parsed (including those with syntax errors)
 */
public record ExtractionResult(ConstraintSet constraints, List<Diagnostic> diagnostics, int filesRead) {

  public ExtractionResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> skipped() {
    return diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.SKIPPED).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.WARNING).toList();
  }
}
