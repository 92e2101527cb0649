package dev.ananke.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed's memory suite, process side: the peak resident set of an {@code ananke extract}
 * process on the largest fixture, started through the {@code ./ananke} launcher as a user
 * starts it. The peak is the kernel's high-water mark ({@code VmHWM} in {@code /proc/PID/status}),
 * read every 2 ms until the process ends: it only grows, so the last reading misses at most what
 * the process took in its last 2 ms. Linux only.
 */
public final class PeakRss {
  private PeakRss() {}

  /** One process measured. */
  public record Run(long peakKb, int exitCode) {}

  /** The largest committed fixture under {@code test/fixtures} of the repository, by size in bytes. */
  public static Path largestFixture(Path repoRoot) throws IOException {
    Path fixtures = repoRoot.resolve("test/fixtures");
    if (!Files.isDirectory(fixtures)) throw new IllegalStateException("no fixtures at " + fixtures);
    try (Stream<Path> files = Files.walk(fixtures)) {
      return files.filter(Files::isRegularFile)
          .max(Comparator.comparingLong((Path p) -> p.toFile().length()).thenComparing(Comparator.reverseOrder()))
          .orElseThrow(() -> new IllegalStateException("no fixture files under " + fixtures));
    }
  }

  /** Runs {@code ./ananke extract FILE --format json} once, its output discarded. */
  public static Run measure(Path repoRoot, Path file) throws IOException, InterruptedException {
    Path launcher = repoRoot.resolve("ananke");
    Path jar = repoRoot.resolve("ananke-cli/target/ananke-cli.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the application is not built (" + jar + " missing): run ./build.sh first");
    }
    if (!Files.exists(Path.of("/proc/self/status"))) throw new IllegalStateException("peak RSS needs Linux's /proc");
    Process p = new ProcessBuilder(launcher.toString(), "extract", file.toString(), "--format", "json")
        .directory(repoRoot.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
    long peak = 0;
    while (p.isAlive()) {
      peak = Math.max(peak, highWaterMarkKb(status));
      Thread.sleep(2);
    }
    return new Run(peak, p.waitFor());
  }

  /** Several runs; a failed process is an error, not a figure. */
  public static List<Long> measure(Path repoRoot, Path file, int runs) throws IOException, InterruptedException {
    List<Long> peaks = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Run r = measure(repoRoot, file);
      if (r.exitCode() != 0) throw new IllegalStateException("ananke extract " + file + " exited with " + r.exitCode());
      if (r.peakKb() == 0) throw new IllegalStateException("no VmHWM read for ananke extract " + file);
      peaks.add(r.peakKb());
    }
    return peaks;
  }

  private static long highWaterMarkKb(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between isAlive and the read
    }
    return 0;
  }
}
