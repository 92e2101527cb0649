package dev.ananke.core.hash;

import dev.ananke.core.AnankeVersion;
import dev.ananke.core.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cache key: the purpose ("extract", "compile") and a SHA-256 over named components, always
 * including the tool version. Components are hashed in name order, so the order they were added
 * in never matters; a name added twice is an error rather than a silent overwrite.
 *
 * <pre>{@code
 * CacheKey key = CacheKey.builder("extract")
 *     .add("language", "typescript")
 *     .add("content", fileBytes)
 *     .add("options", "telemetry=none")
 *     .build();
 * }</pre>
 */
public record CacheKey(String purpose, String hash) {

  public CacheKey {
    Checks.notBlank(purpose, "cache key purpose");
    Checks.notBlank(hash, "cache key hash");
  }

  public static Builder builder(String purpose) {
    return new Builder(purpose);
  }

  @Override
  public String toString() {
    return purpose + ":" + hash;
  }

  public static final class Builder {
    private final String purpose;
    private final Map<String, byte[]> components = new TreeMap<>();

    private Builder(String purpose) {
      this.purpose = Checks.notBlank(purpose, "cache key purpose");
      add("ananke.version", AnankeVersion.get());
    }

    public Builder add(String name, String value) {
      return add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public Builder add(String name, long value) {
      return add(name, Long.toString(value));
    }

    public Builder add(String name, boolean value) {
      return add(name, Boolean.toString(value));
    }

    public Builder add(String name, byte[] value) {
      Checks.notBlank(name, "cache key component name");
      if (components.putIfAbsent(name, value.clone()) != null) {
        throw new IllegalArgumentException("cache key component " + name + " was already added");
      }
      return this;
    }

    /** Adds every entry of a map, each under {@code name.key}; the map's order is irrelevant. */
    public Builder addAll(String name, Map<String, String> values) {
      for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
        add(name + "." + e.getKey(), e.getValue());
      }
      return this;
    }

    public CacheKey build() {
      MessageDigest md = ContentHash.sha256();
      Fields.update(md, "ananke.cachekey/1");
      Fields.update(md, purpose);
      for (Map.Entry<String, byte[]> e : components.entrySet()) {
        Fields.update(md, e.getKey());
        Fields.update(md, e.getValue());
      }
      return new CacheKey(purpose, HexFormat.of().formatHex(md.digest()));
    }
  }
}
