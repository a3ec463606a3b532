package com.saldo.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The query service's limits ({@code saldo.query.*}): page sizes, the longest statement period, and
 * how many rows a statement fetches from the database at a time.
 */
@ConfigurationProperties("saldo.query")
public record QueryLimits(
    @DefaultValue("1000") int pageSizeMax,
    @DefaultValue("100") int pageSizeDefault,
    @DefaultValue("400d") Duration statementPeriodMax,
    @DefaultValue("1000") int statementFetchSize) {

  public QueryLimits {
    if (pageSizeDefault < 1 || pageSizeDefault > pageSizeMax || pageSizeMax > 10_000) {
      throw new IllegalArgumentException("saldo.query.page-size-* out of range");
    }
    if (statementPeriodMax.isNegative() || statementPeriodMax.toDays() > 3660) {
      throw new IllegalArgumentException(
          "saldo.query.statement-period-max must be within 0..3660 days");
    }
    if (statementFetchSize < 10 || statementFetchSize > 100_000) {
      throw new IllegalArgumentException(
          "saldo.query.statement-fetch-size must be within 10..100000");
    }
  }
}
