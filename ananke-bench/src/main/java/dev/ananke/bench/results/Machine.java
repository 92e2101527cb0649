package dev.ananke.bench.results;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where a run was measured: the machine and the JVM. Baselines are only comparable on the same
 * machine class; the gate prints both descriptions side by side.
 */
public record Machine(String cpu, int cores, long memoryMb, String os, String jvm, List<String> jvmArgs) {

  /** This machine and this JVM. */
  public static Machine current() {
    String cpu = "unknown";
    long memoryMb = Runtime.getRuntime().maxMemory() / (1 << 20);
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memoryMb = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the JVM's view is all there is
    }
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    String jvm = String.format(Locale.ROOT, "%s %s (%s)", System.getProperty("java.vm.vendor"),
        System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"));
    return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memoryMb, os, jvm,
        ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /** One line for logs and reports. */
  public String describe() {
    return String.format(Locale.ROOT, "%s, %d cores, %,d MB; %s; %s", cpu, cores, memoryMb, os, jvm);
  }
}
