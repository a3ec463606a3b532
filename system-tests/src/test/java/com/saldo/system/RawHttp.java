package com.saldo.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP/1.1 client of a few lines that sends exactly the bytes it is given: request lines,
 * escapes and headers that the JDK's client refuses to send (a {@code %%} in a query, an {@code
 * HTTP/2.0} request line, a {@code Transfer-Encoding} of its own). One connection per request.
 */
final class RawHttp {

  /** The longest answer read; the rest is left unread. */
  private static final int ANSWER_BYTES_MAX = 1 << 20;

  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  /**
   * Sends {@code head} (the request line and headers, without the blank line; {@code
   * Content-Length} is added when {@code body} is not null) and reads the answer.
   *
   * @throws SocketTimeoutException when no whole answer came within {@code timeoutMillis}
   */
  static Answer send(int port, String head, byte[] body, int timeoutMillis) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder(head).append("\r\nConnection: close\r\n");
      if (body != null) {
        request.append("Content-Length: ").append(body.length).append("\r\n");
      }
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer: " + statusLine);
    }
    Map<String, String> headers = new TreeMap<>();
    for (String header; !(header = line(in)).isEmpty(); ) {
      int colon = header.indexOf(':');
      if (colon > 0) {
        headers.put(
            header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).strip());
      }
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked(in);
    } else if (headers.containsKey("content-length")) {
      body =
          in.readNBytes(
              Math.min(ANSWER_BYTES_MAX, Integer.parseInt(headers.get("content-length"))));
    } else {
      body = in.readNBytes(ANSWER_BYTES_MAX);
    }
    return new Answer(
        Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      int semicolon = size.indexOf(';');
      int length =
          Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
      if (length == 0) {
        while (!line(in).isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      if (body.size() + length > ANSWER_BYTES_MAX) {
        throw new IOException("answer longer than " + ANSWER_BYTES_MAX + " bytes");
      }
      body.write(in.readNBytes(length));
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b == -1) {
        throw new IOException("the answer ended early");
      }
      if (b != '\r') {
        line.write(b);
      }
      if (line.size() > 16384) {
        throw new IOException("a line longer than 16 kB");
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
