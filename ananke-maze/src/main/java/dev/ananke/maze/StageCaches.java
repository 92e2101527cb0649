package dev.ananke.maze;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.ananke.braid.Compilation;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.hash.CacheKey;
import dev.ananke.core.ir.Target;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The two caches of the pipeline, bounded, with statistics. Keys cover every input that changes
 * the output: for extraction, each file's path and content (and the tool version, inside every
 * {@link CacheKey}); for compilation, the constraint ids (content hashes) and the target.
 */
final class StageCaches {
  final Cache<CacheKey, ConstraintSet> extractions;
  final Cache<CacheKey, Compilation> compilations;

  /*
   * In front of the content-keyed compilations: the same set object (the extraction cache hands
   * out the instance it holds) compiled for a target it was compiled for before. Keys are held
   * weakly and compared by identity, so a hit costs two lookups and no hashing of the set; a set
   * read again from a file misses here and hits the content level.
   */
  private final Cache<ConstraintSet, ConcurrentHashMap<Target, Compilation>> bySet;
  private final LongAdder setHits = new LongAdder();

  StageCaches(long maximumSize) {
    this.extractions = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    this.compilations = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    this.bySet = Caffeine.newBuilder().weakKeys().maximumSize(maximumSize).build();
  }

  Compilation compile(ConstraintSet set, Target target, Function<Target, Compilation> byContent) {
    ConcurrentHashMap<Target, Compilation> targets = bySet.get(set, s -> new ConcurrentHashMap<>());
    Compilation known = targets.get(target);
    if (known != null) {
      setHits.increment();
      return known;
    }
    Compilation c = byContent.apply(target);
    targets.put(target, c);
    return c;
  }

  CacheStats extractionStats() {
    return extractions.stats();
  }

  /** Hits at either level; misses, loads and evictions of the content level. */
  CacheStats compilationStats() {
    CacheStats s = compilations.stats();
    return CacheStats.of(s.hitCount() + setHits.sum(), s.missCount(), s.loadSuccessCount(), s.loadFailureCount(),
        s.totalLoadTime(), s.evictionCount(), s.evictionWeight());
  }
}
