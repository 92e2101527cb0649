package dev.ananke.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ananke.core.error.BadInputException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/*
 * Hugging Face's BPE pipeline, the parts Llama, Qwen and Mistral tokenizers use:
 *   added tokens are split out first (matched literally),
 *   the normalizer rewrites the rest (NFC; SentencePiece's "prepend ▁, space -> ▁"),
 *   the pre-tokenizer cuts it into pieces (a Split regex, kept "Isolated"; GPT-2's regex),
 *   byte-level tokenizers spell each piece's UTF-8 bytes as GPT-2 characters,
 *   and BPE merges each piece: start from one symbol per character (or <0xNN> byte tokens for
 *   characters the vocabulary lacks), then repeatedly merge the adjacent pair with the lowest
 *   merge rank, leftmost first, until no pair has a rank.
 * Llama 3's "ignore_merges" takes a piece that is itself a token as that token, before merging.
 * Pieces repeat a lot in real text, so their encodings are memoized.
 */
final class BpeEncoder {
  private static final int CACHE_LIMIT = 200_000;

  private final Vocabulary vocab;
  private final TokenizerKind kind;
  private final @Nullable Pattern addedTokens;
  private final UnaryOperator<String> normalizer;
  private final List<Pattern> splits;
  private final boolean byteFallback;
  private final boolean ignoreMerges;
  private final int unkId;
  /** (left id << 32 | right id) -> (rank << 32 | merged id). */
  private final Map<Long, Long> merges;
  private final Map<String, int[]> cache = new ConcurrentHashMap<>();

  private BpeEncoder(Vocabulary vocab, @Nullable Pattern addedTokens, UnaryOperator<String> normalizer,
      List<Pattern> splits, boolean byteFallback, boolean ignoreMerges, int unkId, Map<Long, Long> merges) {
    this.vocab = vocab;
    this.kind = vocab.kind();
    this.addedTokens = addedTokens;
    this.normalizer = normalizer;
    this.splits = splits;
    this.byteFallback = byteFallback;
    this.ignoreMerges = ignoreMerges;
    this.unkId = unkId;
    this.merges = merges;
  }

  static BpeEncoder create(Vocabulary vocab, JsonNode root, List<String> added, boolean byteFallback) {
    JsonNode model = root.path("model");
    Map<Long, Long> merges = new HashMap<>();
    int rank = 0;
    for (JsonNode m : model.path("merges")) {
      String left;
      String right;
      if (m.isArray()) {
        left = m.path(0).asText();
        right = m.path(1).asText();
      } else {
        String s = m.asText();
        int sp = s.indexOf(' ', 1);
        if (sp < 0) throw new BadInputException("model.merges[" + rank + "]", "expected \"left right\", found \"" + s + "\"");
        left = s.substring(0, sp);
        right = s.substring(sp + 1);
      }
      int a = vocab.tokenId(left).orElse(-1);
      int b = vocab.tokenId(right).orElse(-1);
      int ab = vocab.tokenId(left + right).orElse(-1);
      if (a >= 0 && b >= 0 && ab >= 0) merges.putIfAbsent(pair(a, b), ((long) rank << 32) | ab);
      rank++;
    }
    Pattern addedPattern = null;
    if (!added.isEmpty()) {
      List<String> sorted = new ArrayList<>(added);
      sorted.sort(Comparator.comparingInt(String::length).reversed());
      StringBuilder sb = new StringBuilder();
      for (String s : sorted) {
        if (s.isEmpty()) continue;
        if (!sb.isEmpty()) sb.append('|');
        sb.append(Pattern.quote(s));
      }
      if (!sb.isEmpty()) addedPattern = Pattern.compile(sb.toString());
    }
    List<Pattern> splits = new ArrayList<>();
    boolean[] prefixSpace = new boolean[1];
    preTokenizer(root.path("pre_tokenizer"), "pre_tokenizer", splits, prefixSpace);
    UnaryOperator<String> norm = normalizer(root.path("normalizer"), "normalizer");
    if (prefixSpace[0]) {
      UnaryOperator<String> inner = norm;
      norm = s -> {
        String t = inner.apply(s);
        return t.startsWith(" ") ? t : " " + t;
      };
    }
    String unk = model.path("unk_token").asText(null);
    int unkId = unk == null ? -1 : vocab.tokenId(unk).orElse(-1);
    return new BpeEncoder(vocab, addedPattern, norm, splits, byteFallback,
        model.path("ignore_merges").asBoolean(false), unkId, merges);
  }

  private static void preTokenizer(JsonNode node, String path, List<Pattern> splits, boolean[] prefixSpace) {
    if (node.isNull() || node.isMissingNode()) return;
    String type = node.path("type").asText();
    switch (type) {
      case "Sequence" -> {
        int i = 0;
        for (JsonNode n : node.path("pretokenizers")) preTokenizer(n, path + ".pretokenizers[" + i++ + "]", splits, prefixSpace);
      }
      case "Split" -> {
        String behavior = node.path("behavior").asText();
        if (!behavior.equals("Isolated") || node.path("invert").asBoolean(false)) {
          throw new BadInputException(path, "only Split with behavior Isolated is supported, found " + behavior);
        }
        JsonNode p = node.path("pattern");
        String regex = p.has("Regex") ? p.path("Regex").asText() : Pattern.quote(p.path("String").asText());
        splits.add(Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS));
      }
      case "ByteLevel" -> {
        if (node.path("add_prefix_space").asBoolean(false)) prefixSpace[0] = true;
        if (node.path("use_regex").asBoolean(true)) splits.add(Tokenizer.GPT2_SPLIT);
      }
      default -> throw new BadInputException(path, "unsupported pre-tokenizer type \"" + type + "\"");
    }
  }

  private static UnaryOperator<String> normalizer(JsonNode node, String path) {
    if (node.isNull() || node.isMissingNode()) return s -> s;
    String type = node.path("type").asText();
    return switch (type) {
      case "NFC" -> s -> Normalizer.normalize(s, Normalizer.Form.NFC);
      case "NFKC" -> s -> Normalizer.normalize(s, Normalizer.Form.NFKC);
      case "NFD" -> s -> Normalizer.normalize(s, Normalizer.Form.NFD);
      case "Prepend" -> {
        String pre = node.path("prepend").asText();
        yield s -> pre + s;
      }
      case "Replace" -> {
        JsonNode p = node.path("pattern");
        if (!p.has("String")) throw new BadInputException(path, "only Replace with a String pattern is supported");
        String from = p.path("String").asText();
        String to = node.path("content").asText();
        yield s -> s.replace(from, to);
      }
      case "Sequence" -> {
        List<UnaryOperator<String>> steps = new ArrayList<>();
        int i = 0;
        for (JsonNode n : node.path("normalizers")) steps.add(normalizer(n, path + ".normalizers[" + i++ + "]"));
        yield s -> {
          for (UnaryOperator<String> f : steps) s = f.apply(s);
          return s;
        };
      }
      default -> throw new BadInputException(path, "unsupported normalizer type \"" + type + "\"");
    };
  }

  private static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xFFFFFFFFL);
  }

  int[] encode(String text) {
    IntList out = new IntList();
    if (addedTokens == null) {
      encodeSegment(text, out);
    } else {
      Matcher m = addedTokens.matcher(text);
      int last = 0;
      while (m.find()) {
        if (m.start() > last) encodeSegment(text.substring(last, m.start()), out);
        out.add(vocab.tokenId(m.group()).orElseThrow());
        last = m.end();
      }
      if (last < text.length()) encodeSegment(text.substring(last), out);
    }
    return out.toArray();
  }

  private void encodeSegment(String segment, IntList out) {
    String text = normalizer.apply(segment);
    List<String> pieces = List.of(text);
    for (Pattern split : splits) {
      List<String> next = new ArrayList<>();
      for (String piece : pieces) splitIsolated(split, piece, next);
      pieces = next;
    }
    for (String piece : pieces) {
      int[] ids = cache.get(piece);
      if (ids == null) {
        ids = encodePiece(piece);
        if (cache.size() > CACHE_LIMIT) cache.clear();
        cache.put(piece, ids);
      }
      out.addAll(ids);
    }
  }

  private static void splitIsolated(Pattern split, String text, List<String> out) {
    Matcher m = split.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) out.add(text.substring(last, m.start()));
      if (m.end() > m.start()) out.add(m.group());
      last = m.end();
    }
    if (last < text.length()) out.add(text.substring(last));
  }

  private int[] encodePiece(String piece) {
    String spelled = kind == TokenizerKind.BYTE_LEVEL
        ? Tokenizer.ByteLevel.encode(piece.getBytes(StandardCharsets.UTF_8), 0, piece.getBytes(StandardCharsets.UTF_8).length)
        : piece;
    if (ignoreMerges) {
      var whole = vocab.tokenId(spelled);
      if (whole.isPresent()) return new int[] {whole.getAsInt()};
    }
    IntList symbols = new IntList();
    for (int i = 0; i < spelled.length(); ) {
      int cp = spelled.codePointAt(i);
      int n = Character.charCount(cp);
      var id = vocab.tokenId(spelled.substring(i, i + n));
      if (id.isPresent()) {
        symbols.add(id.getAsInt());
      } else if (byteFallback) {
        for (byte b : spelled.substring(i, i + n).getBytes(StandardCharsets.UTF_8)) {
          symbols.add(vocab.tokenId(String.format("<0x%02X>", b & 0xFF)).orElse(unkId));
        }
      } else if (unkId >= 0) {
        symbols.add(unkId);
      }
      i += n;
    }
    int[] s = symbols.toArray();
    int len = s.length;
    while (len > 1) {
      long best = Long.MAX_VALUE;
      int at = -1;
      for (int i = 0; i + 1 < len; i++) {
        Long m = merges.get(pair(s[i], s[i + 1]));
        if (m != null && m < best) {
          best = m;
          at = i;
        }
      }
      if (at < 0) break;
      s[at] = (int) best;
      System.arraycopy(s, at + 2, s, at + 1, len - at - 2);
      len--;
    }
    return java.util.Arrays.copyOf(s, len);
  }

  /** A growable int array (no boxing). */
  static final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
      a[n++] = v;
    }

    void addAll(int[] vs) {
      for (int v : vs) add(v);
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
