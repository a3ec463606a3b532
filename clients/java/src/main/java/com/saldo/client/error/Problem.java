package com.saldo.client.error;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem as Saldo answers it: {@code code} is stable snake_case and what a caller
 * branches on; {@code errors} lists each invalid field of a 400; {@code extensions} holds whatever
 * else the answer carried, for codes and fields this client does not know yet.
 *
 * @param status the HTTP status
 * @param code the stable problem code, such as {@code insufficient_funds}
 * @param type the problem's page, {@code /problems/<code>}
 * @param title a short human summary
 * @param detail what exactly went wrong, or null
 * @param traceId finds the request in the services' logs, or null
 * @param errors each invalid field of a {@code validation_failed}, else empty
 * @param retryAfterSeconds the answer's {@code Retry-After}, or null
 * @param extensions every other member of the answer
 */
public record Problem(
    int status,
    String code,
    String type,
    String title,
    String detail,
    String traceId,
    List<FieldError> errors,
    Integer retryAfterSeconds,
    Map<String, Object> extensions) {

  /** One invalid field: its path (such as {@code transfers[3].amount}) and what is wrong. */
  public record FieldError(String field, String message) {}

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }
}
