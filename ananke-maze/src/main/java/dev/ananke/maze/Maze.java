package dev.ananke.maze;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.ananke.braid.Braid;
import dev.ananke.braid.Compilation;
import dev.ananke.braid.Targets;
import dev.ananke.clew.Clew;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Constraint;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.hash.CacheKey;
import dev.ananke.core.hash.ContentHash;
import dev.ananke.core.ir.Target;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.maze.backend.Backend;
import dev.ananke.maze.backend.Generation;
import dev.ananke.maze.backend.GenerationRequest;
import dev.ananke.maze.validate.Validation;
import dev.ananke.maze.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The orchestrator: extract (cached) → compile (cached) → backend → validate. Thread-safe; one
 * instance serves many requests (the {@code serve} command shares one).
 */
public final class Maze implements AutoCloseable {
  /** Context shown to a model is cut at this many characters per file. */
  private static final int CONTEXT_CHARS = 8_000;

  private final Map<String, Backend> backends;
  private final StageCaches caches;
  private final Clew clew = Clew.builder().build();
  private final Validator validator = new Validator();

  private Maze(Map<String, Backend> backends, long cacheSize) {
    this.backends = Map.copyOf(backends);
    this.caches = new StageCaches(cacheSize);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link Maze}. */
  public static final class Builder {
    private final Map<String, Backend> backends = new LinkedHashMap<>();
    private long cacheSize = 1_000;

    public Builder backend(Backend backend) {
      backends.put(backend.name(), backend);
      return this;
    }

    public Builder cacheSize(long entries) {
      if (entries < 1) throw new IllegalArgumentException("cache size must be >= 1, was " + entries);
      this.cacheSize = entries;
      return this;
    }

    public Maze build() {
      return new Maze(backends, cacheSize);
    }
  }

  public MazeResult generate(MazeRequest request) {
    Backend backend = backends.get(request.backend());
    if (backend == null) {
      throw new BadInputException("--backend " + request.backend(), "unknown backend (known: " + backends.keySet() + ")");
    }
    long t0 = System.nanoTime();
    // the context is walked and read once: for the extraction key and for the prompt
    Map<Path, byte[]> context = read(files(request.context()));
    ConstraintSet set = request.constraints() != null ? ConstraintJson.readSet(request.constraints()) : extract(request.context(), context);
    long t1 = System.nanoTime();
    Target target = Targets.parse(request.target(), request.language(), set);
    Compilation compilation = compile(set, target);
    long t2 = System.nanoTime();
    GenerationRequest g = new GenerationRequest(prompt(request, context, compilation), compilation.ir(), request.sampling(), request.allowDegraded(), false);
    Generation out = backend.generate(g);
    long t3 = System.nanoTime();
    Validation validation = validator.validate(out.text(), compilation, set);
    long t4 = System.nanoTime();
    MazeResult.Provenance provenance = new MazeResult.Provenance(out.model(), backend.name(), compilation.ir().target(),
        request.intent(), request.sampling(), compilation.ir().provenance(), out.finishReason());
    return new MazeResult(out.text(), provenance, validation, new MazeResult.Timings(t1 - t0, t2 - t1, t3 - t2, t4 - t3), out.notEnforced());
  }

  /** Validates existing code against a constraint set, for {@code ananke validate}. */
  public Validation validate(String code, ConstraintSet set, Target target) {
    return validator.validate(code, compile(set, target), set);
  }

  /** The constraints of source files and directories, extracted by Clew, cached by every file's path and content. */
  public ConstraintSet extract(List<Path> paths) {
    return extract(paths, read(files(paths)));
  }

  private ConstraintSet extract(List<Path> paths, Map<Path, byte[]> contents) {
    CacheKey.Builder key = CacheKey.builder("extract");
    contents.forEach((file, bytes) -> key.add(file.toString(), ContentHash.sha256Hex(bytes)));
    return caches.extractions.get(key.build(), k -> clew.extract(paths).constraints());
  }

  private static Map<Path, byte[]> read(List<Path> files) {
    Map<Path, byte[]> out = new LinkedHashMap<>();
    for (Path file : files) {
      try {
        out.put(file, Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The compilation of {@code set} for {@code target}, cached by the set's content and the target. */
  public Compilation compile(ConstraintSet set, Target target) {
    return caches.compile(set, target, t -> {
      CacheKey.Builder key = CacheKey.builder("compile").add("target", t.toString());
      int i = 0;
      for (Constraint c : set.constraints()) key.add("c" + i++, c.id());
      return caches.compilations.get(key.build(), k -> Braid.compile(set, t));
    });
  }

  public CacheStats extractionCacheStats() {
    return caches.extractionStats();
  }

  public CacheStats compilationCacheStats() {
    return caches.compilationStats();
  }

  public List<String> backendNames() {
    return List.copyOf(backends.keySet());
  }

  private static List<Path> files(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) throw new BadInputException(p.toString(), "no such file or directory");
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** The intent, the context files (cut), and what to write. */
  private static String prompt(MazeRequest request, Map<Path, byte[]> context, Compilation compilation) {
    StringBuilder b = new StringBuilder();
    context.forEach((file, bytes) -> {
      String text;
      try {
        text = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        return; // binary or not UTF-8: not shown; extraction reports it
      }
      b.append("// file: ").append(file).append('\n').append(text, 0, Math.min(text.length(), CONTEXT_CHARS)).append("\n\n");
    });
    b.append("// Task: ").append(request.intent()).append('\n');
    b.append("// Write the ").append(describe(compilation.ir().target())).append(".\n");
    return b.toString();
  }

  private static String describe(Target t) {
    return switch (t.kind()) {
      case FUNCTION_BODY -> "function " + t.name() + " in " + t.language();
      case NEW_FUNCTION -> "new " + t.language() + " function";
      case TYPE_VALUE -> "JSON value of type " + t.name();
      case MODULE -> t.language() + " module";
    };
  }

  @Override
  public void close() {
    for (Backend b : backends.values()) {
      try {
        if (b instanceof AutoCloseable c) c.close();
      } catch (Exception e) {
        // closing is best effort
      }
    }
  }
}
