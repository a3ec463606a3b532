package com.saldo.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waiting for a service process to answer ready on its management port: the one poll the launcher,
 * the image's training run and the cold-start benchmark share. Plain JDK, so that the bench and the
 * launcher can take it without the rest of this library.
 */
public final class Readiness {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private Readiness() {}

  /** The readiness probe of a service whose management port is {@code port}. */
  public static URI probe(int port) {
    return URI.create("http://localhost:" + port + "/actuator/health/readiness");
  }

  /**
   * Polls {@code probe} every {@code interval} until it answers 200, and returns {@link
   * System#nanoTime()} at that answer. Throws as soon as {@code process} has exited (naming {@code
   * what} and {@code hint}, where to look) or once {@code deadlineNanos} has passed.
   */
  public static long await(
      Process process, URI probe, long deadlineNanos, Duration interval, String what, String hint)
      throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadlineNanos) {
      if (process == null || !process.isAlive()) {
        throw new IllegalStateException(
            what
                + (process == null ? " is not running" : " exited with " + process.exitValue())
                + " before it was ready; "
                + hint);
      }
      try {
        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return System.nanoTime();
        }
      } catch (IOException notYet) {
        // not listening yet, or the probe timed out: try again
      }
      Thread.sleep(interval.toMillis());
    }
    throw new IllegalStateException(what + " was not ready in time; " + hint);
  }
}
