// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the scale runs as one hand-written SVG (no charting dependency): for each run of
 * {@link GatewayScaleMain} found in the results directory, the distribution of lag (a histogram
 * with its p50 and p99) and the requests per second over emulated time (throttled ones in red).
 * Arguments: the results directory; writes {@code scale-runs.svg} there.
 */
public final class ScaleChart {
  private static final int PANEL_W = 460;
  private static final int PANEL_H = 220;
  private static final int MARGIN = 50;

  private ScaleChart() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results");
    String[] runs = {"latency-scale", "throttle", "big-scale"};
    List<String> present = new ArrayList<>();
    for (String run : runs) {
      if (Files.exists(dir.resolve(run + "-series.csv"))) {
        present.add(run);
      }
    }
    int rowH = PANEL_H + 2 * MARGIN;
    int width = 2 * (PANEL_W + 2 * MARGIN);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "font-family=\"sans-serif\" font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
        width, Math.max(1, present.size()) * rowH));
    int row = 0;
    for (String run : present) {
      int y0 = row * rowH + MARGIN;
      Path lagFile = dir.resolve(run + "-lag.csv");
      if (Files.exists(lagFile)) {
        lagPanel(svg, run, readColumn(lagFile, 0), MARGIN, y0);
      } else {
        String line = Files.exists(dir.resolve(run + ".txt")) ? Files.readString(dir.resolve(run + ".txt")).trim() : run;
        text(svg, MARGIN, y0 + PANEL_H / 2, escape(line), "start");
        text(svg, MARGIN, y0 + PANEL_H / 2 + 16, "(no lag: this run measures memory and threads)", "start");
      }
      ratePanel(svg, run, dir.resolve(run + "-series.csv"), PANEL_W + 3 * MARGIN, y0);
      row++;
    }
    svg.append("</svg>\n");
    Files.writeString(dir.resolve("scale-runs.svg"), svg, StandardCharsets.UTF_8);
    System.out.println("chart: " + dir.resolve("scale-runs.svg"));
  }

  private static void lagPanel(StringBuilder svg, String run, double[] lag, int x0, int y0) {
    java.util.Arrays.sort(lag);
    // From the 5th percentile: a few jobs are seen up to an interval (30 s) before the ideal poller
    // (see GatewayScaleMain), and that tail would squeeze the rest into a few bars; it goes in the first.
    double lo = Math.min(0, lag[lag.length / 20]);
    double hi = Math.max(lag[lag.length - 1], lo + 1);
    int bins = 60;
    int[] counts = new int[bins];
    for (double l : lag) {
      counts[Math.max(0, Math.min(bins - 1, (int) ((l - lo) / (hi - lo) * bins)))]++;
    }
    int max = 1;
    for (int c : counts) {
      max = Math.max(max, c);
    }
    axes(svg, x0, y0, run + ": lag behind the ideal poller (emulated ms), " + lag.length + " waits");
    double bw = (double) PANEL_W / bins;
    for (int b = 0; b < bins; b++) {
      double h = (double) counts[b] / max * PANEL_H;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
          + "fill=\"#4878a8\"/>%n", x0 + b * bw, y0 + PANEL_H - h, Math.max(0.5, bw - 0.5), h));
    }
    double p50 = lag[(int) (0.5 * lag.length)];
    double p99 = lag[Math.min(lag.length - 1, (int) (0.99 * lag.length))];
    for (double[] mark : new double[][] {{p50, 0}, {p99, 1}}) {
      double x = x0 + (mark[0] - lo) / (hi - lo) * PANEL_W;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
          + "stroke-dasharray=\"4 3\"/>%n", x, y0, x, y0 + PANEL_H, mark[1] == 0 ? "#333" : "#c03030"));
      text(svg, (int) x + 3, y0 + 12 + (int) mark[1] * 14, String.format(Locale.ROOT, "%s %.0f ms",
          mark[1] == 0 ? "p50" : "p99", mark[0]), "start");
    }
    text(svg, x0, y0 + PANEL_H + 16, String.format(Locale.ROOT, "≤ %.0f", lo), "start");
    text(svg, x0 + PANEL_W, y0 + PANEL_H + 16, String.format(Locale.ROOT, "%.0f ms", hi), "end");
    text(svg, x0 - 4, y0 + 10, Integer.toString(max), "end");
    text(svg, x0 - 4, y0 + PANEL_H, "0", "end");
  }

  private static void ratePanel(StringBuilder svg, String run, Path series, int x0, int y0) throws IOException {
    double[] t = readColumn(series, 0);
    double[] req = readColumn(series, 1);
    double[] thr = readColumn(series, 2);
    int n = t.length;
    double[] rate = new double[n];
    double[] throttled = new double[n];
    double maxRate = 1;
    for (int i = 1; i < n; i++) {
      double dt = t[i] - t[i - 1];
      rate[i] = dt > 0 ? (req[i] - req[i - 1]) / dt : 0;
      throttled[i] = dt > 0 ? (thr[i] - thr[i - 1]) / dt : 0;
      maxRate = Math.max(maxRate, rate[i]);
    }
    double tMax = n > 0 ? Math.max(1, t[n - 1]) : 1;
    axes(svg, x0, y0, run + ": requests per second over emulated time");
    polyline(svg, t, rate, tMax, maxRate, x0, y0, "#4878a8");
    polyline(svg, t, throttled, tMax, maxRate, x0, y0, "#c03030");
    text(svg, x0, y0 + PANEL_H + 16, "0 s", "start");
    text(svg, x0 + PANEL_W, y0 + PANEL_H + 16, String.format(Locale.ROOT, "%.0f s", tMax), "end");
    text(svg, x0 - 4, y0 + 10, String.format(Locale.ROOT, "%.0f/s", maxRate), "end");
    text(svg, x0 - 4, y0 + PANEL_H, "0", "end");
    text(svg, x0 + PANEL_W, y0 + 12, "answered", "end");
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#c03030\">"
        + "of them throttled (429)</text>%n", x0 + PANEL_W, y0 + 26));
  }

  private static void polyline(StringBuilder svg, double[] t, double[] v, double tMax, double vMax, int x0, int y0,
      String color) {
    StringBuilder points = new StringBuilder();
    for (int i = 1; i < t.length; i++) {
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x0 + t[i] / tMax * PANEL_W,
          y0 + PANEL_H - v[i] / vMax * PANEL_H));
    }
    svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.2\" "
        + "points=\"%s\"/>%n", color, points.toString().trim()));
  }

  private static void axes(StringBuilder svg, int x0, int y0, String title) {
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
        + "stroke=\"#999\"/>%n", x0, y0, PANEL_W, PANEL_H));
    text(svg, x0, y0 - 8, escape(title), "start");
  }

  private static void text(StringBuilder svg, int x, int y, String s, String anchor) {
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, s));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static double[] readColumn(Path csv, int column) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    double[] values = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      values[i - 1] = Double.parseDouble(lines.get(i).split(",")[column]);
    }
    return values;
  }
}
