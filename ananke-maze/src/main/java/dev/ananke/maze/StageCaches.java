package dev.ananke.maze;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.ananke.braid.Compilation;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.hash.CacheKey;

/**
 * The two caches of the pipeline, bounded, with statistics. Keys cover every input that changes
 * the output: for extraction, each file's path and content (and the tool version, inside every
 * {@link CacheKey}); for compilation, the constraint ids (content hashes) and the target.
 */
final class StageCaches {
  final Cache<CacheKey, ConstraintSet> extractions;
  final Cache<CacheKey, Compilation> compilations;

  StageCaches(long maximumSize) {
    this.extractions = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    this.compilations = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
  }

  CacheStats extractionStats() {
    return extractions.stats();
  }

  CacheStats compilationStats() {
    return compilations.stats();
  }
}
