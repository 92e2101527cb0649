package dev.ananke.clew;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ananke.clew.spi.Facts.FileFacts;
import dev.ananke.clew.spi.LanguageSpec;
import dev.ananke.clew.spi.NamingTally;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.hash.CacheKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Extracts constraints from source files with tree-sitter.
 *
 * <pre>{@code
 * Clew clew = Clew.builder().telemetry(Path.of("telemetry.json")).build();
 * ExtractionResult r = clew.extract(List.of(Path.of("src")));
 * r.constraints();   // the ConstraintSet
 * r.diagnostics();   // syntax errors extracted around, files skipped
 * }</pre>
 *
 * <p>Directories are walked ({@link SourceWalker}: VCS, dependency and build-output directories
 * and {@code .gitignore}d paths are skipped); each file's language comes from its extension
 * unless one is forced. Files are processed in parallel. A file's facts are cached by its
 * content, path, language and the tool version, so extracting an unchanged tree again is cheap.
 * Binary, non-UTF-8 and oversized files are skipped with a diagnostic, never an exception.
 *
 * <p>Thread-safe; one instance can serve many extractions and shares its cache between them.
 */
public final class Clew {

  /** Receives progress: {@code done} of {@code total} files processed. Called from worker threads. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  private final @Nullable LanguageSpec forcedLanguage;
  private final @Nullable Path telemetry;
  private final long maxFileBytes;
  private final int threads;
  private final @Nullable Progress progress;
  private final @Nullable Cache<CacheKey, FileFacts> cache;

  private Clew(Builder b) {
    this.forcedLanguage = b.language;
    this.telemetry = b.telemetry;
    this.maxFileBytes = b.maxFileBytes;
    this.threads = b.threads;
    this.progress = b.progress;
    this.cache = b.cacheSize == 0 ? null : Caffeine.newBuilder().maximumSize(b.cacheSize).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The names {@link Builder#language} accepts. */
  public static List<String> languages() {
    return Languages.names();
  }

  /**
   * Extracts from files and directories.
   *
   * @throws BadInputException a path does not exist, or the telemetry file is missing or invalid
   */
  public ExtractionResult extract(List<Path> paths) {
    var telemetryFacts = telemetry == null ? List.<dev.ananke.core.Constraint>of() : Telemetry.read(telemetry);
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Job> jobs = collect(paths, diagnostics);
    List<FileFacts> results = run(jobs);

    ConstraintSet.Builder set = ConstraintSet.builder();
    Map<String, NamingTally> naming = new TreeMap<>();
    for (int i = 0; i < jobs.size(); i++) {
      FileFacts facts = results.get(i);
      set.addAll(facts.constraints());
      diagnostics.addAll(facts.diagnostics());
      naming.computeIfAbsent(namingGroup(jobs.get(i).language()), k -> new NamingTally()).addAll(facts.naming());
    }
    set.addAll(NamingConventions.conventions(naming));
    set.addAll(telemetryFacts);
    diagnostics.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
        .thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::message));
    return new ExtractionResult(set.build(), diagnostics, jobs.size());
  }

  /**
   * Extracts from one in-memory source text (an editor buffer, a benchmark input).
   *
   * @param file the name origins will carry
   * @param language a name from {@link #languages()}, or null to go by {@code file}'s extension
   */
  public ExtractionResult extractSource(String file, String source, @Nullable String language) {
    LanguageSpec spec = language != null ? requireLanguage(language)
        : Languages.forFile(Path.of(file)).orElseThrow(() -> new BadInputException(file, "unknown language: "
            + "name it (one of " + Languages.names() + ")"));
    FileFacts facts = FileExtractor.extract(displayPath(file), source, spec);
    ConstraintSet.Builder set = ConstraintSet.builder().addAll(facts.constraints());
    set.addAll(NamingConventions.conventions(Map.of(namingGroup(spec), facts.naming())));
    return new ExtractionResult(set.build(), facts.diagnostics(), 1);
  }

  /**
   * Only parses {@code source} as {@code language}, extracting nothing, and returns the number of
   * nodes in the tree: the baseline extraction is measured against in the benchmarks.
   */
  public static int parseOnly(String language, String source) {
    LanguageSpec spec = requireLanguage(language);
    return dev.ananke.clew.internal.treesitter.ParsedTree.parseOnly(FileExtractor.grammar(spec), source);
  }

  /** TSX shares TypeScript's conventions: it is the same language with JSX in it. */
  private static String namingGroup(LanguageSpec spec) {
    return spec.name().equals("tsx") ? "typescript" : spec.name();
  }

  /** One file to extract. */
  private record Job(String path, LanguageSpec language, String text, byte[] bytes) {}

  private List<Job> collect(List<Path> paths, List<Diagnostic> diagnostics) {
    Set<Path> files = new LinkedHashSet<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new BadInputException(displayPath(p.toString()), "no such file or directory");
      }
      if (Files.isDirectory(p)) {
        try {
          for (Path f : SourceWalker.walk(p, this::claims)) {
            files.add(f);
          }
        } catch (IOException e) {
          throw new BadInputException(displayPath(p.toString()), "cannot walk directory: " + e.getMessage());
        }
      } else {
        files.add(p);
      }
    }
    List<Job> jobs = new ArrayList<>();
    for (Path f : files) {
      String display = displayPath(f.toString());
      LanguageSpec spec = forcedLanguage != null ? forcedLanguage : Languages.forFile(f).orElse(null);
      if (spec == null) {
        diagnostics.add(Diagnostic.skipped(display, "unknown language (extensions: " + knownExtensions()
            + "; use --language to name one)"));
        continue;
      }
      byte[] bytes;
      try {
        long size = Files.size(f);
        if (size > maxFileBytes) {
          diagnostics.add(Diagnostic.skipped(display, "larger than the limit of " + maxFileBytes + " bytes (" + size + " bytes)"));
          continue;
        }
        bytes = Files.readAllBytes(f);
      } catch (IOException e) {
        diagnostics.add(Diagnostic.skipped(display, "cannot read: " + e.getMessage()));
        continue;
      }
      switch (SourceText.decode(bytes, maxFileBytes)) {
        case SourceText.Text t -> jobs.add(new Job(display, spec, t.text(), bytes));
        case SourceText.Rejected r -> diagnostics.add(Diagnostic.skipped(display, r.reason()));
      }
    }
    return jobs;
  }

  /** In a directory: files of the forced language, or of any language. */
  private boolean claims(Path file) {
    var spec = Languages.forFile(file);
    return spec.isPresent() && (forcedLanguage == null || spec.get().equals(forcedLanguage));
  }

  private List<FileFacts> run(List<Job> jobs) {
    int total = jobs.size();
    AtomicInteger done = new AtomicInteger();
    if (jobs.size() <= 1 || threads == 1) {
      List<FileFacts> out = new ArrayList<>();
      for (Job j : jobs) {
        out.add(extractCached(j));
        if (progress != null) progress.update(done.incrementAndGet(), total);
      }
      return out;
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs.size()), r -> {
      Thread t = new Thread(r, "clew-worker");
      t.setDaemon(true);
      return t;
    })) {
      List<Future<FileFacts>> futures = new ArrayList<>();
      for (Job j : jobs) {
        futures.add(pool.submit(() -> {
          FileFacts f = extractCached(j);
          if (progress != null) progress.update(done.incrementAndGet(), total);
          return f;
        }));
      }
      List<FileFacts> out = new ArrayList<>();
      for (Future<FileFacts> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("extraction interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    }
  }

  private FileFacts extractCached(Job job) {
    String text = job.text();
    if (cache == null) return FileExtractor.extract(job.path(), text, job.language());
    CacheKey key = CacheKey.builder("extract")
        .add("content", job.bytes())
        .add("language", job.language().name())
        .add("path", job.path())
        .build();
    return cache.get(key, k -> FileExtractor.extract(job.path(), text, job.language()));
  }

  private static String displayPath(String path) {
    String p = path.replace('\\', '/');
    return p.startsWith("./") && p.length() > 2 ? p.substring(2) : p;
  }

  private static String knownExtensions() {
    return String.join(" ", Languages.ALL.stream().flatMap(l -> l.extensions().stream()).distinct().toList());
  }

  private static LanguageSpec requireLanguage(String name) {
    return Languages.byName(name).orElseThrow(() -> new BadInputException(
        "--language " + name, "unknown language, expected one of " + Languages.names()));
  }

  /** Options of a {@link Clew}. Defaults: language by extension, no telemetry, 2 MiB per file, all cores, a 10,000-file cache. */
  public static final class Builder {
    private @Nullable LanguageSpec language;
    private @Nullable Path telemetry;
    private long maxFileBytes = 2L << 20;
    private int threads = Runtime.getRuntime().availableProcessors();
    private @Nullable Progress progress;
    private long cacheSize = 10_000;

    private Builder() {}

    /** Read every file as this language (a name from {@link Clew#languages()}), whatever its extension. */
    public Builder language(@Nullable String name) {
      this.language = name == null ? null : requireLanguage(name);
      return this;
    }

    /** A telemetry JSON file to mine operational bounds from (see {@code docs/clew.md}). */
    public Builder telemetry(@Nullable Path file) {
      this.telemetry = file;
      return this;
    }

    /** Files larger than this are skipped. */
    public Builder maxFileBytes(long bytes) {
      if (bytes < 1) throw new IllegalArgumentException("maxFileBytes must be >= 1, was " + bytes);
      this.maxFileBytes = bytes;
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, was " + threads);
      this.threads = threads;
      return this;
    }

    public Builder progress(@Nullable Progress progress) {
      this.progress = progress;
      return this;
    }

    /** How many files' facts to keep in memory; 0 disables the cache. */
    public Builder cacheSize(long files) {
      if (files < 0) throw new IllegalArgumentException("cacheSize must be >= 0, was " + files);
      this.cacheSize = files;
      return this;
    }

    public Clew build() {
      return new Clew(this);
    }
  }
}
