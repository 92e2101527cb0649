package dev.ananke.tokens.jsonschema;

import dev.ananke.tokens.Regex;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/*
 * Regexes shared between compiled schemas, by the text they were built from. A Regex builds its
 * DFA lazily and keeps it, so two schemas holding the same Regex object share every DFA state
 * either of them reached: the JSON string, number and whitespace lexemes, the punctuation and
 * common keys and formats are the same in most schemas, and building their states anew for each
 * schema (derivatives, byte classes, emptiness searches) was most of what a first mask inside a
 * fresh schema cost. Regex and its DFA are thread-safe, so sharing needs no more than this map.
 *
 * Bounded two ways: at most MAX_ENTRIES regexes (least recently used go first), and a regex whose
 * DFA has grown past MAX_SHARED_STATES states (about 1 KiB of table each) is dropped when next
 * looked up and built afresh for the caller, so the cache holds at most about
 * MAX_ENTRIES x MAX_SHARED_STATES KiB of tables between lookups, typically far less (a JSON
 * string's DFA has about ten states).
 */
final class SharedRegexes {
  static final int MAX_ENTRIES = 1024;
  static final int MAX_SHARED_STATES = 128;

  private static final Map<String, Regex> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Regex> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  private SharedRegexes() {}

  /**
   * The regex {@code build} makes, shared with earlier callers that passed the same {@code key};
   * the key must determine the regex (pattern text and limits). A build that throws caches nothing.
   */
  static Regex get(String key, Supplier<Regex> build) {
    Regex r;
    synchronized (CACHE) {
      r = CACHE.get(key);
    }
    if (r != null && r.dfaStateCount() <= MAX_SHARED_STATES) return r;
    if (r != null) {
      synchronized (CACHE) {
        CACHE.remove(key, r);
      }
    }
    Regex fresh = build.get();
    synchronized (CACHE) {
      Regex won = CACHE.putIfAbsent(key, fresh);
      return won != null ? won : fresh;
    }
  }

  static void clear() {
    synchronized (CACHE) {
      CACHE.clear();
    }
  }
}
