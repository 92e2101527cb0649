package dev.ananke.core.ir;

import dev.ananke.core.Checks;

/**
 * One grammar in two dialects: Lark as llguidance accepts it, and GBNF as llama.cpp accepts it.
 * Both describe the same language; Braid emits them from one internal grammar.
 */
public record Grammar(String lark, String gbnf) {

  public Grammar {
    Checks.notBlank(lark, "lark grammar");
    Checks.notBlank(gbnf, "gbnf grammar");
  }
}
