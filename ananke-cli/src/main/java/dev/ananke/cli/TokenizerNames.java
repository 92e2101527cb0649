package dev.ananke.cli;

import dev.ananke.core.error.BadInputException;
import dev.ananke.tokens.KnownTokenizer;
import java.util.Locale;

/** {@code --tokenizer NAME}: the tokenizers the tool knows by name. */
final class TokenizerNames {
  private TokenizerNames() {}

  static KnownTokenizer parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "llama3.1", "llama3_1" -> KnownTokenizer.LLAMA3_1;
      case "qwen3" -> KnownTokenizer.QWEN3;
      case "llama2" -> KnownTokenizer.LLAMA2;
      default -> throw new BadInputException("--tokenizer " + name, "expected llama3.1, qwen3 or llama2");
    };
  }
}
