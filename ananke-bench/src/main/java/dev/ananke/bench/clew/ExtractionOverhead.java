package dev.ananke.bench.clew;

import dev.ananke.clew.Clew;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The extraction overhead over the bare parse, measured so that machine load cancels out: for
 * each file, parse and extraction alternate in the same thread, many rounds, each timed in the
 * thread's CPU time (time the thread is preempted does not count), and the medians are compared.
 * The 10th percentiles are printed too: on a noisy host (a VM whose neighbours take the cache)
 * they move less from run to run than the medians. JMH ({@link ExtractionBenchmark}) gives absolute times; on a loaded machine its runs
 * of one benchmark after the other see different loads, and the ratio between them is noise.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp ananke-bench/target/benchmarks.jar \
 *     [-Dwarmup.seconds=20] dev.ananke.bench.clew.ExtractionOverhead [rounds] [languages...]
 * </pre>
 */
public final class ExtractionOverhead {
  private ExtractionOverhead() {}

  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    List<String> languages = args.length > 1 ? List.of(args).subList(1, args.length)
        : List.of("typescript", "python", "javascript", "java", "rust", "go", "zig");
    Clew clew = Clew.builder().cacheSize(0).build();
    System.out.printf(Locale.ROOT, "%-11s %-7s %6s %12s %12s %9s %10s %12s %9s  %s%n", "language", "size", "lines",
        "parse ms", "extract ms", "overhead", "parse p10", "extract p10", "at p10", "input (CPU time, medians)");
    List<String> sizes = List.of(BenchInputs.HUNDRED, "small", "medium", "large", "xlarge");
    // Warm the JIT on every input first: on a loaded 2-core machine C2 takes seconds, and a cold
    // extractor runs interpreted at a tenth of its speed.
    long warmUntil = System.nanoTime() + Long.getLong("warmup.seconds", 20) * 1_000_000_000L;
    do {
      for (String language : languages) {
        for (String size : sizes) {
          BenchInputs.Input input = BenchInputs.load(language, size);
          Clew.parseOnly(language, input.text());
          clew.extractSource(input.fileName(), input.text(), language);
        }
      }
    } while (System.nanoTime() < warmUntil);
    for (String language : languages) {
      for (String size : sizes) {
        BenchInputs.Input input = BenchInputs.load(language, size);
        int n = input.text().length() > 100_000 ? Math.max(10, rounds / 2) : rounds;
        long[] parse = new long[n];
        long[] extract = new long[n];
        for (int i = 0; i < n; i++) {
          long a = CPU.getCurrentThreadCpuTime();
          Clew.parseOnly(language, input.text());
          long b = CPU.getCurrentThreadCpuTime();
          clew.extractSource(input.fileName(), input.text(), language);
          long c = CPU.getCurrentThreadCpuTime();
          parse[i] = b - a;
          extract[i] = c - b;
        }
        double p = quantile(parse, 0.5) / 1e6;
        double e = quantile(extract, 0.5) / 1e6;
        double p10 = quantile(parse, 0.1) / 1e6;
        double e10 = quantile(extract, 0.1) / 1e6;
        System.out.printf(Locale.ROOT, "%-11s %-7s %6d %12.3f %12.3f %8.0f%% %10.3f %12.3f %8.0f%%  %s%n",
            language, size, input.text().lines().count(), p, e, 100 * (e - p) / p, p10, e10, 100 * (e10 - p10) / p10,
            input.origin());
      }
    }
  }

  private static double quantile(long[] xs, double q) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s[(int) (q * s.length)];
  }
}
