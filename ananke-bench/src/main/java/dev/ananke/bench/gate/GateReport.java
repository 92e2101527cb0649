package dev.ananke.bench.gate;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every verdict of one comparison, worst first, and the two machines compared. */
public record GateReport(List<Verdict> verdicts, String baselineMachine, String freshMachine) {

  public GateReport {
    verdicts = verdicts.stream()
        .sorted(Comparator.comparing(Verdict::status).thenComparing(Verdict::key))
        .toList();
  }

  public boolean passed() {
    return verdicts.stream().noneMatch(v -> v.status().fails());
  }

  public List<Verdict> failures() {
    return verdicts.stream().filter(v -> v.status().fails()).toList();
  }

  /** The verdicts that fail or changed, then one line of counts per status. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("baseline: ").append(baselineMachine).append('\n');
    sb.append("this run: ").append(freshMachine).append('\n');
    for (Verdict v : verdicts) {
      if (v.status() != Verdict.Status.UNCHANGED && v.status() != Verdict.Status.NEW) sb.append("  ").append(v.render()).append('\n');
    }
    Map<Verdict.Status, Long> counts = verdicts.stream()
        .collect(Collectors.groupingBy(Verdict::status, () -> new TreeMap<>(), Collectors.counting()));
    sb.append(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
        .collect(Collectors.joining(", ", "gate: ", passed() ? ": passed\n" : ": FAILED\n")));
    return sb.toString();
  }
}
