package com.saldo.backoffice.console;

import com.saldo.client.model.VerifyReport;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The results of {@code saldo verify} run from the system page; the last one is shown. */
@Component
public class VerifyRuns {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One run: when, by whom, clean or not, and the report as the API answered it. */
  public record Run(Instant at, String actor, boolean clean, String report) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public VerifyRuns(JdbcClient jdbc, Clock clock, Supplier<UUID> ids) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ids = ids;
  }

  public void record(String actor, VerifyReport report) {
    jdbc.sql(
            "INSERT INTO console_verify_runs (id, at, actor, clean, report)"
                + " VALUES (?, ?, ?, ?, ?::jsonb)")
        .params(
            ids.get(),
            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
            actor,
            report.clean(),
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report))
        .update();
  }

  public Optional<Run> last() {
    return jdbc.sql(
            "SELECT at, actor, clean, jsonb_pretty(report) FROM console_verify_runs"
                + " ORDER BY at DESC LIMIT 1")
        .query(
            (rs, n) ->
                new Run(
                    rs.getObject(1, OffsetDateTime.class).toInstant(),
                    rs.getString(2),
                    rs.getBoolean(3),
                    rs.getString(4)))
        .optional();
  }
}
