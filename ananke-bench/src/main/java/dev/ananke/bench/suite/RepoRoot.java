package dev.ananke.bench.suite;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the benchmarks read fixtures from and start {@code ./ananke} in. */
public final class RepoRoot {
  private RepoRoot() {}

  /** {@code -Dananke.repo.root}, else the working directory or the nearest parent holding {@code ananke-clew}. */
  public static Path find() {
    String prop = System.getProperty("ananke.repo.root");
    if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath().normalize();
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("ananke-clew"))) return p;
    }
    throw new IllegalStateException("run from the repository (or set -Dananke.repo.root): no ananke-clew directory above "
        + Path.of("").toAbsolutePath());
  }
}
