package dev.ananke.maze.backend;

import dev.ananke.core.ir.ConstraintIR;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one request sends to a server that takes at most one constraint per request (vLLM, sglang
 * and llama.cpp all say so): the strongest form it takes for the IR, JSON Schema first, then a
 * grammar, then a single regex; and what of the IR stays unenforced.
 *
 * @param form the form sent, null when nothing is
 * @param payload the text sent in that form (schema JSON, grammar, regex); empty when nothing is
 * @param notEnforced one line per part of the IR the server does not get, saying why
 */
record ConstraintPlan(@Nullable ConstraintForm form, String payload, List<String> notEnforced) {

  ConstraintPlan {
    notEnforced = List.copyOf(notEnforced);
  }

  List<ConstraintForm> sent() {
    return form == null ? List.of() : List.of(form);
  }

  /**
   * Chooses what to send.
   *
   * @param grammarDialect the dialect the server's grammar field takes, null when it takes none
   * @throws BackendException when a part cannot be sent and degradation is not allowed
   */
  static ConstraintPlan choose(
      String backend, Set<ConstraintForm> supports, @Nullable ConstraintForm grammarDialect, ConstraintIR ir, boolean allowDegraded) {
    ConstraintForm form = null;
    String payload = "";
    List<String> missing = new ArrayList<>();
    if (ir.jsonSchema() != null) {
      if (supports.contains(ConstraintForm.JSON_SCHEMA)) {
        form = ConstraintForm.JSON_SCHEMA;
        payload = ir.jsonSchema().text();
      } else {
        missing.add("JSON schema: " + backend + " takes no JSON schema");
      }
    }
    if (ir.grammar() != null) {
      if (grammarDialect == null) {
        missing.add("grammar: " + backend + " takes no grammar");
      } else if (form != null) {
        missing.add("grammar: " + oneOnly(backend, form));
      } else {
        form = grammarDialect;
        payload = grammarDialect == ConstraintForm.LARK ? ir.grammar().lark() : ir.grammar().gbnf();
      }
    }
    for (String regex : ir.regexes()) {
      if (!supports.contains(ConstraintForm.REGEX)) {
        missing.add("regex " + regex + ": " + backend + " takes no regex");
      } else if (form != null) {
        missing.add("regex " + regex + ": " + oneOnly(backend, form));
      } else {
        form = ConstraintForm.REGEX;
        payload = regex;
      }
    }
    // Braid's mask rules are a token-level shadow of identifiers its grammar already leaves out
    boolean grammarSent = form == ConstraintForm.GBNF || form == ConstraintForm.LARK;
    if (!ir.tokenMaskRules().isEmpty() && !grammarSent) {
      missing.add("token mask rules (allow " + ir.tokenMaskRules().allow().size() + ", deny "
          + ir.tokenMaskRules().deny().size() + "): " + backend + " takes no token mask rules");
    }
    if (!missing.isEmpty() && !allowDegraded) {
      throw new BackendException(
          backend + " cannot enforce the whole constraint IR: " + String.join("; ", missing)
              + ". Allow degradation to generate without " + (missing.size() == 1 ? "it" : "them") + ".",
          0);
    }
    return new ConstraintPlan(form, payload, missing);
  }

  private static String oneOnly(String backend, ConstraintForm sent) {
    String what = switch (sent) {
      case JSON_SCHEMA -> "the JSON schema";
      case GBNF -> "the GBNF grammar";
      case LARK -> "the Lark grammar";
      case REGEX -> "a regex";
    };
    return backend + " takes one constraint per request and gets " + what;
  }
}
