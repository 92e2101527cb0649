package dev.ananke.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sorted sets come out sorted and without duplicates whatever the order they came in. */
class ChecksTest {

  @Test
  void sortedSetSortsAndDeduplicates() {
    assertEquals(List.of("a", "b", "c"), Checks.sortedSet(List.of("a", "b", "c"), "x"));
    assertEquals(List.of("a", "b", "c"), Checks.sortedSet(List.of("c", "a", "b"), "x"));
    assertEquals(List.of("a", "b"), Checks.sortedSet(List.of("a", "a", "b"), "x"), "ascending but not strictly");
    assertEquals(List.of("a", "b"), Checks.sortedSet(List.of("a", "b", "b"), "x"));
    assertEquals(List.of("B", "a", "é"), Checks.sortedSet(List.of("é", "a", "B"), "x"), "by UTF-16 code unit");
    assertEquals(List.of(), Checks.sortedSet(List.of(), "x"));
  }

  @Test
  void sortedSetIsAnImmutableCopyAndRefusesBlanks() {
    List<String> in = new ArrayList<>(List.of("a", "b"));
    List<String> out = Checks.sortedSet(in, "x");
    in.set(0, "z");
    assertEquals(List.of("a", "b"), out);
    assertThrows(UnsupportedOperationException.class, () -> out.add("c"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checks.sortedSet(List.of("a", " "), "regexes"));
    assertEquals("regexes entry must not be empty", e.getMessage());
  }

  @Test
  void listIsAnImmutableCopyAndNamesWhatIsWrong() {
    List<String> in = new ArrayList<>(List.of("a", "b"));
    List<String> out = Checks.list(in, "x");
    in.set(0, "z");
    assertEquals(List.of("a", "b"), out);
    assertThrows(UnsupportedOperationException.class, () -> out.add("c"));
    List<String> immutable = List.of("a");
    assertSame(immutable, Checks.list(immutable, "x"), "an immutable list is not copied again");
    List<String> withNull = new ArrayList<>(java.util.Arrays.asList("a", null));
    assertEquals("parameters must not contain null",
        assertThrows(IllegalArgumentException.class, () -> Checks.list(withNull, "parameters")).getMessage());
    assertEquals("parameters must not be null",
        assertThrows(IllegalArgumentException.class, () -> Checks.list(null, "parameters")).getMessage());
  }
}
