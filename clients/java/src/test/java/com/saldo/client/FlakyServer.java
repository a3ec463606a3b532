package com.saldo.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A server that stores transfers by id as Saldo does (the same id again answers 200 with what is
 * stored, nothing applied twice) and misbehaves on purpose, as a {@link Fault} chosen for each
 * attempt decides: it drops the connection before or after applying, answers after the client has
 * given up, answers 503 or 429. Every attempt is kept, with what it did.
 */
final class FlakyServer implements AutoCloseable {

  /** What one attempt does. */
  enum Fault {
    NONE(false),
    DROP_BEFORE(false),
    DROP_AFTER(true),
    SLOW_AFTER(true),
    UNAVAILABLE_BEFORE(false),
    UNAVAILABLE_AFTER(true),
    BAD_GATEWAY(false),
    RATE_LIMITED(false),
    RATE_LIMITED_LONG(false),
    INSUFFICIENT_FUNDS(false);

    final boolean applies;

    Fault(boolean applies) {
      this.applies = applies;
    }
  }

  /** One request as it was handled. */
  record Attempt(String method, String path, String requestId, String id, Fault fault) {}

  private final ServerSocket server;
  private final Function<Attempt, Fault> faults;
  private final Map<String, String> stored = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private final long slowMillis;

  /** {@code faults} chooses each attempt's fault from what is known of it so far. */
  FlakyServer(Function<Attempt, Fault> faults, long slowMillis) throws IOException {
    this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    this.faults = faults;
    this.slowMillis = slowMillis;
    Thread.ofVirtual().start(this::accept);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  List<Attempt> attemptsOf(String id) {
    List<Attempt> of = new ArrayList<>();
    for (Attempt a : attempts) {
      if (id.equals(a.id())) {
        of.add(a);
      }
    }
    return of;
  }

  /** How many times a transfer was applied: must never pass 1. */
  int timesApplied(String id) {
    AtomicInteger n = applied.get(id);
    return n == null ? 0 : n.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        String line = line(in);
        if (line == null || line.isEmpty()) {
          return;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          int colon = h.indexOf(':');
          headers.put(
              h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        String id = null;
        if (length > 0) {
          JsonNode json = Transport.JSON.readTree(body);
          id = json.path("id").isMissingNode() ? null : json.path("id").asString();
        }
        Attempt seen = new Attempt(parts[0], parts[1], headers.get("x-request-id"), id, Fault.NONE);
        Fault fault = faults.apply(seen);
        attempts.add(new Attempt(seen.method(), seen.path(), seen.requestId(), id, fault));
        if (!handle(fault, seen, body, out)) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away: nothing to do
    }
  }

  /** Answers one request; false when the connection is to be dropped. */
  private boolean handle(Fault fault, Attempt request, byte[] body, OutputStream out)
      throws IOException, InterruptedException {
    String answer = null;
    int status = 200;
    if (fault.applies || fault == Fault.NONE) {
      answer = apply(request, body);
      status = answer.startsWith("201") ? 201 : 200;
      answer = answer.substring(4);
    }
    switch (fault) {
      case DROP_BEFORE, DROP_AFTER -> {
        return false;
      }
      case SLOW_AFTER -> Thread.sleep(slowMillis);
      case UNAVAILABLE_BEFORE, UNAVAILABLE_AFTER -> {
        write(out, 503, problem(503, "unavailable"), "Retry-After: 0\r\n");
        return true;
      }
      case BAD_GATEWAY -> {
        write(out, 502, "<html>bad gateway</html>", "");
        return true;
      }
      case RATE_LIMITED -> {
        write(out, 429, problem(429, "rate_limited"), "Retry-After: 1\r\n");
        return true;
      }
      case RATE_LIMITED_LONG -> {
        write(out, 429, problem(429, "rate_limited"), "Retry-After: 3600\r\n");
        return true;
      }
      case INSUFFICIENT_FUNDS -> {
        write(out, 422, problem(422, "insufficient_funds"), "");
        return true;
      }
      case NONE -> {}
    }
    write(out, status, answer, "");
    return true;
  }

  /** Stores a transfer once; the answer is prefixed with "201 " or "200 ". */
  private String apply(Attempt request, byte[] body) {
    if (request.path().startsWith("/v1/transfers") && request.method().equals("POST")) {
      JsonNode t = Transport.JSON.readTree(body);
      String id = t.path("id").asString();
      String created =
          "{\"id\":\""
              + id
              + "\",\"debitAccountId\":\""
              + t.path("debitAccountId").asString()
              + "\",\"creditAccountId\":\""
              + t.path("creditAccountId").asString()
              + "\",\"amount\":"
              + t.path("amount").asLong()
              + ",\"currency\":\"EUR\",\"kind\":\"payment\",\"status\":\"posted\","
              + "\"reference\":null,\"metadata\":{},\"createdAt\":\"2026-12-02T12:00:00Z\"}";
      String before = stored.putIfAbsent(id, created);
      if (before == null) {
        applied.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        return "201 " + created;
      }
      return "200 " + before;
    }
    return "200 {}";
  }

  private static String problem(int status, String code) {
    return "{\"type\":\"/problems/"
        + code
        + "\",\"title\":\""
        + code
        + "\",\"status\":"
        + status
        + ",\"code\":\""
        + code
        + "\"}";
  }

  private static void write(OutputStream out, int status, String body, String extra)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String type =
        status >= 400 && body.startsWith("{") ? "application/problem+json" : "application/json";
    out.write(
        ("HTTP/1.1 "
                + status
                + " X\r\nContent-Type: "
                + type
                + "\r\nContent-Length: "
                + bytes.length
                + "\r\n"
                + extra
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.US_ASCII);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
