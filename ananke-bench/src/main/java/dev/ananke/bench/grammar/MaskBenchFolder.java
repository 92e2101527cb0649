package dev.ananke.bench.grammar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the MaskBench data the grammar suite runs on is, when this machine has it. */
public final class MaskBenchFolder {
  private MaskBenchFolder() {}

  /**
   * The folder from {@code -Dananke.maskbench.dir}, else {@code ../shared/data/maskbench} seen from
   * the working directory or one of its parents; empty on a machine without it (a fresh clone).
   */
  public static Optional<Path> find() {
    String prop = System.getProperty("ananke.maskbench.dir");
    if (prop != null) return Optional.of(Path.of(prop)).filter(Files::isDirectory);
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path d = p.resolve("../shared/data/maskbench").normalize();
      if (Files.isDirectory(d)) return Optional.of(d);
    }
    return Optional.empty();
  }
}
