package dev.ananke.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

  private static CacheKey key(String language, String content) {
    return CacheKey.builder("extract").add("language", language).add("content", content).build();
  }

  @Test
  void sameInputsSameKeyWhateverTheOrderOfAdding() {
    CacheKey a = CacheKey.builder("extract").add("language", "go").add("content", "package x").build();
    CacheKey b = CacheKey.builder("extract").add("content", "package x").add("language", "go").build();
    assertEquals(a, b);
    assertEquals(64, a.hash().length());
  }

  @Test
  void languageContentAndPurposeChangeTheKey() {
    assertNotEquals(key("typescript", "x"), key("javascript", "x"));
    assertNotEquals(key("go", "x"), key("go", "y"));
    assertNotEquals(
        CacheKey.builder("extract").add("content", "x").build(), CacheKey.builder("compile").add("content", "x").build());
  }

  @Test
  void componentBoundariesCannotBeShifted() {
    assertNotEquals(
        CacheKey.builder("p").add("a", "bc").add("d", "").build(),
        CacheKey.builder("p").add("a", "b").add("d", "c").build());
  }

  @Test
  void mapsHashTheSameWhateverTheirIterationOrder() {
    Map<String, String> ordered = new LinkedHashMap<>();
    ordered.put("strict", "true");
    ordered.put("telemetry", "none");
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("telemetry", "none");
    reversed.put("strict", "true");
    assertEquals(
        CacheKey.builder("compile").addAll("options", ordered).build(),
        CacheKey.builder("compile").addAll("options", new HashMap<>(reversed)).build());
  }

  @Test
  void aComponentCannotBeAddedTwice() {
    assertEquals(
        "cache key component language was already added",
        assertThrows(
                IllegalArgumentException.class,
                () -> CacheKey.builder("extract").add("language", "go").add("language", "rust"))
            .getMessage());
  }

  @Test
  void theToolVersionIsPartOfEveryKey() {
    assertEquals(
        "cache key component ananke.version was already added",
        assertThrows(IllegalArgumentException.class, () -> CacheKey.builder("x").add("ananke.version", "0"))
            .getMessage());
  }
}
