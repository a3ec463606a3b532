package com.saldo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * The result of one run: the table printed at the end, a JSON file for machines, and a
 * self-contained HTML page with a latency-by-percentile plot and plots of the throughput and the
 * slowest answer over time. Compared with the reference system: 100 requests/s per vCPU, mean 50
 * ms, p98 120 ms.
 */
record Report(
    String workload,
    String target,
    String mode,
    int vcpus,
    long requests,
    double seconds,
    long transfers,
    long retries,
    double meanMs,
    double p50Ms,
    double p98Ms,
    double p99Ms,
    double p999Ms,
    double maxMs,
    long errors,
    Map<String, Long> outcomes,
    Map<String, Operation> operations,
    List<double[]> percentiles,
    long[] perSecond,
    double[] slowestMsPerSecond) {

  /** The answer times of one operation's calls, in milliseconds. */
  record Operation(long count, double p50, double p98, double p99, double max) {
    static Operation of(Histogram h) {
      return new Operation(
          h.getTotalCount(),
          h.getValueAtPercentile(50) / 1000.0,
          h.getValueAtPercentile(98) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0,
          h.getMaxValue() / 1000.0);
    }
  }

  static final double REFERENCE_RPS_PER_VCPU = 100;
  static final double REFERENCE_MEAN_MS = 50;
  static final double REFERENCE_P98_MS = 120;

  static Report of(
      String workload,
      String target,
      String mode,
      int vcpus,
      Histogram h,
      double seconds,
      long transfers,
      long retries,
      Map<String, Long> outcomes,
      Map<String, Histogram> byOperation,
      AtomicLongArray perSecond,
      AtomicLongArray slowestPerSecond,
      int secondsMeasured) {
    List<double[]> percentiles = new ArrayList<>();
    for (double p :
        new double[] {0, 10, 25, 50, 75, 90, 95, 98, 99, 99.5, 99.9, 99.95, 99.99, 100}) {
      percentiles.add(new double[] {p, h.getValueAtPercentile(p) / 1000.0});
    }
    long errors =
        outcomes.entrySet().stream()
            .filter(e -> e.getKey().endsWith(" 599") || e.getKey().matches(".* 5\\d\\d"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    long[] throughput = new long[Math.min(secondsMeasured, perSecond.length())];
    double[] slowest = new double[throughput.length];
    for (int i = 0; i < throughput.length; i++) {
      throughput[i] = perSecond.get(i);
      slowest[i] = slowestPerSecond.get(i) / 1000.0;
    }
    return new Report(
        workload,
        target,
        mode,
        vcpus,
        h.getTotalCount(),
        seconds,
        transfers,
        retries,
        h.getMean() / 1000,
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(98) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getValueAtPercentile(99.9) / 1000.0,
        h.getMaxValue() / 1000.0,
        errors,
        outcomes,
        byOperation.entrySet().stream()
            .filter(e -> e.getValue().getTotalCount() > 0)
            .collect(
                java.util.stream.Collectors.toMap(
                    Map.Entry::getKey,
                    e -> Operation.of(e.getValue()),
                    (a, b) -> a,
                    java.util.TreeMap::new)),
        percentiles,
        throughput,
        slowest);
  }

  double requestsPerSecond() {
    return requests / seconds;
  }

  Map<String, Double> ratios() {
    Map<String, Double> ratios = new LinkedHashMap<>();
    ratios.put("requestsPerSecondPerVcpu", requestsPerSecond() / vcpus / REFERENCE_RPS_PER_VCPU);
    ratios.put("mean", REFERENCE_MEAN_MS / Math.max(meanMs, 0.001));
    ratios.put("p98", REFERENCE_P98_MS / Math.max(p98Ms, 0.001));
    return ratios;
  }

  String table() {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            Locale.ROOT,
            "%nworkload %s via the %s, %s, %.1f s measured%n",
            workload,
            target,
            mode,
            seconds));
    t.append(
        String.format(
            Locale.ROOT, "requests      %,d  (%,.0f/s)%n", requests, requestsPerSecond()));
    t.append(
        String.format(
            Locale.ROOT, "transfers     %,d  (%,.0f/s)%n", transfers, transfers / seconds));
    t.append(
        String.format(
            Locale.ROOT,
            "latency ms    mean %.2f  p50 %.2f  p98 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
            meanMs,
            p50Ms,
            p98Ms,
            p99Ms,
            p999Ms,
            maxMs));
    t.append(String.format(Locale.ROOT, "errors        %,d   retries %,d%n", errors, retries));
    t.append("stalls        the seconds with the slowest answers:");
    java.util.stream.IntStream.range(0, slowestMsPerSecond.length)
        .boxed()
        .sorted((a, b) -> Double.compare(slowestMsPerSecond[b], slowestMsPerSecond[a]))
        .limit(5)
        .forEach(
            i -> t.append(String.format(Locale.ROOT, " %d s %.0f ms;", i, slowestMsPerSecond[i])));
    t.append(System.lineSeparator());
    Map<String, Double> r = ratios();
    t.append(
        String.format(
            Locale.ROOT,
            "vs reference  %.1fx requests/s per vCPU (%d vCPU), %.1fx lower mean, %.1fx lower p98%n",
            r.get("requestsPerSecondPerVcpu"),
            vcpus,
            r.get("mean"),
            r.get("p98")));
    outcomes.forEach((k, v) -> t.append(String.format(Locale.ROOT, "  %-24s %,d%n", k, v)));
    t.append("answer ms     by operation, one call with its retries")
        .append(System.lineSeparator());
    operations.forEach(
        (k, o) ->
            t.append(
                String.format(
                    Locale.ROOT,
                    "  %-13s %,9d  p50 %.2f  p98 %.2f  p99 %.2f  max %.2f%n",
                    k,
                    o.count(),
                    o.p50(),
                    o.p98(),
                    o.p99(),
                    o.max())));
    return t.toString();
  }

  /** Writes NAME.json and NAME.html into the directory; returns the path without extension. */
  Path write(Path directory) throws IOException {
    Files.createDirectories(directory);
    String stamp =
        DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    Path base = directory.resolve(workload + "-" + stamp);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("workload", workload);
    json.put("target", target);
    json.put("mode", mode);
    json.put("vcpus", vcpus);
    json.put("seconds", seconds);
    json.put("requests", requests);
    json.put("requestsPerSecond", requestsPerSecond());
    json.put("transfers", transfers);
    json.put(
        "latencyMs",
        Map.of(
            "mean", meanMs, "p50", p50Ms, "p98", p98Ms, "p99", p99Ms, "p99.9", p999Ms, "max",
            maxMs));
    json.put("errors", errors);
    json.put("retries", retries);
    json.put("outcomes", outcomes);
    json.put("answerMsByOperation", operations);
    json.put("ratioToReference", ratios());
    json.put("percentilesMs", percentiles);
    json.put("throughputPerSecond", perSecond);
    json.put("slowestMsPerSecond", slowestMsPerSecond);
    Files.writeString(
        Path.of(base + ".json"),
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    Files.writeString(Path.of(base + ".html"), html());
    return base;
  }

  private String html() {
    StringBuilder rows = new StringBuilder();
    outcomes.forEach(
        (k, v) ->
            rows.append("<tr><td>")
                .append(escape(k))
                .append("</td><td>")
                .append(v)
                .append("</td></tr>"));
    StringBuilder operationRows = new StringBuilder();
    operations.forEach(
        (k, o) ->
            operationRows.append(
                String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td>%d</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td></tr>",
                    escape(k),
                    o.count(),
                    o.p50(),
                    o.p98(),
                    o.p99(),
                    o.max())));
    List<double[]> latency = new ArrayList<>();
    for (double[] p : percentiles) {
      latency.add(new double[] {nines(p[0]), p[1]});
    }
    List<double[]> throughput = new ArrayList<>();
    List<double[]> slowest = new ArrayList<>();
    for (int i = 0; i < perSecond.length; i++) {
      throughput.add(new double[] {i, perSecond[i]});
      slowest.add(new double[] {i, slowestMsPerSecond[i]});
    }
    Map<String, Double> r = ratios();
    return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Saldo bench: %s</title>
        <style>body{font:15px/1.4 sans-serif;margin:2em;max-width:900px}td,th{padding:2px 10px;text-align:left}
        svg{background:#fafafa;border:1px solid #ddd}</style></head><body>
        <h1>%s</h1><p>via the %s; %s; %.1f s measured</p>
        <table><tr><th>requests/s</th><td>%,.0f</td></tr><tr><th>transfers/s</th><td>%,.0f</td></tr>
        <tr><th>mean / p50 / p98 / p99 / p99.9 / max (ms)</th><td>%.2f / %.2f / %.2f / %.2f / %.2f / %.2f</td></tr>
        <tr><th>errors / retries</th><td>%d / %d</td></tr>
        <tr><th>vs reference (100 req/s per vCPU, mean 50 ms, p98 120 ms)</th>
        <td>%.1fx throughput per vCPU (%d vCPU), %.1fx lower mean, %.1fx lower p98</td></tr></table>
        <h2>Latency by percentile</h2>%s
        <p>x: percentile on a scale of nines (1 = 90%%, 2 = 99%%, 3 = 99.9%%); y: milliseconds</p>
        <h2>Throughput over time</h2>%s<p>x: second of the run; y: completed requests</p>
        <h2>Slowest answer over time</h2>%s<p>x: second of the run; y: the slowest request that
        ended in that second, in milliseconds (a stall shows as a spike)</p>
        <h2>Answers</h2><table>%s</table>
        <h2>Answer time by operation</h2><p>one call with its retries, in milliseconds; the wait
        for a free client is not in it</p><table><tr><th>operation</th><th>calls</th><th>p50</th>
        <th>p98</th><th>p99</th><th>max</th></tr>%s</table></body></html>
        """
        .formatted(
            escape(workload),
            escape(workload),
            escape(target),
            escape(mode),
            seconds,
            requestsPerSecond(),
            transfers / seconds,
            meanMs,
            p50Ms,
            p98Ms,
            p99Ms,
            p999Ms,
            maxMs,
            errors,
            retries,
            r.get("requestsPerSecondPerVcpu"),
            vcpus,
            r.get("mean"),
            r.get("p98"),
            Svg.line(latency, "nines", "ms"),
            Svg.line(throughput, "s", "req/s"),
            Svg.line(slowest, "s", "ms"),
            rows,
            operationRows);
  }

  /** 90% is 1, 99% is 2, 99.9% is 3: the usual axis of latency percentiles. */
  private static double nines(double percentile) {
    return percentile >= 100 ? 5 : Math.min(5, -Math.log10(1 - percentile / 100));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
