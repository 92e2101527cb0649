package dev.ananke.tokens;

/** How a tokenizer spells bytes in its vocabulary strings. */
public enum TokenizerKind {
  /** GPT-2 style: each byte is one printable character ({@code Ġ} is the space); Llama 3, Qwen. */
  BYTE_LEVEL,
  /**
   * SentencePiece style: text is UTF-8 with {@code ▁} for the space, and bytes that have no
   * token of their own are {@code <0xNN>} tokens (byte fallback); Llama 2, Mistral.
   */
  SENTENCEPIECE
}
