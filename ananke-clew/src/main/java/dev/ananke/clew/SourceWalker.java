package dev.ananke.clew;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lists the source files under a directory: files whose name a language claims, skipping
 * version-control and build-output directories and whatever the {@code .gitignore} files on the
 * way exclude. Symbolic links are not followed. The result is sorted, so runs are reproducible.
 */
final class SourceWalker {
  private SourceWalker() {}

  /** Directories that hold no source of the project: VCS data, dependencies, build output. */
  static final Set<String> SKIPPED_DIRECTORIES = Set.of(
      ".git", ".hg", ".svn", "node_modules", "target", "dist", "build", "out", "__pycache__",
      ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", "zig-cache", ".zig-cache", "zig-out",
      ".gradle", ".idea", ".next", "coverage");

  private record Scope(Path dir, GitIgnore rules) {}

  static List<Path> walk(Path root, Predicate<Path> wanted) throws IOException {
    List<Path> files = new ArrayList<>();
    Deque<Scope> scopes = new ArrayDeque<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(root)) {
          String name = dir.getFileName().toString();
          if (SKIPPED_DIRECTORIES.contains(name) || ignored(scopes, dir, true)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
        }
        scopes.push(new Scope(dir, GitIgnore.load(dir)));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && wanted.test(file) && !ignored(scopes, file, false)) {
          files.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        return FileVisitResult.CONTINUE; // unreadable entries are skipped, not fatal
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
        if (!scopes.isEmpty() && scopes.peek().dir().equals(dir)) scopes.pop();
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(null);
    return files;
  }

  /** The deepest .gitignore with an opinion decides; outer ones are consulted first. */
  private static boolean ignored(Deque<Scope> scopes, Path path, boolean directory) {
    boolean ignored = false;
    var it = scopes.descendingIterator(); // from the root down
    while (it.hasNext()) {
      Scope s = it.next();
      String rel = s.dir().relativize(path).toString().replace('\\', '/');
      Boolean d = s.rules().decide(rel, directory);
      if (d != null) ignored = d;
    }
    return ignored;
  }
}
