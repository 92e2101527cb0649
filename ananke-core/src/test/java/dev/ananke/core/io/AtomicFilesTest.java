package dev.ananke.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  private static List<Path> listing(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void writesAndReplacesLeavingNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("out.json");
    AtomicFiles.writeString(target, "first");
    AtomicFiles.writeString(target, "second é");
    assertEquals("second é", Files.readString(target));
    assertEquals(List.of(target), listing(dir));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("taken");
    Files.createDirectories(target.resolve("child"));
    assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "x"));
    assertEquals(List.of(target), listing(dir));
    assertEquals(List.of(target.resolve("child")), listing(target));
  }
}
