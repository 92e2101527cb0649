package dev.ananke.tokens.jsonschema;

import dev.ananke.tokens.grammar.LexemeCheck;

/** minLength/maxLength (in code points, escapes decoded) on a complete JSON string lexeme. */
record LengthCheck(int min, int max) implements LexemeCheck {
  @Override
  public boolean test(byte[] bytes, int from, int to) {
    int n = 0;
    for (int i = from + 1; i < to - 1; i++) {
      int b = bytes[i] & 0xFF;
      if (b == '\\') {
        i += bytes[i + 1] == 'u' ? 5 : 1;
        n++;
      } else if ((b & 0xC0) != 0x80) {
        n++;
      }
    }
    return n >= min && (max == -1 || n <= max);
  }

  @Override
  public String describe() {
    return "len" + min + "," + max;
  }
}
