package dev.ananke.bench.clew;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The source file a benchmark runs on: the generated fixture
 * {@code test/fixtures/<language>/<size>/*} when the repository has it, else the hand-written
 * Clew test sample of the language repeated up to the size's line count (100 / 500 / 1,000 /
 * 5,000 lines). Found from the repository root: {@code -Dananke.repo.root}, else the working
 * directory or one of its parents.
 *
 * <p>Size {@value #HUNDRED} is the seed's "100-line file" in the fixtures' own code: the small
 * input cut after its last declaration that ends within 100 lines (the generator's small
 * fixtures come out at 110-163 lines).
 */
final class BenchInputs {
  private BenchInputs() {}

  /** A source text and the file name extraction reports it under. */
  record Input(String fileName, String text, String origin) {}

  static final Map<String, Integer> LINES = Map.of("small", 100, "medium", 500, "large", 1000, "xlarge", 5000);

  /** The size of at most 100 lines, cut from the small input. */
  static final String HUNDRED = "lines100";

  private static final Map<String, String> SAMPLES = Map.of(
      "typescript", "ananke-clew/src/test/resources/samples/typescript/user_service.ts",
      "javascript", "ananke-clew/src/test/resources/samples/javascript/cart.js",
      "python", "ananke-clew/src/test/resources/samples/python/orders.py",
      "java", "ananke-clew/src/test/resources/samples/java/com/acme/billing/InvoiceService.java");

  static Input load(String language, String size) {
    if (size.equals(HUNDRED)) {
      Input small = load(language, "small");
      String cut = cutAtDeclaration(small.text(), 100, language.equals("python"));
      return new Input(small.fileName(), cut, small.origin() + ", first " + cut.lines().count() + " lines");
    }
    Integer lines = LINES.get(size);
    if (lines == null) {
      throw new IllegalArgumentException("unknown size " + size + ", expected " + HUNDRED + " or one of " + LINES.keySet());
    }
    Path root = dev.ananke.bench.suite.RepoRoot.find();
    Path fixtures = root.resolve("test/fixtures").resolve(language).resolve(size);
    try {
      if (Files.isDirectory(fixtures)) {
        try (Stream<Path> files = Files.list(fixtures)) {
          List<Path> found = files.filter(Files::isRegularFile).sorted().toList();
          if (!found.isEmpty()) {
            Path f = found.getFirst();
            return new Input(f.getFileName().toString(), Files.readString(f), root.relativize(f).toString());
          }
        }
      }
      String sample = SAMPLES.get(language);
      if (sample == null) {
        throw new IllegalStateException("no fixture " + fixtures + " and no sample for " + language);
      }
      Path f = root.resolve(sample);
      String text = Files.readString(f);
      StringBuilder sb = new StringBuilder();
      while (sb.toString().lines().count() < lines) sb.append(text).append('\n');
      return new Input(f.getFileName().toString(), sb.toString(),
          sample + " x" + (sb.toString().lines().count() / Math.max(1, text.lines().count())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The longest prefix of {@code text} of at most {@code max} lines that ends where a declaration
   * starts: before a line that follows a blank line and starts in column 0 (the fixtures separate
   * declarations so; members and bodies are indented), or, with {@code members}, also before an
   * indented {@code def}, {@code async def} or decorator (a Python class stays valid cut between
   * two methods; a class in braces does not).
   */
  static String cutAtDeclaration(String text, int max, boolean members) {
    List<String> lines = text.lines().toList();
    for (int keep = Math.min(max, lines.size() - 1); keep > 0; keep--) {
      String next = lines.get(keep);
      if (!lines.get(keep - 1).isBlank() || next.isBlank()) continue;
      String stripped = next.strip();
      boolean topLevel = !Character.isWhitespace(next.charAt(0));
      boolean member = members && (stripped.startsWith("def ") || stripped.startsWith("async def ") || stripped.startsWith("@"));
      if (topLevel || member) return String.join("\n", lines.subList(0, keep)) + "\n";
    }
    throw new IllegalArgumentException("no declaration boundary within the first " + max + " lines");
  }
}
