package dev.ananke.clew;

import dev.ananke.clew.internal.treesitter.Grammars;
import dev.ananke.clew.internal.treesitter.ParsedTree;
import dev.ananke.clew.internal.treesitter.TsLanguage;
import dev.ananke.clew.internal.treesitter.FlatQuery;
import dev.ananke.clew.spi.Facts;
import dev.ananke.clew.spi.LanguageSpec;
import dev.ananke.clew.spi.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Extracts the facts of one source text: parse, run the language's extractor, report syntax
 * errors. Languages and their queries are compiled once per process. Thread-safe.
 */
final class FileExtractor {
  private FileExtractor() {}

  private record Compiled(TsLanguage language, Optional<FlatQuery> query) {}

  private static final ConcurrentMap<String, Compiled> COMPILED = new ConcurrentHashMap<>();

  static Facts.FileFacts extract(String path, String text, LanguageSpec spec) {
    Compiled compiled = COMPILED.computeIfAbsent(spec.name(), k -> compile(spec));
    try (ParsedTree tree = ParsedTree.parse(compiled.language(), text)) {
      SourceFile file = new SourceFile(path, text, spec, tree, compiled.query().orElse(null));
      Facts facts = new Facts(file);
      spec.extractor().extract(file, facts);
      SyntaxErrors.report(file, facts);
      return facts.finish();
    }
  }

  /** The grammar of a language, for callers that only parse (benchmarks). */
  static TsLanguage grammar(LanguageSpec spec) {
    return COMPILED.computeIfAbsent(spec.name(), k -> compile(spec)).language();
  }

  private static Compiled compile(LanguageSpec spec) {
    TsLanguage language = Grammars.language(spec.grammar());
    if (spec.queryResource() == null) return new Compiled(language, Optional.empty());
    String resource = spec.queryResource();
    ClassLoader loader = spec.extractor().getClass().getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
      if (in == null) throw new IllegalStateException("query resource " + resource + " of " + spec.name() + " is missing");
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Compiled(language, Optional.of(FlatQuery.compile(language, source, resource)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read query " + resource, e);
    }
  }
}
