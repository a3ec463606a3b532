package com.saldo.bench;

import java.util.List;
import java.util.Locale;

/** A line chart as inline SVG: no script, no external file, readable offline. */
final class Svg {

  private static final int WIDTH = 820;
  private static final int HEIGHT = 300;
  private static final int PAD = 50;

  private Svg() {}

  static String line(List<double[]> points, String xLabel, String yLabel) {
    if (points.isEmpty()) {
      return "<p>(no data)</p>";
    }
    double maxX = points.stream().mapToDouble(p -> p[0]).max().orElse(1);
    double maxY = points.stream().mapToDouble(p -> p[1]).max().orElse(1);
    maxX = maxX <= 0 ? 1 : maxX;
    maxY = maxY <= 0 ? 1 : maxY * 1.1;
    StringBuilder path = new StringBuilder();
    for (double[] p : points) {
      path.append(path.isEmpty() ? "M" : " L")
          .append(String.format(Locale.ROOT, "%.1f,%.1f", x(p[0], maxX), y(p[1], maxY)));
    }
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">",
            WIDTH,
            HEIGHT));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
            PAD,
            HEIGHT - PAD,
            WIDTH - 10,
            HEIGHT - PAD));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
            PAD,
            PAD,
            HEIGHT - PAD));
    for (int i = 0; i <= 4; i++) {
      double v = maxY * i / 4;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"4\" y=\"%.1f\" font-size=\"11\">%.1f</text>",
              y(v, maxY) + 4,
              v));
      double xv = maxX * i / 4;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%.1f</text>",
              x(xv, maxX) - 8,
              HEIGHT - PAD + 16,
              xv));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>",
            WIDTH / 2,
            HEIGHT - 8,
            xLabel));
    svg.append(
        String.format(Locale.ROOT, "<text x=\"4\" y=\"12\" font-size=\"12\">%s</text>", yLabel));
    svg.append("<path d=\"")
        .append(path)
        .append("\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"/>");
    return svg.append("</svg>").toString();
  }

  private static double x(double value, double max) {
    return PAD + (WIDTH - PAD - 40) * value / max;
  }

  private static double y(double value, double max) {
    return HEIGHT - PAD - (HEIGHT - PAD - 30) * value / max;
  }
}
