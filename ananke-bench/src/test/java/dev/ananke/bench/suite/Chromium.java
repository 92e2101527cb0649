package dev.ananke.bench.suite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Debian's headless Chromium, started as the machine allows (no sandbox as root, no background
 * networking: this network refuses it). Where there is none, the test is skipped, except under
 * CI, which installs it and where its absence is a failure.
 */
final class Chromium {
  private Chromium() {}

  /** A page as Chromium rendered it: the DOM after loading, and a screenshot. */
  record Rendering(String dom, BufferedImage screenshot) {
    /** How many pixels have exactly this colour. */
    long pixelsOf(int rgb) {
      long n = 0;
      for (int y = 0; y < screenshot.getHeight(); y++) {
        for (int x = 0; x < screenshot.getWidth(); x++) if ((screenshot.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
      }
      return n;
    }
  }

  static Path executable() {
    String configured = System.getenv("ANANKE_CHROMIUM");
    for (String candidate : configured != null ? List.of(configured) : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) return Path.of(candidate);
    }
    if (System.getenv("CI") != null) throw new AssertionError("CI must install Debian's chromium (.ci/run does)");
    assumeTrue(false, "no headless Chromium here (apt-get install chromium, or set ANANKE_CHROMIUM)");
    throw new IllegalStateException("unreachable");
  }

  static Rendering render(Path html, Path work) throws IOException, InterruptedException {
    Path chromium = executable();
    Files.createDirectories(work);
    Path png = work.resolve("page.png");
    Path dom = work.resolve("dom.html");
    run(chromium, work, List.of("--screenshot=" + png, "--window-size=1100,6000"), html, null);
    run(chromium, work, List.of("--dump-dom"), html, dom);
    return new Rendering(Files.readString(dom, StandardCharsets.UTF_8), ImageIO.read(png.toFile()));
  }

  private static void run(Path chromium, Path work, List<String> args, Path html, Path stdout)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + work.resolve("profile")));
    cmd.addAll(args);
    cmd.add(html.toUri().toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(work.resolve("chromium.log").toFile());
    pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + cmd);
    }
    if (p.exitValue() != 0) {
      throw new AssertionError("chromium exited with " + p.exitValue() + ": " + Files.readString(work.resolve("chromium.log")));
    }
  }
}
