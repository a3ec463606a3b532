package com.saldo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console workload: one account with {@code --entries} entries (top-ups sent in batches of 1000
 * through the API), a console session signed in with the bench's key, and clients that open that
 * account's page (balances, the chart's 32 balances at a time, a page of entries, the open holds),
 * each page a real browser's first request of it.
 */
final class ConsoleWorkload {

  private static final int BATCH = 1000;
  private static final int SENDERS = 4;
  private static final int ATTEMPTS_MAX = 5;
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final Api pages;
  private final String path;

  private ConsoleWorkload(Api pages, String path) {
    this.pages = pages;
    this.path = path;
  }

  Api pages() {
    return pages;
  }

  String path() {
    return path;
  }

  static ConsoleWorkload setUp(Api api, String url, String key, int entries) throws Exception {
    UUID funding = open(api, true);
    UUID busy = open(api, false);
    System.out.printf("Writing %,d entries to account %s ...%n", entries, busy);
    long start = System.nanoTime();
    AtomicLong next = new AtomicLong();
    List<Thread> senders = new ArrayList<>();
    List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int s = 0; s < SENDERS; s++) {
      senders.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      for (long from; (from = next.getAndAdd(BATCH)) < entries; ) {
                        int size = (int) Math.min(BATCH, entries - from);
                        List<Map<String, Object>> batch = new ArrayList<>(size);
                        for (int i = 0; i < size; i++) {
                          batch.add(
                              Api.transfer(
                                  UUID.randomUUID(),
                                  funding,
                                  busy,
                                  1 + (from + i) % 997,
                                  "top_up"));
                        }
                        send(api, batch);
                      }
                    } catch (Exception e) {
                      failures.add(e);
                    }
                  }));
    }
    for (Thread sender : senders) {
      sender.join();
    }
    if (!failures.isEmpty()) {
      throw failures.getFirst();
    }
    System.out.printf(
        "  done in %.1f s; signing in to the console ...%n", (System.nanoTime() - start) / 1e9);
    String session = signIn(url, key);
    String[] cookie = {"Cookie", "saldo_session=" + session};
    return new ConsoleWorkload(new Api(url, () -> cookie), "/console/accounts/" + busy);
  }

  /**
   * Sends one batch, again with the same ids after a 5xx or no answer (a hot account's batch may
   * wait past the engine's timeout when the database stalls): applied once however often sent.
   */
  private static void send(Api api, List<Map<String, Object>> batch) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Api.Answer answer;
      try {
        answer = api.post("/v1/transfers/batch", Map.of("transfers", batch));
      } catch (IOException e) {
        if (attempt == ATTEMPTS_MAX) {
          throw e;
        }
        continue;
      }
      if (answer.status() < 500 || attempt == ATTEMPTS_MAX) {
        if (answer.status() != 200 || answer.body().contains("\"error\"")) {
          throw new IllegalStateException("top-up batch failed: " + answer.body());
        }
        return;
      }
    }
  }

  private static UUID open(Api api, boolean unbounded) throws IOException {
    UUID id = UUID.randomUUID();
    Map<String, Object> body = new HashMap<>();
    body.put("id", id.toString());
    body.put("currency", "EUR");
    body.put("minBalance", unbounded ? null : 0L);
    Api.Answer answer = api.post("/v1/accounts", body);
    if (answer.status() != 201) {
      throw new IllegalStateException("cannot open an account: " + answer.body());
    }
    return id;
  }

  /** Signs in as a browser does: the form's cookie and token, then the key; the session cookie. */
  private static String signIn(String url, String key) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> form =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/console/sign-in")).build(),
            HttpResponse.BodyHandlers.ofString());
    String formCookie = cookie(form, "saldo_sign_in").orElseThrow();
    Matcher csrf = CSRF.matcher(form.body());
    if (!csrf.find()) {
      throw new IllegalStateException("no sign-in form at " + url + "/console/sign-in");
    }
    String body =
        "csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
            + "&key="
            + URLEncoder.encode(key, StandardCharsets.UTF_8);
    HttpResponse<String> signedIn =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "saldo_sign_in=" + formCookie)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return cookie(signedIn, "saldo_session")
        .orElseThrow(() -> new IllegalStateException("sign-in failed: " + signedIn.statusCode()));
  }

  private static Optional<String> cookie(HttpResponse<?> response, String name) {
    for (String header : response.headers().allValues("set-cookie")) {
      if (header.startsWith(name + "=")) {
        return Optional.of(header.substring(name.length() + 1, header.indexOf(';')));
      }
    }
    return Optional.empty();
  }
}
