package dev.ananke.bench.report;

import dev.ananke.bench.gate.GateReport;
import dev.ananke.bench.gate.Verdict;
import dev.ananke.bench.results.BenchRun;
import dev.ananke.bench.results.Result;
import dev.ananke.bench.results.Units;
import dev.ananke.bench.suite.Suite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A run as one self-contained HTML page: the seed's targets beside our figures, the gate's
 * verdicts, then each suite as charts (this run against the baseline) and a table. Charts are
 * inline SVG; the page loads nothing, so it opens from a file with no network.
 */
public final class HtmlReport {
  private HtmlReport() {}

  private static final String STYLE = """
      body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#111827;max-width:1020px}
      h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #e5e7eb}
      table{border-collapse:collapse;margin:8px 0 16px}td,th{padding:3px 8px;border-bottom:1px solid #f3f4f6;text-align:left}
      td.n{text-align:right;font-variant-numeric:tabular-nums}
      .bar.fresh{fill:#2563eb}.bar.baseline{fill:#9ca3af}.bar.target{fill:#f59e0b}
      .caption{font-weight:600;font-size:13px}.label,.value{font-size:11px}
      .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
      .SLOWER,.MISSING{color:#b91c1c;font-weight:600}.FASTER{color:#15803d}.UNJUDGED{color:#6b7280}
      """;

  public static String render(BenchRun run, @Nullable BenchRun baseline, @Nullable GateReport gate) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    sb.append("<title>Ananke benchmarks, ").append(Format.html(run.startedAt())).append("</title><style>")
        .append(STYLE).append("</style></head><body>\n");
    sb.append("<h1>Ananke benchmarks</h1>\n<p>").append(Format.html(run.mode())).append(" run of ")
        .append(Format.html(String.join(", ", run.suites()))).append(", started ").append(Format.html(run.startedAt()))
        .append(String.format(Locale.ROOT, " (load %.2f), Ananke %s", run.load(), Format.html(run.anankeVersion())))
        .append("<br>").append(Format.html(run.machine().describe())).append("</p>\n");
    if (baseline != null) {
      sb.append("<p>Baseline: ").append(Format.html(baseline.mode())).append(" run of ")
          .append(Format.html(baseline.startedAt())).append(" on ").append(Format.html(baseline.machine().describe()))
          .append("</p>\n");
    }
    sb.append("<p class=\"legend\"><span style=\"background:#2563eb\"></span>this run")
        .append(baseline != null ? "<span style=\"background:#9ca3af\"></span>baseline" : "")
        .append("<span style=\"background:#f59e0b\"></span>the seed's target</p>\n");
    targets(sb, run);
    if (gate != null) gate(sb, gate);
    Map<String, Result> base = baseline == null ? Map.of()
        : baseline.results().stream().collect(Collectors.toMap(Result::key, r -> r, (a, b) -> a, LinkedHashMap::new));
    for (String suiteId : run.suites()) suite(sb, suiteId, run, base);
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static void targets(StringBuilder sb, BenchRun run) {
    BarChart chart = new BarChart("The seed's targets and this run's median (time per operation)");
    StringBuilder table = new StringBuilder("<table><tr><th>component</th><th>operation</th><th>seed target</th>"
        + "<th>our goal</th><th>our median</th><th>figure</th></tr>\n");
    for (SeedTarget t : SeedTarget.ALL) {
      Optional<Result> r = t.pick(run.results());
      double ours = r.map(x -> Units.secondsPerOperation(x.median(), x.unit())).orElse(Double.NaN);
      table.append("<tr><td>").append(t.component()).append("</td><td>").append(Format.html(t.operation()))
          .append("</td><td>").append(Format.html(t.seedTarget())).append("</td><td>")
          .append(t.goalSeconds() == null ? "-" : "&le; " + Format.seconds(t.goalSeconds())).append("</td><td class=\"n\">")
          .append(r.isPresent() ? Format.seconds(ours) : "not run").append("</td><td>")
          .append(r.map(x -> Format.html(x.shortName())).orElse("")).append("</td></tr>\n");
      if (r.isPresent()) {
        chart.row(t.component() + ": " + shorten(t.operation()),
            new BarChart.Bar(t.seedSeconds(), "target", "seed " + t.seedTarget()),
            new BarChart.Bar(ours, "fresh", Format.seconds(ours)));
      }
    }
    sb.append("<h2>Against the seed's targets</h2>\n");
    if (!chart.isEmpty()) sb.append(chart.svg()).append('\n');
    sb.append(table).append("</table>\n");
  }

  private static String shorten(String s) {
    int paren = s.indexOf(" (");
    String head = paren > 0 ? s.substring(0, paren) : s;
    return head.length() > 44 ? head.substring(0, 43) + "…" : head;
  }

  private static void gate(StringBuilder sb, GateReport gate) {
    sb.append("<h2>Regression gate: ").append(gate.passed() ? "passed" : "FAILED").append("</h2>\n<table>");
    sb.append("<tr><th>verdict</th><th>figure</th><th>change</th><th>tolerance</th><th></th></tr>\n");
    for (Verdict v : gate.verdicts()) {
      sb.append("<tr><td class=\"").append(v.status()).append("\">").append(v.status()).append("</td><td>")
          .append(Format.html(v.key())).append("</td><td class=\"n\">")
          .append(Double.isNaN(v.ratio()) ? "" : String.format(Locale.ROOT, "%+.1f%%", (v.ratio() - 1) * 100))
          .append("</td><td class=\"n\">")
          .append(Double.isNaN(v.tolerance()) ? "" : String.format(Locale.ROOT, "±%.1f%%", v.tolerance() * 100))
          .append("</td><td>").append(Format.html(v.detail())).append("</td></tr>\n");
    }
    sb.append("</table>\n");
  }

  private static void suite(StringBuilder sb, String suiteId, BenchRun run, Map<String, Result> base) {
    List<Result> results = run.results().stream().filter(r -> r.suite().equals(suiteId)).toList();
    sb.append("<h2 id=\"").append(Format.html(suiteId)).append("\">").append(Format.html(suiteId)).append("</h2>\n");
    Suite.byId(suiteId).ifPresent(s -> sb.append("<p>").append(Format.html(s.description())).append("</p>\n"));
    if (results.isEmpty()) {
      sb.append("<p>No figures: the suite did not run.</p>\n");
      return;
    }
    Map<String, List<Result>> byUnit = results.stream()
        .collect(Collectors.groupingBy(Result::unit, LinkedHashMap::new, Collectors.toList()));
    for (var e : byUnit.entrySet()) {
      BarChart chart = new BarChart(suiteId + ", " + e.getKey() + (e.getValue().getFirst().higherIsBetter() ? " (higher is better)" : ""));
      for (Result r : e.getValue()) {
        Result b = base.get(r.key());
        String unit = " " + r.unit();
        if (b == null) {
          chart.row(r.shortName(), new BarChart.Bar(r.score(), "fresh", Format.number(r.score()) + unit));
        } else {
          chart.row(r.shortName(), new BarChart.Bar(r.score(), "fresh", Format.number(r.score()) + unit),
              new BarChart.Bar(b.score(), "baseline", "baseline " + Format.number(b.score()) + unit));
        }
      }
      sb.append(chart.svg()).append('\n');
    }
    sb.append("<table><tr><th>figure</th><th>mode</th><th>score</th><th>error</th><th>median</th><th>p99</th><th>p99.9</th>"
        + "<th>samples</th><th>unit</th><th>baseline</th></tr>\n");
    for (Result r : results) {
      Result b = base.get(r.key());
      sb.append("<tr><td>").append(Format.html(r.shortName())).append("</td><td>").append(r.mode())
          .append("</td><td class=\"n\">").append(Format.number(r.score()))
          .append("</td><td class=\"n\">").append(Double.isNaN(r.error()) ? "" : "± " + Format.number(r.error()))
          .append("</td><td class=\"n\">").append(Format.number(r.median()))
          .append("</td><td class=\"n\">").append(r.p99() == null ? "" : Format.number(r.p99()))
          .append("</td><td class=\"n\">").append(r.p999() == null ? "" : Format.number(r.p999()))
          .append("</td><td class=\"n\">").append(r.samples())
          .append("</td><td>").append(Format.html(r.unit()))
          .append("</td><td class=\"n\">").append(b == null ? "" : Format.number(b.score())).append("</td></tr>\n");
    }
    sb.append("</table>\n");
  }
}
