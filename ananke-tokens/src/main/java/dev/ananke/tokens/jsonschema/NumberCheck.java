package dev.ananke.tokens.jsonschema;

import dev.ananke.tokens.grammar.LexemeCheck;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Exact numeric bounds, integrality and multipleOf on a complete JSON number lexeme. */
record NumberCheck(@Nullable BigDecimal min, boolean minInclusive, @Nullable BigDecimal max,
    boolean maxInclusive, @Nullable BigDecimal multipleOf, boolean integer) implements LexemeCheck {
  @Override
  public boolean test(byte[] bytes, int from, int to) {
    BigDecimal v;
    try {
      v = new BigDecimal(new String(bytes, from, to - from, java.nio.charset.StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      return false;
    }
    if (min != null) {
      int c = v.compareTo(min);
      if (c < 0 || (c == 0 && !minInclusive)) return false;
    }
    if (max != null) {
      int c = v.compareTo(max);
      if (c > 0 || (c == 0 && !maxInclusive)) return false;
    }
    if (integer && v.stripTrailingZeros().scale() > 0) return false;
    if (multipleOf != null && v.remainder(multipleOf).signum() != 0) return false;
    return true;
  }

  @Override
  public String describe() {
    return (min == null ? "" : (minInclusive ? ">=" : ">") + min.toPlainString())
        + (max == null ? "" : (maxInclusive ? "<=" : "<") + max.toPlainString())
        + (multipleOf == null ? "" : "%" + multipleOf.toPlainString())
        + (integer ? "int" : "");
  }
}
