package dev.ananke.bench.clew;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares the extraction of two builds of Ananke in one JVM: each benchmark jar is loaded in its
 * own class loader (its own JIT code, the same natives), and every round runs the bare parse and
 * then both extractions back to back, in alternating order, timed in the thread's CPU time. The
 * estimates are <em>paired</em>: the median over rounds of the difference between adjacent runs,
 * so the machine's drift (a neighbour taking the cache for seconds) cancels out. On this project's
 * shared 2-core hosts, a change of 5 us on a 100-line file shows up here, while separate runs of
 * one build vary by 20% and more.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp ananke-bench/target/benchmarks.jar \
 *     dev.ananke.bench.clew.ExtractionAB OLD.jar NEW.jar [rounds] [language:size ...]
 * </pre>
 *
 * Build the old jar from a worktree of the old commit ({@code mvn -o package -DskipTests -pl
 * ananke-bench -am}). Inputs default to the 100-line and small inputs of TypeScript, Python and
 * Go; {@code -Dwarmup.seconds} (default 20) sets the warm-up of both builds.
 *
 * <p>Run it twice, the second time with the jars swapped, and take half the difference of the
 * two "B - A" figures: the build loaded second has come out a few microseconds slower (one jar
 * against itself gave +3 to +10 us, and up to +37 us on a loaded host).
 *
 * <p>Only builds with the same native libraries compare: when they differ, both copies of
 * tree-sitter are loaded and each extraction parses with tables the other build's parse has just
 * pushed out of the cache (50-100 us more for the build loaded second). Compare those with
 * {@code ExtractionBenchmark.extractAndParse}, run on each build in turn.
 */
public final class ExtractionAB {
  private ExtractionAB() {}

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** One build: its {@code Clew.extractSource} (bound to a cache-less engine) and {@code Clew.parseOnly}. */
  private record Build(String name, MethodHandle extract, MethodHandle parse) {
    void extract(BenchInputs.Input in, String language) throws Throwable {
      Object unused = extract.invoke(in.fileName(), in.text(), language);
    }

    void parse(BenchInputs.Input in, String language) throws Throwable {
      int unused = (int) parse.invoke(language, in.text());
    }
  }

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println("usage: ExtractionAB OLD.jar NEW.jar [rounds] [language:size ...]");
      System.exit(2);
    }
    Build a = load(Path.of(args[0]));
    Build b = load(Path.of(args[1]));
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    List<String> specs = args.length > 3 ? List.of(args).subList(3, args.length)
        : List.of("typescript:lines100", "typescript:small", "python:lines100", "python:small", "go:small");
    List<String> languages = new ArrayList<>();
    List<BenchInputs.Input> inputs = new ArrayList<>();
    for (String spec : specs) {
      String[] parts = spec.split(":", 2);
      languages.add(parts[0]);
      inputs.add(BenchInputs.load(parts[0], parts.length > 1 ? parts[1] : "small"));
    }
    long warmUntil = System.nanoTime() + Long.getLong("warmup.seconds", 20) * 1_000_000_000L;
    do {
      for (int i = 0; i < inputs.size(); i++) {
        a.extract(inputs.get(i), languages.get(i));
        b.extract(inputs.get(i), languages.get(i));
        a.parse(inputs.get(i), languages.get(i));
      }
    } while (System.nanoTime() < warmUntil);
    System.out.printf(Locale.ROOT, "A = %s, B = %s; paired medians over %d rounds, thread CPU time%n", a.name(), b.name(),
        rounds);
    System.out.printf(Locale.ROOT, "%-11s %-9s %9s %16s %16s %10s %20s%n", "language", "size", "parse us",
        "A over parse", "B over parse", "B - A us", "B - A quartiles");
    for (int k = 0; k < inputs.size(); k++) {
      compare(a, b, inputs.get(k), languages.get(k), specs.get(k), rounds);
    }
  }

  private static void compare(Build a, Build b, BenchInputs.Input in, String language, String spec, int rounds)
      throws Throwable {
    long[] parse = new long[rounds];
    long[] overA = new long[rounds];
    long[] overB = new long[rounds];
    long[] bMinusA = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long t0 = CPU.getCurrentThreadCpuTime();
      a.parse(in, language);
      long t1 = CPU.getCurrentThreadCpuTime();
      // alternate which build runs first: the second one finds the caches as the first left them
      Build first = (i & 1) == 0 ? a : b;
      first.extract(in, language);
      long t2 = CPU.getCurrentThreadCpuTime();
      (first == a ? b : a).extract(in, language);
      long t3 = CPU.getCurrentThreadCpuTime();
      long timeA = first == a ? t2 - t1 : t3 - t2;
      long timeB = first == a ? t3 - t2 : t2 - t1;
      parse[i] = t1 - t0;
      overA[i] = timeA - parse[i];
      overB[i] = timeB - parse[i];
      bMinusA[i] = timeB - timeA;
    }
    double p = median(parse) / 1e3;
    String size = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : "small";
    System.out.printf(Locale.ROOT, "%-11s %-9s %9.0f %8.1f (%+4.0f%%) %8.1f (%+4.0f%%) %+10.1f %9.1f ..%+6.1f%n",
        language, size, p, median(overA) / 1e3, 100 * median(overA) / 1e3 / p, median(overB) / 1e3,
        100 * median(overB) / 1e3 / p, median(bMinusA) / 1e3, quantile(bMinusA, 0.25) / 1e3,
        quantile(bMinusA, 0.75) / 1e3);
  }

  /**
   * A benchmark jar in a class loader of its own. jtreesitter finds the bundled runtime through
   * the thread's context class loader, so the first extraction runs with it set to this one.
   */
  private static Build load(Path jar) throws Throwable {
    if (!Files.isRegularFile(jar)) throw new IllegalArgumentException(jar + ": no such jar");
    URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Class<?> clew = Class.forName("dev.ananke.clew.Clew", true, loader);
    Object builder = clew.getMethod("builder").invoke(null);
    builder = builder.getClass().getMethod("cacheSize", long.class).invoke(builder, 0L);
    Object engine = builder.getClass().getMethod("build").invoke(builder);
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    MethodHandle extract = lookup.unreflect(clew.getMethod("extractSource", String.class, String.class, String.class))
        .bindTo(engine);
    MethodHandle parse = lookup.unreflect(clew.getMethod("parseOnly", String.class, String.class));
    Thread current = Thread.currentThread();
    ClassLoader previous = current.getContextClassLoader();
    current.setContextClassLoader(loader);
    try {
      Object unused = extract.invoke("warm.ts", "let a = 1;", "typescript");
    } finally {
      current.setContextClassLoader(previous);
    }
    return new Build(jar.getFileName().toString(), extract, parse);
  }

  private static double median(long[] xs) {
    return quantile(xs, 0.5);
  }

  private static double quantile(long[] xs, double q) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s[(int) (q * (s.length - 1))];
  }
}
