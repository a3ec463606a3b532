package com.saldo.system;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver as a shop's backend would run one, over a plain socket so that it can also
 * misbehave: each path answers from a script (a status, a hang, a reset connection, a slow answer)
 * and then 200. Every request is kept with its headers, and its signature is verified here, with
 * code of the test's own rather than the service's, against the secrets the test registered.
 */
final class Receiver implements AutoCloseable {

  /** What a path answers next. */
  record Reply(int status, Map<String, String> headers, Duration delay, boolean reset) {
    static Reply status(int status) {
      return new Reply(status, Map.of(), Duration.ZERO, false);
    }

    static Reply retryAfter(int status, int seconds) {
      return new Reply(
          status, Map.of("Retry-After", Integer.toString(seconds)), Duration.ZERO, false);
    }

    static Reply after(Duration delay) {
      return new Reply(200, Map.of(), delay, false);
    }

    static Reply connectionReset() {
      return new Reply(0, Map.of(), Duration.ZERO, true);
    }
  }

  /** One request as it arrived. */
  record Request(
      String path,
      Map<String, String> headers,
      String body,
      long receivedNanos,
      boolean signatureValid,
      int validSignatures) {
    String id() {
      return headers.get("webhook-id");
    }
  }

  private final ServerSocket server;
  private final Map<String, Queue<Reply>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Reply> defaults = new ConcurrentHashMap<>();
  private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  Receiver() throws IOException {
    server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().start(this::accept);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
  }

  /** The secrets whose signatures this path accepts (two during a rotation). */
  void secrets(String path, List<String> whsec) {
    secrets.put(path, List.copyOf(whsec));
  }

  List<String> secretsOf(String path) {
    return secrets.getOrDefault(path, List.of());
  }

  void script(String path, Reply... replies) {
    scripts.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(replies));
  }

  /** What the path answers once its script is used up (200 unless set). */
  void otherwise(String path, Reply reply) {
    defaults.put(path, reply);
  }

  List<Request> requests(String path) {
    List<Request> at = new ArrayList<>();
    for (Request r : requests) {
      if (r.path().equals(path)) {
        at.add(r);
      }
    }
    return at;
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
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          int colon = h.indexOf(':');
          headers.put(
              h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        String path = requestLine.split(" ")[1];
        String text = new String(body, StandardCharsets.UTF_8);
        int valid = validSignatures(path, headers, body);
        requests.add(new Request(path, headers, text, System.nanoTime(), valid > 0, valid));
        Queue<Reply> script = scripts.get(path);
        Reply reply = script == null ? null : script.poll();
        if (reply == null) {
          reply = defaults.getOrDefault(path, Reply.status(200));
        }
        if (reply.reset()) {
          socket.setSoLinger(true, 0);
          return; // closing with linger 0 sends a reset
        }
        if (!reply.delay().isZero()) {
          Thread.sleep(reply.delay());
        }
        StringBuilder answer =
            new StringBuilder("HTTP/1.1 " + reply.status() + " X\r\nContent-Length: 2\r\n");
        reply.headers().forEach((k, v) -> answer.append(k).append(": ").append(v).append("\r\n"));
        answer.append("\r\nok");
        out.write(answer.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException | InterruptedException | RuntimeException gone) {
      // the sender closed the connection or gave up waiting
    }
  }

  /** How many of the request's signatures verify with the path's secrets, timestamp in range. */
  private int validSignatures(String path, Map<String, String> headers, byte[] body) {
    String id = headers.get("webhook-id");
    String timestamp = headers.get("webhook-timestamp");
    String signatures = headers.get("webhook-signature");
    if (id == null || timestamp == null || signatures == null) {
      return 0;
    }
    long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
    if (age > 300) {
      return 0;
    }
    int valid = 0;
    for (String secret : secrets.getOrDefault(path, List.of())) {
      byte[] expected =
          hmac(secret, id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8));
      for (String signature : signatures.split(" ")) {
        if (signature.startsWith("v1,")
            && MessageDigest.isEqual(
                Base64.getDecoder().decode(signature.substring(3)), expected)) {
          valid++;
        }
      }
    }
    return valid;
  }

  private static byte[] hmac(String whsec, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(whsec.substring("whsec_".length())), "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
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
    acceptor.interrupt();
  }
}
