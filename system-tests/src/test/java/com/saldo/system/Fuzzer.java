package com.saldo.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes hostile requests: every write carries at least one thing the API must refuse (so a correct
 * Saldo changes nothing), mixed with every other kind of nonsense: wrong types, numbers past 2^53
 * and 2^63, non-finite numbers, deep nesting, huge and invalid strings, duplicate keys, invalid
 * UTF-8, SQL and script fragments, unknown fields, wrong content types, absurd query parameters and
 * cursors.
 */
final class Fuzzer {

  /**
   * One request; {@code headers} are more header lines, each starting with CRLF. {@code
   * refusedByTheProtocol}: HTTP itself answers it 501 or 505 (an unknown transfer coding, an HTTP
   * version of another kind), still as a problem with its own code.
   */
  record Request(
      String method,
      String path,
      byte[] body,
      String contentType,
      boolean write,
      String version,
      String headers) {

    Request(String method, String path, byte[] body, String contentType, boolean write) {
      this(method, path, body, contentType, write, "HTTP/1.1", "");
    }

    boolean refusedByTheProtocol() {
      return !version.equals("HTTP/1.1") || headers.contains("Transfer-Encoding");
    }
  }

  private static final String[] HOSTILE_STRINGS = {
    "' OR 1=1 --",
    "'; DROP TABLE ledger.accounts; --",
    "<script>alert(1)</script>",
    "${jndi:ldap://x/a}",
    "\\u0000",
    "a\u0000b",
    "\uD800",
    "x".repeat(300),
    "😀".repeat(100),
    "",
    " ",
    "\r\n",
    "%00",
    "../../etc/passwd",
    "EUR",
    "eur",
    "EURO",
    "null",
    "true",
    "-1",
    "1e400",
    "9223372036854775808"
  };
  private static final String[] HOSTILE_NUMBERS = {
    "0",
    "-1",
    "1.5",
    "1e400",
    "-1e400",
    "1E-400",
    "9007199254740993",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1000000000000001",
    "123456789012345678901234567890",
    "0.0",
    "-0",
    "1e308",
    "NaN",
    "Infinity",
    "0x10",
    "01",
    "1_000"
  };
  private static final String[] INVALID = {
    "\"amount\":0",
    "\"amount\":-5",
    "\"amount\":1.5",
    "\"amount\":\"12\"",
    "\"amount\":1e400",
    "\"currency\":\"XXX1\"",
    "\"currency\":null",
    "\"id\":\"not-a-uuid\"",
    "\"id\":42",
    "\"kind\":\"gift\"",
    "\"hold\":\"yes\"",
    "\"holdTimeoutSeconds\":0",
    "\"holdTimeoutSeconds\":99999999999",
    "\"unknownField\":1",
    "\"metadata\":[1,2]",
    "\"metadata\":{\"k\":1e999999}",
    "\"metadata\":{\"k\":\"a\\u0000b\"}",
    "\"reference\":\"" + "r".repeat(300) + "\"",
    "\"minBalance\":5",
    "\"maxBalance\":-1",
    "\"status\":\"gone\"",
    "\"scopes\":[\"operator\"]",
    "\"name\":\"\"",
    "\"debitAccountId\":\"' OR 1=1 --\"",
    "\"transfers\":[]",
    "\"transfers\":{}",
    "\"atomic\":\"no\"",
    "\"key\":123",
    "\"kind\":\"refund\",\"refundOf\":null",
    "\"kind\":\"refund\"",
    "\"kind\":null,\"refundOf\":null,\"hold\":null,\"metadata\":null",
    "\"amount\":null",
    "\"id\":null",
    "\"rateLimit\":null",
    "\"rateLimit\":{\"perSecond\":null,\"burst\":null}",
    "\"scopes\":null"
  };
  private static final String[] QUERIES = {
    "limit=0",
    "limit=-1",
    "limit=1001",
    "limit=99999999999999999999",
    "limit=abc",
    "limit=%00",
    "cursor=%%%",
    "cursor=" + "A".repeat(500),
    "cursor=bm9wZQ",
    "cursor=dDoxOjI",
    "from=yesterday",
    "from=+999999999-01-01T00:00:00Z",
    "to=-999999999-01-01T00:00:00Z",
    "asOf=0000-01-01T00:00:00Z",
    "asOf=9999-12-31T23:59:59.999999999Z",
    "accountId=' OR 1=1 --",
    "reference=" + "x".repeat(300),
    "externalRef=%00",
    "format=xml",
    "after=-1",
    "from=2026-01-01T00:00:00Z&to=2020-01-01T00:00:00Z",
    "limit=1&limit=2",
    "a=" + "b".repeat(5000),
    "limit=%%",
    "limit=%ZZ",
    "a%",
    "limit=%u0041",
    "reference=%E0%A4%A",
    "reference=%C0%AF",
    "externalRef=%ED%A0%80",
    "accountId=%FF",
    "cursor=" + crafted("t"),
    "cursor=" + crafted("a"),
    "cursor=" + crafted("e"),
    "cursor=" + crafted("k"),
    "cursor=" + crafted("tn"),
    "cursor=" + crafted("au"),
    "from=0001-01-01T00:00:00Z",
    "to=0001-01-01T00:00:00Z",
    "to=9999-12-31T23:59:59.999Z"
  };

  /** A cursor of the list {@code list} at a time no database stores. */
  private static String crafted(String list) {
    String plain =
        list
            + ":"
            + (list.equals("e") ? "" : Long.MAX_VALUE + ":")
            + "00000000-0000-4000-8000-000000000001";
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private final Random random;
  private final List<String> ids;
  private final String tenantId;

  Fuzzer(long seed, List<String> ids, String tenantId) {
    this.random = new Random(seed);
    this.ids = ids;
    this.tenantId = tenantId;
  }

  Request next() {
    return switch (random.nextInt(12)) {
      case 0, 1 -> read();
      case 2 -> raw();
      case 3 -> protocol();
      case 4 -> withQuery(write());
      default -> write();
    };
  }

  /** A write that also carries a hostile query string, which no write endpoint reads. */
  private Request withQuery(Request write) {
    String query = QUERIES[random.nextInt(QUERIES.length)];
    return new Request(
        write.method(),
        write.path() + "?" + query,
        write.body(),
        write.contentType(),
        true,
        write.version(),
        write.headers());
  }

  /**
   * What goes wrong below JSON: form-encoded bodies with a bad escape on every method (Spring's
   * form filter decoded PUT, PATCH and DELETE ones), transfer codings and HTTP versions that do not
   * exist, and a request line that the JDK's client would never send.
   */
  private Request protocol() {
    String[] paths = {
      "/v1/accounts/" + id(),
      "/v1/transfers",
      "/v1/transfers/batch",
      "/v1/api-keys/" + id(),
      "/v1/tenants/" + tenantId + "/api-keys",
      "/v1/webhooks/" + id(),
      "/v1/events?after=%%",
      "/v1/accounts?limit=%%"
    };
    String[] methods = {"PUT", "PATCH", "DELETE", "POST"};
    String path = paths[random.nextInt(paths.length)];
    String method = methods[random.nextInt(methods.length)];
    byte[] form =
        (random.nextBoolean() ? "a=%" : "a=%ZZ&b=%E0%A4%A").getBytes(StandardCharsets.UTF_8);
    return switch (random.nextInt(4)) {
      case 0 ->
          new Request(
              method, path, form, "application/x-www-form-urlencoded", true, "HTTP/1.1", "");
      case 1 ->
          new Request(
              method,
              path,
              "{}".getBytes(StandardCharsets.UTF_8),
              "application/json",
              true,
              "HTTP/1.1",
              "\r\nTransfer-Encoding: xchunked");
      case 2 -> new Request("GET", path, null, null, false, "HTTP/2.0", "");
      default -> new Request(method, path, null, null, true, "HTTP/3.1", "");
    };
  }

  private String id() {
    int dice = random.nextInt(6);
    return switch (dice) {
      case 0 -> "not-a-uuid";
      case 1 -> java.util.UUID.randomUUID().toString();
      case 2 -> "%00";
      case 3 -> "..%2F..%2Fadmin";
      default -> ids.get(random.nextInt(ids.size()));
    };
  }

  /** Reads of every endpoint. */
  private Request read() {
    String[] paths = {
      "/v1/accounts",
      "/v1/accounts/" + id(),
      "/v1/accounts/" + id() + "/entries",
      "/v1/accounts/" + id() + "/balance",
      "/v1/accounts/" + id() + "/statement",
      "/v1/transfers",
      "/v1/transfers/" + id(),
      "/v1/tenants",
      "/v1/tenants/" + tenantId + "/api-keys",
      "/v1/audit-log",
      "/v1/events",
      "/v1/webhooks",
      "/v1/webhooks/" + id(),
      "/v1/webhooks/" + id() + "/deliveries",
      "/v1/nothing/" + id()
    };
    String query = QUERIES[random.nextInt(QUERIES.length)];
    if (random.nextBoolean()) {
      query += "&" + QUERIES[random.nextInt(QUERIES.length)];
    }
    return new Request("GET", paths[random.nextInt(paths.length)] + "?" + query, null, null, false);
  }

  /** A write with a body that is certainly invalid somewhere, and maybe elsewhere too. */
  private Request write() {
    String[] paths = {
      "/v1/accounts",
      "/v1/accounts/" + id(),
      "/v1/transfers",
      "/v1/transfers/batch",
      "/v1/transfers/" + id() + "/capture",
      "/v1/transfers/" + id() + "/void",
      "/v1/tenants",
      "/v1/tenants/" + tenantId + "/api-keys",
      "/v1/api-keys/" + id(),
      "/v1/webhooks",
      "/v1/webhooks/" + id(),
      "/v1/webhooks/" + id() + "/replay",
      "/v1/webhooks/" + id() + "/rotate-secret"
    };
    String path = paths[random.nextInt(paths.length)];
    String method =
        path.startsWith("/v1/api-keys/")
            ? "DELETE"
            : path.matches("/v1/(accounts|webhooks)/[^/]+") ? "PATCH" : "POST";
    if (method.equals("DELETE")) {
      // Only ids that do not name a key: a malformed or random UUID.
      String bad = random.nextBoolean() ? "not-a-uuid" : java.util.UUID.randomUUID().toString();
      return new Request("DELETE", "/v1/api-keys/" + bad, null, null, true);
    }
    List<String> fields = new ArrayList<>(validFields());
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      fields.add(random.nextInt(fields.size() + 1), INVALID[random.nextInt(INVALID.length)]);
    }
    if (random.nextInt(4) == 0) {
      fields.add(
          "\""
              + word()
              + "\":"
              + (random.nextBoolean()
                  ? HOSTILE_NUMBERS[random.nextInt(HOSTILE_NUMBERS.length)]
                  : jsonString(HOSTILE_STRINGS[random.nextInt(HOSTILE_STRINGS.length)])));
    }
    String body = "{" + String.join(",", fields) + "}";
    if (path.endsWith("/batch")) {
      body =
          "{\"transfers\":["
              + body
              + (random.nextBoolean() ? "," + body : "")
              + "],\"atomic\":"
              + random.nextBoolean()
              + "}";
    }
    if (path.contains("/capture") || path.contains("/void")) {
      // The path's id is random or malformed, or the body is invalid: nothing can change.
      path =
          "/v1/transfers/"
              + (random.nextBoolean() ? "not-a-uuid" : java.util.UUID.randomUUID())
              + path.substring(path.lastIndexOf('/'));
    }
    return new Request(method, path, body.getBytes(StandardCharsets.UTF_8), contentType(), true);
  }

  /** Bytes that are not a JSON object at all, or not UTF-8, or not meant as JSON. */
  private Request raw() {
    byte[][] bodies = {
      "{".getBytes(StandardCharsets.UTF_8),
      "[]".getBytes(StandardCharsets.UTF_8),
      "null".getBytes(StandardCharsets.UTF_8),
      "{\"amount\":1,\"amount\":2}".getBytes(StandardCharsets.UTF_8),
      ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8),
      ("{\"a\":".repeat(100) + "1" + "}".repeat(100)).getBytes(StandardCharsets.UTF_8),
      new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'},
      new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'},
      new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'},
      new byte[] {(byte) 0xfe, (byte) 0xff, 0, '{', 0, '}'},
      new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0, '}', 0},
      "{\"kind\":\"refund\",\"refundOf\":null}".getBytes(StandardCharsets.UTF_8),
      "{\"currency\":\"EUR\"".getBytes(StandardCharsets.UTF_8),
      ("{\"metadata\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8),
      "currency=EUR&amount=5".getBytes(StandardCharsets.UTF_8),
      "<xml/>".getBytes(StandardCharsets.UTF_8),
      new byte[0],
    };
    String[] paths = {
      "/v1/accounts",
      "/v1/transfers",
      "/v1/transfers/batch",
      "/v1/tenants",
      "/v1/tenants/" + tenantId + "/api-keys"
    };
    return new Request(
        "POST",
        paths[random.nextInt(paths.length)],
        bodies[random.nextInt(bodies.length)],
        contentType(),
        true);
  }

  private List<String> validFields() {
    String a = ids.get(random.nextInt(ids.size()));
    String b = ids.get(random.nextInt(ids.size()));
    return List.of(
        "\"id\":\"" + java.util.UUID.randomUUID() + "\"",
        "\"debitAccountId\":\"" + a + "\"",
        "\"creditAccountId\":\"" + b + "\"",
        "\"amount\":" + (1 + random.nextInt(100)),
        "\"currency\":\"EUR\"",
        "\"name\":\"fuzz\"");
  }

  private String contentType() {
    String[] types = {
      "application/json",
      "application/json",
      "application/json",
      "application/json; charset=utf-8",
      "application/json; charset=latin1",
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/xml",
      null
    };
    return types[random.nextInt(types.length)];
  }

  private String word() {
    return "k" + random.nextInt(1000);
  }

  private static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
