package com.saldo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportTest {

  @TempDir Path dir;

  private static Histogram micros(long... values) {
    Histogram h = new Histogram(3);
    for (long v : values) {
      h.recordValue(v);
    }
    return h;
  }

  private Report report() {
    AtomicLongArray perSecond = new AtomicLongArray(3600);
    AtomicLongArray slowest = new AtomicLongArray(3600);
    perSecond.set(0, 3);
    perSecond.set(1, 1);
    slowest.set(0, 2_000);
    slowest.set(1, 40_000);
    Map<String, Histogram> byOperation = new TreeMap<>();
    byOperation.put("balance", micros(1_000, 1_000, 2_000));
    byOperation.put("payment", micros(1_500)); // HdrHistogram is exact below 2,048
    byOperation.put("void", new Histogram(3)); // never called in the measured run
    return Report.of(
        "pos-mix",
        "gateway http://localhost:8080",
        "closed loop, 2 clients",
        1,
        micros(1_000, 1_000, 2_000, 1_500),
        2.0,
        1,
        0,
        new TreeMap<>(Map.of("balance 200", 3L, "payment 201", 1L)),
        byOperation,
        perSecond,
        slowest,
        2);
  }

  @Test
  void theTableShowsEachOperationsAnswerTimes() {
    String table = report().table();
    assertThat(table).contains("requests      4  (2/s)");
    assertThat(table)
        .contains("stalls        the seconds with the slowest answers: 1 s 40 ms; 0 s 2 ms;");
    assertThat(table).containsPattern("balance +3  p50 1.00  p98 2.00  p99 2.00  max 2.00");
    assertThat(table).containsPattern("payment +1  p50 1.50  p98 1.50  p99 1.50  max 1.50");
    assertThat(table).doesNotContain("void");
  }

  @Test
  void theJsonAndTheHtmlCarryTheSameFigures() throws Exception {
    Path base = report().write(dir);
    JsonNode json =
        JsonMapper.builder().build().readTree(Files.readString(Path.of(base + ".json")));
    assertThat(json.get("requests").asLong()).isEqualTo(4);
    assertThat(json.get("answerMsByOperation").get("payment").get("p98").asDouble()).isEqualTo(1.5);
    assertThat(json.get("slowestMsPerSecond").get(1).asDouble()).isEqualTo(40.0);
    String html = Files.readString(Path.of(base + ".html"));
    assertThat(html).contains("<td>payment</td><td>1</td><td>1.50</td>");
    assertThat(html).contains("<svg");
  }
}
