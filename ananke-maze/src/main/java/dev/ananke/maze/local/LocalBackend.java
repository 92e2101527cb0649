package dev.ananke.maze.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.maze.backend.Backend;
import dev.ananke.maze.backend.BackendException;
import dev.ananke.maze.backend.ConstraintForm;
import dev.ananke.maze.backend.Generation;
import dev.ananke.maze.backend.GenerationRequest;
import dev.ananke.tokens.Regex;
import dev.ananke.tokens.RegexConstraint;
import dev.ananke.tokens.TokenMasks;
import dev.ananke.tokens.TokenMatcher;
import dev.ananke.tokens.Tokenizer;
import dev.ananke.tokens.Vocabulary;
import dev.ananke.tokens.earley.CompiledGrammar;
import dev.ananke.tokens.earley.GrammarConstraint;
import dev.ananke.tokens.grammar.Grammar;
import dev.ananke.tokens.jsonschema.JsonSchemaCompiler;
import dev.ananke.tokens.jsonschema.JsonSchemaOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * Generation in process: at every step the token engine computes the mask of the IR's grammar
 * (or JSON Schema) and regexes, the logits source scores the tokens, and only allowed tokens are
 * sampled (temperature, top-p, a seeded generator). Forced tokens (a signature prefix) are taken
 * without asking the source. When the token budget is nearly spent, the text that closes what is
 * open is appended, so that a source that never stops still yields complete output; if even that
 * is refused, the generation ends with finish reason {@code length} and the output is incomplete.
 */
public final class LocalBackend implements Backend {
  /** Tokens kept back for closing what is open when the budget runs out. */
  private static final int CLOSING_RESERVE = 48;
  /** Bodies that end a function whose header is complete, by language family. */
  private static final List<String> EMPTY_BODIES = List.of(" {}", "{}", " {\n}", ":\n    pass\n", ":\n    pass");

  private final Tokenizer tokenizer;
  private final LongFunction<LogitsSource> sources;
  private final String model;
  /*
   * Grammars paired with the vocabulary, by their text: the generations of one target share one.
   * Bounded, since every function target has a grammar of its own (its signature) and each holds
   * lexer tables; a run over thousands of functions would otherwise keep them all.
   */
  private final Cache<String, GrammarConstraint> grammars = Caffeine.newBuilder().maximumSize(64).build();

  /**
   * @param sources a logits source for a seed (each generation gets its own)
   * @param model the name reported as the generation's model
   */
  public LocalBackend(Tokenizer tokenizer, LongFunction<LogitsSource> sources, String model) {
    this.tokenizer = tokenizer;
    this.sources = sources;
    this.model = model;
  }

  /** The seeded random source over {@code tokenizer}'s vocabulary. */
  public static LocalBackend random(Tokenizer tokenizer) {
    Vocabulary v = tokenizer.vocabulary();
    int[] lengths = new int[v.modelSize()];
    for (int i = 0; i < lengths.length; i++) lengths[i] = v.isDefined(i) && !v.isSpecial(i) ? v.tokenLength(i) : 1_000;
    for (int eos : v.eosTokenIds()) lengths[eos] = 1;
    return new LocalBackend(tokenizer, seed -> new SeededRandomLogits(seed, lengths), "local-random");
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public Set<ConstraintForm> supports() {
    return EnumSet.of(ConstraintForm.LARK, ConstraintForm.JSON_SCHEMA, ConstraintForm.REGEX);
  }

  @Override
  public Generation generate(GenerationRequest request) {
    ConstraintIR ir = request.ir();
    List<ConstraintForm> sent = new ArrayList<>();
    TokenMatcher matcher = matcher(ir, sent);
    Vocabulary vocab = tokenizer.vocabulary();
    long seed = request.sampling().seed() == null ? 0L : request.sampling().seed();
    LogitsSource source = sources.apply(seed);
    SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    int max = request.sampling().maxTokens();
    int[] tokens = new int[max + CLOSING_RESERVE + 8];
    int n = 0;
    long[] mask = TokenMasks.allocate(vocab);
    float[] logits = new float[vocab.modelSize()];
    boolean stopped = false;
    int budget = Math.max(1, max - Math.min(CLOSING_RESERVE, max / 2));
    while (n < budget && !matcher.isTerminated()) {
      int[] forced = matcher.forcedTokens();
      int before = n;
      for (int t : forced) {
        if (n >= budget || !matcher.consume(t)) break;
        tokens[n++] = t;
      }
      if (n > before) continue;
      matcher.computeMask(mask);
      if (matcher.isAccepting()) for (int eos : vocab.eosTokenIds()) TokenMasks.set(mask, eos);
      source.logits(tokens, n, logits);
      int t = Sampler.sample(logits, mask, request.sampling().temperature(), request.sampling().topP(), random);
      if (t < 0) break; // nothing allowed: the constraint is exhausted
      if (isEos(vocab, t)) {
        stopped = true;
        break;
      }
      if (!matcher.consume(t)) throw new IllegalStateException("sampled a token outside the mask: " + t);
      tokens[n++] = t;
    }
    if (!stopped && !matcher.isAccepting()) {
      // a token may end inside a multi-byte character; closing starts from a whole one
      while (n > 0 && incompleteUtf8(tokenizer.decodeBytes(Arrays.copyOf(tokens, n)))) {
        matcher.rollback(1);
        n--;
      }
    }
    String text = tokenizer.decode(Arrays.copyOf(tokens, n));
    if (!stopped && !matcher.isAccepting()) {
      String suffix = Closer.suffix(ir.target().language(), text);
      int[] closing = tokenizer.encode(suffix);
      for (int t : closing) {
        if (n >= tokens.length || !matcher.consume(t)) break;
        tokens[n++] = t;
      }
      // still in a header (a new function's parameters or return type): an empty body ends it
      for (String body : EMPTY_BODIES) {
        if (matcher.isAccepting()) break;
        TokenMatcher probe = matcher.fork();
        int[] ids = tokenizer.encode(body);
        if (probe.consumeAll(ids) == ids.length && probe.isAccepting() && n + ids.length <= tokens.length) {
          for (int t : ids) {
            matcher.consume(t);
            tokens[n++] = t;
          }
        }
      }
      text = tokenizer.decode(Arrays.copyOf(tokens, n));
    }
    String finish = stopped || matcher.isAccepting() ? "stop" : "length";
    return new Generation(text, model, finish, n, sent, List.of());
  }

  /** Whether {@code b} ends in the middle of a UTF-8 sequence. */
  static boolean incompleteUtf8(byte[] b) {
    int i = b.length - 1;
    int continuation = 0;
    while (i >= 0 && (b[i] & 0xC0) == 0x80 && continuation < 3) {
      i--;
      continuation++;
    }
    if (i < 0) return continuation > 0;
    int lead = b[i] & 0xFF;
    int need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    return need > continuation;
  }

  private static boolean isEos(Vocabulary vocab, int token) {
    for (int eos : vocab.eosTokenIds()) if (eos == token) return true;
    return false;
  }

  private TokenMatcher matcher(ConstraintIR ir, List<ConstraintForm> sent) {
    Vocabulary vocab = tokenizer.vocabulary();
    List<TokenMatcher> parts = new ArrayList<>();
    if (ir.jsonSchema() != null) {
      String schema = ir.jsonSchema().text();
      parts.add(grammars.get("json:" + schema,
          k -> CompiledGrammar.compile(JsonSchemaCompiler.compile(schema, JsonSchemaOptions.DEFAULT)).constraint(vocab)).newMatcher());
      sent.add(ConstraintForm.JSON_SCHEMA);
    } else if (ir.grammar() != null) {
      String lark = ir.grammar().lark();
      parts.add(grammars.get("lark:" + lark, k -> CompiledGrammar.compile(Grammar.lark(lark)).constraint(vocab)).newMatcher());
      sent.add(ConstraintForm.LARK);
    }
    for (String regex : ir.regexes()) {
      parts.add(RegexConstraint.of(Regex.compile(regex), vocab).newMatcher());
      if (!sent.contains(ConstraintForm.REGEX)) sent.add(ConstraintForm.REGEX);
    }
    if (parts.isEmpty()) {
      throw new BackendException("local: the IR of " + ir.target() + " constrains nothing; refusing to generate unconstrained text", 0);
    }
    return parts.size() == 1 ? parts.getFirst() : new AllOf(parts);
  }
}
