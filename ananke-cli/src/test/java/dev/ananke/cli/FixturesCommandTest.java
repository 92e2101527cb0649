package dev.ananke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.fixtures.Fixture;
import dev.ananke.fixtures.FixtureGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesCommandTest {

  @Test
  void generateWritesTheTwentyFixturesUnderTheRoot(@TempDir Path root) throws IOException {
    CliTest.Run r = CliTest.run("fixtures", "generate", "--root", root.toString());
    assertEquals(0, r.code(), r.err());
    List<Fixture> expected = new FixtureGenerator().generate();
    assertEquals(20, expected.size());
    for (Fixture f : expected) {
      assertEquals(f.source(), Files.readString(root.resolve(f.relativePath())), f.relativePath());
    }
    assertTrue(r.out().endsWith("20 fixtures written under " + root.resolve("test/fixtures") + "\n"), r.out());
  }

  @Test
  void aMissingRootIsBadInput(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    CliTest.Run r = CliTest.run("fixtures", "generate", "--root", missing.toString());
    assertEquals(2, r.code());
    assertEquals("ananke: error: " + missing + ": not a directory\n", r.err());
  }
}
