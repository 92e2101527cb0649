package dev.ananke.clew.internal.treesitter;

import dev.ananke.core.hash.ContentHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the tree-sitter shared libraries built by {@code src/build/build-natives.sh}.
 *
 * <p>They are resources under {@code /native/<platform>/}, listed with their SHA-256 in
 * {@code natives.list}. Run from a classes directory (tests, IDE), they are loaded in place.
 * Run from a jar, they are extracted once into {@code ~/.cache/ananke/native-runtime/<hash>/}
 * (or {@code $ANANKE_CACHE/native-runtime}, falling back to the temp directory), where the hash
 * covers every library: a new build gets a new directory, and an existing one is reused as is.
 * The system property {@code ananke.clew.native.dir} points at a directory of libraries instead.
 */
final class NativeLibraries {
  private NativeLibraries() {}

  private static final String LIST = "natives.list";
  private static volatile Path directory;

  /** The absolute path of one bundled library, e.g. {@code libtree-sitter-python.so}. */
  static Path library(String baseName) {
    Path file = directory().resolve(System.mapLibraryName(baseName));
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "native library " + file.getFileName() + " is missing from " + directory()
              + ": rebuild ananke-clew (its build compiles the tree-sitter grammars with gcc)");
    }
    return file;
  }

  static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String o = os.contains("mac") || os.contains("darwin") ? "macos" : os.contains("linux") ? "linux" : os;
    String a = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      default -> arch;
    };
    return o + "-" + a;
  }

  private static Path directory() {
    Path d = directory;
    if (d == null) {
      synchronized (NativeLibraries.class) {
        d = directory;
        if (d == null) {
          d = locate();
          directory = d;
        }
      }
    }
    return d;
  }

  private static Path locate() {
    String override = System.getProperty("ananke.clew.native.dir");
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath();
    }
    String base = "/native/" + platform() + "/";
    URL list = NativeLibraries.class.getResource(base + LIST);
    if (list == null) {
      throw new IllegalStateException(
          "no tree-sitter native libraries for platform " + platform() + " on the classpath (" + base + LIST
              + "): build ananke-clew on this platform (needs gcc and npm)");
    }
    if ("file".equals(list.getProtocol())) {
      try {
        return Path.of(list.toURI()).getParent();
      } catch (URISyntaxException e) {
        throw new IllegalStateException("bad resource URL " + list, e);
      }
    }
    return extract(base, list);
  }

  private static Path extract(String base, URL list) {
    Map<String, String> files = readList(list);
    String key = ContentHash.sha256Hex(String.join("\n", files.values())).substring(0, 16);
    Path root = cacheRoot().resolve("native-runtime").resolve(key);
    try {
      Files.createDirectories(root);
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path target = root.resolve(e.getKey());
        if (Files.isRegularFile(target)) continue; // content-addressed directory: present means right
        try (InputStream in = NativeLibraries.class.getResourceAsStream(base + e.getKey())) {
          if (in == null) throw new IllegalStateException("resource " + base + e.getKey() + " is missing from the jar");
          Path tmp = Files.createTempFile(root, e.getKey(), ".tmp");
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException ex) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
          } catch (IOException ex) {
            Files.deleteIfExists(tmp); // another process won the race
            if (!Files.isRegularFile(target)) throw ex;
          }
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the tree-sitter libraries to " + root + ": " + e.getMessage(), e);
    }
  }

  private static Path cacheRoot() {
    String env = System.getenv("ANANKE_CACHE");
    if (env != null && !env.isBlank()) return Path.of(env);
    Path home = Path.of(System.getProperty("user.home"), ".cache", "ananke");
    try {
      Files.createDirectories(home);
      if (Files.isWritable(home)) return home;
    } catch (IOException ignored) {
      // fall back to the temp directory below
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "ananke-" + System.getProperty("user.name"));
  }

  private static Map<String, String> readList(URL list) {
    Map<String, String> files = new LinkedHashMap<>();
    try (InputStream in = list.openStream()) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] parts = line.trim().split(" ");
        if (parts.length == 2) files.put(parts[0], parts[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + list, e);
    }
    return files;
  }
}
