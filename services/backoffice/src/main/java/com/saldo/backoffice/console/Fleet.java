package com.saldo.backoffice.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The services as the system page shows them: each instance's health (its readiness group) and,
 * from two scrapes of its {@code /actuator/prometheus} some time apart, the requests per second,
 * the mean latency and the share answered within the SLO's 120 ms. Each page view scrapes every
 * instance once, in parallel, each within {@link #TIMEOUT}; the scrapes of the last {@link #WINDOW}
 * are kept per instance (at most {@link #SAMPLES_MAX}), so a second view shows rates.
 */
@Component
public class Fleet {

  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration WINDOW = Duration.ofMinutes(5);
  static final int SAMPLES_MAX = 64;
  private static final int SCRAPE_MAX = 4 << 20;
  private static final Pattern SERIES =
      Pattern.compile(
          "^http_server_requests_seconds_(count|sum|bucket)\\{([^}]*)}\\s+([0-9.eE+-]+)",
          Pattern.MULTILINE);

  /** One instance as configured: the service's name and its management URL. */
  public record Instance(String service, URI url) {}

  /** Totals read from one scrape: requests, seconds spent, requests within 120 ms. */
  record Sample(Instant at, double count, double seconds, double fast) {}

  /** What the page shows of one instance. */
  public record Status(
      String service,
      String url,
      boolean up,
      String health,
      Double perSecond,
      Double meanMillis,
      Double withinSlo) {}

  private final List<Instance> instances;
  private final HttpClient http;
  private final Clock clock;
  private final Map<URI, Deque<Sample>> samples = new LinkedHashMap<>();

  public Fleet(ConsoleProperties properties, ConsoleApi apis, Clock clock) {
    List<Instance> list = new ArrayList<>();
    for (String entry : properties.services()) {
      int eq = entry.indexOf('=');
      for (String url : entry.substring(eq + 1).split(";")) {
        list.add(new Instance(entry.substring(0, eq).strip(), URI.create(url.strip())));
      }
    }
    this.instances = List.copyOf(list);
    this.http = apis.http();
    this.clock = clock;
  }

  /** Every instance now, in the configured order. */
  public List<Status> now() throws InterruptedException {
    try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Status>> answers = new ArrayList<>();
      for (Instance instance : instances) {
        answers.add(parallel.submit(() -> status(instance)));
      }
      List<Status> statuses = new ArrayList<>();
      for (Future<Status> answer : answers) {
        try {
          statuses.add(answer.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      return statuses;
    }
  }

  private Status status(Instance instance) {
    String health;
    boolean up;
    try {
      HttpResponse<String> answer = get(instance.url().resolve("/actuator/health/readiness"));
      up = answer.statusCode() == 200;
      health = up ? "ready" : "not ready (" + answer.statusCode() + ")";
    } catch (Exception e) {
      return new Status(
          instance.service(), instance.url().toString(), false, "unreachable", null, null, null);
    }
    Sample now;
    try {
      HttpResponse<String> scrape = get(instance.url().resolve("/actuator/prometheus"));
      now = scrape.statusCode() == 200 ? parse(scrape.body()) : null;
    } catch (Exception e) {
      now = null;
    }
    if (now == null) {
      return new Status(
          instance.service(), instance.url().toString(), up, health, null, null, null);
    }
    Sample before = remember(instance.url(), now);
    if (before == null || !now.at().isAfter(before.at())) {
      return new Status(
          instance.service(), instance.url().toString(), up, health, null, null, null);
    }
    double seconds = Duration.between(before.at(), now.at()).toMillis() / 1000.0;
    double requests = Math.max(0, now.count() - before.count());
    return new Status(
        instance.service(),
        instance.url().toString(),
        up,
        health,
        requests / seconds,
        requests == 0 ? null : 1000 * (now.seconds() - before.seconds()) / requests,
        requests == 0 ? null : (now.fast() - before.fast()) / requests);
  }

  /** Keeps a sample; answers the oldest one still in the window. */
  private Sample remember(URI url, Sample sample) {
    synchronized (samples) {
      Deque<Sample> kept = samples.computeIfAbsent(url, u -> new ArrayDeque<>());
      Instant horizon = sample.at().minus(WINDOW);
      while (!kept.isEmpty()
          && (kept.peekFirst().at().isBefore(horizon) || kept.size() >= SAMPLES_MAX)) {
        kept.removeFirst();
      }
      Sample oldest = kept.peekFirst();
      kept.addLast(sample);
      return oldest;
    }
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.body().length() > SCRAPE_MAX) {
      throw new IllegalStateException("scrape too large");
    }
    return answer;
  }

  /** The totals over every series of {@code http_server_requests_seconds} in a scrape. */
  Sample parse(String text) {
    double count = 0;
    double seconds = 0;
    double fast = 0;
    Matcher m = SERIES.matcher(text);
    while (m.find()) {
      double value = Double.parseDouble(m.group(3));
      switch (m.group(1)) {
        case "count" -> count += value;
        case "sum" -> seconds += value;
        default -> {
          if (m.group(2).contains("le=\"0.12\"")) {
            fast += value;
          }
        }
      }
    }
    return new Sample(clock.instant(), count, seconds, fast);
  }
}
