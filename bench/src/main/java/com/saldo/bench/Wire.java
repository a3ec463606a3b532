package com.saldo.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A lean HTTP/1.1 client for plain-HTTP load generation: blocking sockets (cheap on virtual
 * threads), kept-alive connections in a pool, no per-request futures or selector hops. It knows
 * what the bench needs and no more: one request at a time per connection, a body by {@code
 * Content-Length} or chunked, {@code Connection: close}.
 *
 * <p>The JDK's {@code HttpClient} cost the load generator about as much CPU as PostgreSQL on the
 * shared core; this client is what keeps the tool from limiting the measurement (see RESULTS.md).
 */
final class Wire {

  static final int CONNECT_TIMEOUT_MS = 2_000;
  static final int READ_TIMEOUT_MS = 10_000;
  static final int HEAD_SIZE_MAX = 64 * 1024;
  static final int BODY_SIZE_MAX = 64 * 1024 * 1024;
  static final int IDLE_CONNECTIONS_MAX = 4096;

  /** What came back: the status and the body. */
  record Response(int status, String body) {}

  private final String host;
  private final int port;
  private final String hostHeader;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

  Wire(String base) {
    URI uri = URI.create(base);
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("the bench speaks plain http://host:port, not " + base);
    }
    this.host = uri.getHost();
    this.port = uri.getPort() == -1 ? 80 : uri.getPort();
    this.hostHeader = "Host: " + host + ":" + port + "\r\n";
  }

  /**
   * Sends one request and reads its whole answer. A kept-alive connection the server has closed
   * meanwhile fails before any answer arrives; the request then goes once more on a new connection
   * (every request the bench sends may be repeated: reads, and writes with their own ids).
   */
  Response send(String method, String path, String[] header, byte[] body) throws IOException {
    Connection reused = idle.pollFirst();
    if (reused != null) {
      try {
        return exchange(reused, method, path, header, body);
      } catch (SocketTimeoutException timeout) {
        throw timeout;
      } catch (IOException e) {
        if (reused.answerStarted) {
          throw e;
        }
      }
    }
    return exchange(open(), method, path, header, body);
  }

  private Response exchange(
      Connection connection, String method, String path, String[] header, byte[] body)
      throws IOException {
    try {
      connection.write(method, path, hostHeader, header, body);
      Response response = connection.read();
      if (connection.reusable && idle.size() < IDLE_CONNECTIONS_MAX) {
        idle.addFirst(connection);
      } else {
        connection.close();
      }
      return response;
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private Connection open() throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
      socket.setSoTimeout(READ_TIMEOUT_MS);
      return new Connection(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private boolean answerStarted;
    private boolean reusable = true;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
      this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    void write(String method, String path, String hostHeader, String[] header, byte[] body)
        throws IOException {
      answerStarted = false;
      StringBuilder head = new StringBuilder(256);
      head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n").append(hostHeader);
      head.append(header[0]).append(": ").append(header[1]).append("\r\n");
      if (body != null) {
        head.append("Content-Type: application/json\r\nContent-Length: ")
            .append(body.length)
            .append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      if (body != null) {
        out.write(body);
      }
      out.flush();
    }

    Response read() throws IOException {
      int first = in.read();
      if (first == -1) {
        throw new IOException("the server closed the connection without an answer");
      }
      answerStarted = true;
      String statusLine = (char) first + line();
      if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
        throw new IOException("not an HTTP/1.x status line: " + statusLine);
      }
      int status = Integer.parseInt(statusLine, 9, 12, 10);
      long length = -1;
      boolean chunked = false;
      int headSize = statusLine.length();
      for (String line = line(); !line.isEmpty(); line = line()) {
        headSize += line.length();
        if (headSize > HEAD_SIZE_MAX) {
          throw new IOException("the answer's head is over " + HEAD_SIZE_MAX + " bytes");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).strip();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
          case "connection" -> reusable &= !value.equalsIgnoreCase("close");
          default -> {}
        }
      }
      byte[] body;
      if (chunked) {
        body = chunks();
      } else if (length >= 0) {
        if (length > BODY_SIZE_MAX) {
          throw new IOException("the answer's body is over " + BODY_SIZE_MAX + " bytes");
        }
        body = in.readNBytes((int) length);
        if (body.length != length) {
          throw new IOException("the answer ended early");
        }
      } else {
        reusable = false;
        body = in.readNBytes(BODY_SIZE_MAX);
      }
      return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunks() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
      while (true) {
        String size = line();
        int semicolon = size.indexOf(';');
        int length =
            Integer.parseInt(
                semicolon < 0 ? size.strip() : size.substring(0, semicolon).strip(), 16);
        if (length == 0) {
          while (!line().isEmpty()) {
            // trailers, ignored
          }
          return body.toByteArray();
        }
        if (body.size() + length > BODY_SIZE_MAX) {
          throw new IOException("the answer's body is over " + BODY_SIZE_MAX + " bytes");
        }
        byte[] chunk = in.readNBytes(length);
        if (chunk.length != length) {
          throw new IOException("the answer ended early");
        }
        body.write(chunk);
        if (!line().isEmpty()) {
          throw new IOException("a chunk did not end with CRLF");
        }
      }
    }

    /** One CRLF-terminated line, without its end. */
    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      while (true) {
        int b = in.read();
        if (b == -1) {
          throw new IOException("the answer ended early");
        }
        if (b == '\n') {
          int end = line.length();
          if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
          }
          return line.toString();
        }
        if (line.length() >= HEAD_SIZE_MAX) {
          throw new IOException("a line of the answer is over " + HEAD_SIZE_MAX + " bytes");
        }
        line.append((char) b);
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing is best effort
      }
    }
  }
}
