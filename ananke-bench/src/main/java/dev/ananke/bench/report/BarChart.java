package dev.ananke.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG: one row per label, one or more bars per row, each bar
 * with a CSS class ({@code fresh}, {@code baseline}, {@code target}) and its value written beside
 * it. Logarithmic when the values span more than two decades, so a 40 ns hit and a 2 ms miss both
 * show. Needs no script and no network.
 */
final class BarChart {
  /** One bar: its value (NaN or <= 0: no bar), its class, and the text written at its end. */
  record Bar(double value, String cssClass, String text) {}

  /** One row of bars under one label. */
  record Row(String label, List<Bar> bars) {}

  private static final int WIDTH = 980;
  private static final int LABEL = 380;
  private static final int TEXT = 140;
  private static final int BAR = 11;
  private static final int GAP = 7;

  private final String title;
  private final List<Row> rows = new ArrayList<>();

  BarChart(String title) {
    this.title = title;
  }

  BarChart row(String label, Bar... bars) {
    rows.add(new Row(label, List.of(bars)));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String svg() {
    double max = 0;
    double min = Double.MAX_VALUE;
    for (Row r : rows) {
      for (Bar b : r.bars()) {
        if (b.value() > 0 && Double.isFinite(b.value())) {
          max = Math.max(max, b.value());
          min = Math.min(min, b.value());
        }
      }
    }
    boolean log = max > 0 && max / min > 100;
    double low = log ? Math.log10(min) - 0.3 : 0;
    double high = log ? Math.log10(max) : max;
    int area = WIDTH - LABEL - TEXT;
    int height = 28;
    for (Row r : rows) height += r.bars().size() * BAR + GAP * 2;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
        WIDTH, height, WIDTH, height));
    sb.append("<title>").append(Format.html(title)).append("</title>");
    sb.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"16\" class=\"caption\">%s%s</text>", Format.html(title),
        log ? " (log scale)" : ""));
    int y = 28;
    for (Row r : rows) {
      int rowHeight = r.bars().size() * BAR + GAP * 2;
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\" text-anchor=\"end\">%s</text>",
          LABEL - 8, y + rowHeight / 2 + 4, Format.html(r.label())));
      int by = y + GAP;
      for (Bar b : r.bars()) {
        double w = 0;
        if (b.value() > 0 && Double.isFinite(b.value()) && high > low) {
          double v = log ? Math.log10(b.value()) : b.value();
          w = Math.max(2, area * (v - low) / (high - low));
        }
        if (w > 0) {
          sb.append(String.format(Locale.ROOT,
              "<rect class=\"bar %s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%s</title></rect>",
              b.cssClass(), LABEL, by, w, BAR - 2, Format.html(b.text())));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"value\">%s</text>",
            LABEL + w + 4, by + BAR - 3, Format.html(b.text())));
        by += BAR;
      }
      y += rowHeight;
    }
    sb.append("</svg>");
    return sb.toString();
  }
}
