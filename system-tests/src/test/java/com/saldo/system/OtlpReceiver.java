package com.saldo.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in OpenTelemetry collector: it takes OTLP/HTTP exports of spans ({@code POST /v1/traces},
 * protobuf) and keeps the latest of them, so that a test can ask which service exported a span of a
 * given trace. It reads no protobuf: a trace id travels as its 16 raw bytes and a service's name as
 * its UTF-8 bytes, and both are searched for in the payload as they are.
 */
final class OtlpReceiver implements AutoCloseable {

  private static final int KEPT = 2_000;
  private static final int PAYLOAD_MAX = 8 * 1024 * 1024;

  private final HttpServer server;
  private final ConcurrentLinkedDeque<byte[]> payloads = new ConcurrentLinkedDeque<>();

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (exchange) {
            InputStream in = exchange.getRequestBody();
            if ("gzip"
                .equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
              in = new GZIPInputStream(in);
            }
            payloads.addLast(in.readNBytes(PAYLOAD_MAX));
            while (payloads.size() > KEPT) {
              payloads.pollFirst();
            }
            exchange.sendResponseHeaders(200, -1);
          }
        });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
  }

  /** The services (of those asked about) that exported a span of this trace (32 hex digits). */
  List<String> exporters(String traceId, List<String> services) {
    byte[] id = HexFormat.of().parseHex(traceId);
    List<String> found = new ArrayList<>();
    for (byte[] payload : payloads) {
      if (indexOf(payload, id) < 0) {
        continue;
      }
      for (String service : services) {
        if (!found.contains(service)
            && indexOf(payload, service.getBytes(java.nio.charset.StandardCharsets.UTF_8)) >= 0) {
          found.add(service);
        }
      }
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
