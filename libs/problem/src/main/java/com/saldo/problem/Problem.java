package com.saldo.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem as Saldo's API defines it. {@code code} is the stable snake_case name that
 * clients branch on; {@code type} is the page that explains it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    String traceId,
    List<FieldViolation> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(
      int status, String code, String title, String detail, List<FieldViolation> errors) {
    return new Problem(
        "/problems/" + code, title, status, detail, code, null, errors.isEmpty() ? null : errors);
  }

  public Problem withTraceId(String id) {
    return new Problem(type, title, status, detail, code, id, errors);
  }
}
