package com.saldo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for system tests: sends JSON, returns status, headers and parsed body. Every
 * answer to an operation of {@code /v1/openapi.json} is checked against the document ({@link
 * OpenApi}): an undocumented status or a body that breaks its schema fails the test at once.
 */
public final class Http {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Supplier<Map<String, String>> headers;

  public Http(String base, Map<String, String> headers) {
    this(base, () -> headers);
  }

  /** A client whose headers are made anew for each request (e.g. a fresh signed identity). */
  public Http(String base, Supplier<Map<String, String>> headers) {
    this.base = base;
    this.headers = headers;
  }

  public Http with(Map<String, String> other) {
    return new Http(
        base,
        () -> {
          java.util.HashMap<String, String> all = new java.util.HashMap<>(headers.get());
          all.putAll(other);
          return all;
        });
  }

  /** An answer: status, the raw body, headers, and the body as JSON when it is JSON. */
  public record Answer(int status, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String code() {
      return json().path("code").asString();
    }

    /**
     * Asserts that this answer is the RFC 9457 problem of the API: its status, its stable code, the
     * type that names the code, a title and a trace id.
     */
    public void assertProblem(int status, String code) {
      org.assertj.core.api.Assertions.assertThat(this.status()).as(body).isEqualTo(status);
      org.assertj.core.api.Assertions.assertThat(header("Content-Type"))
          .startsWith("application/problem+json");
      JsonNode problem = json();
      org.assertj.core.api.Assertions.assertThat(problem.path("code").asString()).isEqualTo(code);
      org.assertj.core.api.Assertions.assertThat(problem.path("type").asString())
          .isEqualTo("/problems/" + code);
      org.assertj.core.api.Assertions.assertThat(problem.path("status").asInt()).isEqualTo(status);
      org.assertj.core.api.Assertions.assertThat(problem.path("title").asString()).isNotBlank();
      org.assertj.core.api.Assertions.assertThat(problem.path("traceId").asString()).isNotBlank();
    }
  }

  public Answer get(String path) {
    return send("GET", path, null, "application/json");
  }

  public Answer post(String path, Object body) {
    return send("POST", path, body, "application/json");
  }

  public Answer patch(String path, Object body) {
    return send("PATCH", path, body, "application/json");
  }

  public Answer delete(String path) {
    return send("DELETE", path, null, "application/json");
  }

  /** Sends a body as is when it is a String or bytes, else as JSON. */
  public Answer send(String method, String path, Object body, String contentType) {
    HttpRequest.BodyPublisher publisher =
        switch (body) {
          case null -> HttpRequest.BodyPublishers.noBody();
          case String s -> HttpRequest.BodyPublishers.ofString(s);
          case byte[] b -> HttpRequest.BodyPublishers.ofByteArray(b);
          default -> HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        };
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, publisher);
    if (body != null && contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.get().forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      OpenApi document = OpenApi.document();
      if (document != null) {
        List<String> wrong =
            document.check(
                method,
                path,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body());
        if (!wrong.isEmpty()) {
          throw new AssertionError("the answer differs from /v1/openapi.json: " + wrong);
        }
      }
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
