package dev.ananke.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ananke.core.error.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Hugging Face {@code tokenizer.json} (BPE model, byte-level or SentencePiece with byte
 * fallback): its {@link Vocabulary} and an encoder that reproduces the tokenizer's own
 * tokenization (pre-tokenizer regex, then BPE merges by rank).
 *
 * <p>Immutable and thread-safe. {@link #encode} costs a few microseconds per word; it is meant for
 * feeding test strings and MaskBench instances through a matcher, not for serving.
 */
public final class Tokenizer {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Names of tokens that end a sequence in the common model families. */
  private static final List<String> EOS_NAMES = List.of(
      "</s>", "<|eot_id|>", "<|end_of_text|>", "<|eom_id|>", "<|im_end|>", "<|endoftext|>",
      "<eos>", "<|end|>");

  private final Vocabulary vocabulary;
  private final BpeEncoder encoder;

  private Tokenizer(Vocabulary vocabulary, BpeEncoder encoder) {
    this.vocabulary = vocabulary;
    this.encoder = encoder;
  }

  /**
   * Loads {@code tokenizer.json}; the EOS token comes from a {@code tokenizer_config.json} beside
   * it when there is one, else from the usual names ({@code </s>}, {@code <|eot_id|>}, ...).
   *
   * @throws BadInputException naming the file and the JSON path when the file is malformed or uses
   *     a model or pre-tokenizer this loader does not support
   */
  public static Tokenizer load(Path tokenizerJson) {
    Path config = tokenizerJson.resolveSibling("tokenizer_config.json");
    JsonNode root = readJson(tokenizerJson);
    @Nullable JsonNode cfg = Files.isRegularFile(config) ? readJson(config) : null;
    try {
      return fromJson(root, cfg);
    } catch (BadInputException e) {
      throw e.inFile(tokenizerJson.toString());
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadInputException(file.toString(), "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static Tokenizer fromJson(JsonNode root, @Nullable JsonNode config) {
    JsonNode model = root.path("model");
    String type = model.path("type").asText("");
    if (!type.equals("BPE")) {
      throw new BadInputException("model.type", "expected \"BPE\", found \"" + type + "\"");
    }
    JsonNode vocabNode = model.path("vocab");
    if (!vocabNode.isObject()) throw new BadInputException("model.vocab", "expected an object");
    TokenizerKind kind = detectKind(root);
    boolean byteFallback = model.path("byte_fallback").asBoolean(false);

    int size = 0;
    for (Map.Entry<String, JsonNode> e : vocabNode.properties()) {
      size = Math.max(size, e.getValue().asInt() + 1);
    }
    JsonNode added = root.path("added_tokens");
    for (JsonNode a : added) size = Math.max(size, a.path("id").asInt() + 1);

    @Nullable String[] strings = new String[size];
    @Nullable byte[][] bytes = new byte[size][];
    for (Map.Entry<String, JsonNode> e : vocabNode.properties()) {
      int id = e.getValue().asInt();
      strings[id] = e.getKey();
      bytes[id] = kind == TokenizerKind.BYTE_LEVEL
          ? ByteLevel.decode(e.getKey())
          : sentencePieceBytes(e.getKey(), byteFallback);
    }
    long[] special = new long[TokenMasks.words(size)];
    List<String> addedContents = new ArrayList<>();
    for (JsonNode a : added) {
      int id = a.path("id").asInt();
      String content = a.path("content").asText();
      strings[id] = content;
      bytes[id] = content.getBytes(StandardCharsets.UTF_8);
      if (a.path("special").asBoolean(false)) TokenMasks.set(special, id);
      addedContents.add(content);
    }
    int[] eos = eosIds(strings, special, config);
    Vocabulary vocab = new Vocabulary(bytes, strings, special, eos, size, kind);
    BpeEncoder encoder = BpeEncoder.create(vocab, root, addedContents, byteFallback);
    return new Tokenizer(vocab, encoder);
  }

  private static TokenizerKind detectKind(JsonNode root) {
    if (mentions(root.path("decoder"), "ByteLevel") || mentions(root.path("pre_tokenizer"), "ByteLevel")) {
      return TokenizerKind.BYTE_LEVEL;
    }
    if (root.path("model").path("byte_fallback").asBoolean(false)
        || mentions(root.path("decoder"), "ByteFallback")
        || root.path("decoder").toString().contains("\u2581")) {
      return TokenizerKind.SENTENCEPIECE;
    }
    throw new BadInputException("decoder",
        "cannot tell how tokens spell bytes: expected a ByteLevel decoder (GPT-2 style) or"
            + " ByteFallback / \"\u2581\" replacement (SentencePiece style)");
  }

  private static boolean mentions(JsonNode node, String type) {
    if (node.isObject()) {
      if (type.equals(node.path("type").asText())) return true;
      for (Map.Entry<String, JsonNode> e : node.properties()) if (mentions(e.getValue(), type)) return true;
    } else if (node.isArray()) {
      for (JsonNode n : node) if (mentions(n, type)) return true;
    }
    return false;
  }

  /** {@code <0x0A>} is one raw byte; otherwise UTF-8 with {@code ▁} standing for the space. */
  static byte[] sentencePieceBytes(String token, boolean byteFallback) {
    if (byteFallback && token.length() == 6 && token.startsWith("<0x") && token.endsWith(">")) {
      int hi = Character.digit(token.charAt(3), 16);
      int lo = Character.digit(token.charAt(4), 16);
      if (hi >= 0 && lo >= 0) return new byte[] {(byte) (hi * 16 + lo)};
    }
    return token.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
  }

  private static int[] eosIds(@Nullable String[] strings, long[] special, @Nullable JsonNode config) {
    Set<String> names = new LinkedHashSet<>();
    if (config != null) {
      JsonNode e = config.path("eos_token");
      if (e.isTextual()) names.add(e.asText());
      else if (e.isObject()) names.add(e.path("content").asText());
    }
    names.addAll(EOS_NAMES);
    List<Integer> ids = new ArrayList<>();
    for (String name : names) {
      for (int id = 0; id < strings.length; id++) {
        if (name.equals(strings[id]) && TokenMasks.get(special, id)) {
          ids.add(id);
          break;
        }
      }
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * The token ids the tokenizer produces for {@code text}, without BOS or any template. Added
   * tokens written literally in the text (such as {@code <|eot_id|>}) become those tokens, as in
   * Hugging Face's default.
   */
  public int[] encode(String text) {
    return encoder.encode(text);
  }

  /** The bytes of a token sequence, concatenated. */
  public byte[] decodeBytes(int[] ids) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int id : ids) out.writeBytes(vocabulary.tokenBytes(id));
    return out.toByteArray();
  }

  /**
   * The text of a token sequence. SentencePiece tokenizers prepend a space ({@code ▁}) when
   * encoding; like their decoder, this strips one leading space.
   */
  public String decode(int[] ids) {
    String s = new String(decodeBytes(ids), StandardCharsets.UTF_8);
    if (vocabulary.kind() == TokenizerKind.SENTENCEPIECE && s.startsWith(" ")) s = s.substring(1);
    return s;
  }

  @Override
  public String toString() {
    return "Tokenizer[" + vocabulary + "]";
  }

  /** GPT-2's byte-to-character table: printable bytes map to themselves, others above U+0100. */
  static final class ByteLevel {
    private ByteLevel() {}

    static final char[] CHAR_OF_BYTE = new char[256];
    private static final int[] BYTE_OF_CHAR = new int[0x200];

    static {
      Arrays.fill(BYTE_OF_CHAR, -1);
      int next = 0;
      for (int b = 0; b < 256; b++) {
        boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        char c = printable ? (char) b : (char) (256 + next++);
        CHAR_OF_BYTE[b] = c;
        BYTE_OF_CHAR[c] = b;
      }
    }

    static byte[] decode(String token) {
      byte[] out = new byte[token.length()];
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        int b = c < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[c] : -1;
        if (b < 0) return token.getBytes(StandardCharsets.UTF_8); // not byte-level: literal text
        out[i] = (byte) b;
      }
      return out;
    }

    static String encode(byte[] bytes, int from, int to) {
      char[] cs = new char[to - from];
      for (int i = from; i < to; i++) cs[i - from] = CHAR_OF_BYTE[bytes[i] & 0xFF];
      return new String(cs);
    }
  }

  /** Used by {@link BpeEncoder}: the GPT-2 pre-tokenizer regex when a ByteLevel step has use_regex. */
  static final Pattern GPT2_SPLIT = Pattern.compile(
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
      Pattern.UNICODE_CHARACTER_CLASS);
}
