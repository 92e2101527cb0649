package dev.ananke.tokens;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The token ids of one tokenizer and, for each, the exact bytes it stands for. Immutable and
 * thread-safe.
 *
 * <p>Three sizes matter: {@link #size()} is one more than the largest id the tokenizer defines;
 * {@link #modelSize()} is the width of the model's logits, which is often larger (Llama 3.1:
 * 128,256 ids, Qwen3: 151,669 in the tokenizer but 151,936 logits). Ids at or above {@link
 * #size()}, and ids the tokenizer leaves undefined, are never allowed by a mask.
 *
 * <p>Special tokens (control tokens such as {@code <|eot_id|>}) have bytes for display, but no
 * text constraint produces them: masks never allow them, except the EOS tokens when the
 * constraint accepts.
 */
public final class Vocabulary {
  private static final byte[] NONE = new byte[0];

  private final @Nullable byte[][] bytes;
  private final @Nullable String[] strings;
  private final long[] special;
  private final int[] eos;
  private final int modelSize;
  private final TokenizerKind kind;
  private final Map<String, Integer> idOfString;
  private volatile @Nullable TokenTrie trie;
  private volatile @Nullable SlicedTrie sliced;

  Vocabulary(@Nullable byte[][] bytes, @Nullable String[] strings, long[] special, int[] eos,
      int modelSize, TokenizerKind kind) {
    if (modelSize < bytes.length) {
      throw new IllegalArgumentException(
          "model vocabulary size " + modelSize + " is smaller than the tokenizer's " + bytes.length);
    }
    this.bytes = bytes;
    this.strings = strings;
    this.special = special;
    this.eos = eos;
    this.modelSize = modelSize;
    this.kind = kind;
    Map<String, Integer> ids = new HashMap<>(strings.length * 2);
    for (int i = 0; i < strings.length; i++) {
      String s = strings[i];
      if (s != null) ids.putIfAbsent(s, i);
    }
    this.idOfString = ids;
  }

  /**
   * A vocabulary from explicit byte strings (mainly for tests and small synthetic vocabularies).
   * {@code null} entries are undefined ids.
   */
  public static Vocabulary of(@Nullable byte[][] tokenBytes, int[] specialIds, int[] eosIds) {
    @Nullable String[] names = new String[tokenBytes.length];
    for (int i = 0; i < tokenBytes.length; i++) {
      byte[] b = tokenBytes[i];
      if (b != null) names[i] = new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
    long[] special = new long[TokenMasks.words(tokenBytes.length)];
    for (int id : specialIds) TokenMasks.set(special, id);
    for (int id : eosIds) TokenMasks.set(special, id);
    return new Vocabulary(tokenBytes.clone(), names, special, eosIds.clone(), tokenBytes.length,
        TokenizerKind.BYTE_LEVEL);
  }

  /** The same vocabulary for a model whose logits are {@code modelSize} wide (padding ids). */
  public Vocabulary withModelSize(int modelSize) {
    if (modelSize == this.modelSize) return this;
    return new Vocabulary(bytes, strings, special, eos, modelSize, kind);
  }

  /** One more than the largest id the tokenizer defines. */
  public int size() {
    return bytes.length;
  }

  /** Width of the model's logits, at least {@link #size()}; masks have this many bits. */
  public int modelSize() {
    return modelSize;
  }

  public TokenizerKind kind() {
    return kind;
  }

  /** Whether {@code id} names a token of this tokenizer (not padding, not a gap). */
  public boolean isDefined(int id) {
    return id >= 0 && id < bytes.length && bytes[id] != null;
  }

  /** The exact bytes of token {@code id} (a copy); empty for padding and undefined ids. */
  public byte[] tokenBytes(int id) {
    if (!isDefined(id)) return NONE;
    return bytes[id].clone();
  }

  /** Length in bytes of token {@code id}, without copying. */
  public int tokenLength(int id) {
    return isDefined(id) ? bytes[id].length : 0;
  }

  /** Byte {@code i} of token {@code id}, without copying. */
  public int tokenByte(int id, int i) {
    return bytes[id][i] & 0xFF;
  }

  /** The token as the tokenizer spells it ({@code Ġfoo}, {@code ▁foo}, {@code <0x0A>}). */
  public @Nullable String tokenString(int id) {
    return id >= 0 && id < strings.length ? strings[id] : null;
  }

  /** The id of a token by its spelling in the tokenizer ({@code Ġfoo}, {@code <|eot_id|>}). */
  public OptionalInt tokenId(String spelling) {
    Integer id = idOfString.get(spelling);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** Whether {@code id} is a special (control) token. */
  public boolean isSpecial(int id) {
    return id >= 0 && id < bytes.length && TokenMasks.get(special, id);
  }

  /** The primary end-of-sequence token (the one the tokenizer config names). */
  public int eosTokenId() {
    if (eos.length == 0) throw new IllegalStateException("this vocabulary has no EOS token");
    return eos[0];
  }

  /** Every token that ends a sequence, the primary one first. */
  public int[] eosTokenIds() {
    return eos.clone();
  }

  boolean isEos(int id) {
    for (int e : eos) if (e == id) return true;
    return false;
  }

  /** The byte trie over the non-special tokens, built on first use (about 0.2 s at 128k). */
  public TokenTrie trie() {
    TokenTrie t = trie;
    if (t == null) {
      synchronized (this) {
        t = trie;
        if (t == null) trie = t = TokenTrie.build(this);
      }
    }
    return t;
  }

  /** The vocabulary cut into {@link SlicedTrie#DEFAULT_SLICES}, built on first use (~0.5 s at 128k). */
  SlicedTrie slicedTrie() {
    SlicedTrie s = sliced;
    if (s == null) {
      synchronized (this) {
        s = sliced;
        if (s == null) sliced = s = SlicedTrie.build(this, SlicedTrie.DEFAULT_SLICES);
      }
    }
    return s;
  }

  @Nullable byte[] rawBytes(int id) {
    return bytes[id];
  }

  @Override
  public String toString() {
    return "Vocabulary[" + kind + ", size=" + size() + ", modelSize=" + modelSize + ", eos="
        + Arrays.toString(eos) + "]";
  }
}
