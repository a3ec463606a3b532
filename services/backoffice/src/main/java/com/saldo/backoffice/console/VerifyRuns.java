package com.saldo.backoffice.console;

import com.saldo.client.model.VerifyReport;
import com.saldo.jdbc.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The results of {@code saldo verify} run from the system page; the last one is shown. */
@Component
public class VerifyRuns {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One run: when, by whom, clean or not, and the report as the API answered it. */
  public record Run(Instant at, String actor, boolean clean, String report) {}

  private final Database database;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public VerifyRuns(Database database, Clock clock, Supplier<UUID> ids) {
    this.database = database;
    this.clock = clock;
    this.ids = ids;
  }

  public void record(String actor, VerifyReport report) {
    database.inTransaction(
        c ->
            Database.update(
                c,
                "INSERT INTO console_verify_runs (id, at, actor, clean, report)"
                    + " VALUES (?, ?, ?, ?, ?::jsonb)",
                ids.get(),
                clock.instant(),
                actor,
                report.clean(),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report)));
  }

  public Optional<Run> last() {
    return database.read(
        c ->
            Database.first(
                c,
                "SELECT at, actor, clean, report::text FROM console_verify_runs"
                    + " ORDER BY at DESC LIMIT 1",
                rs ->
                    new Run(
                        Database.instant(rs, "at"),
                        rs.getString(2),
                        rs.getBoolean(3),
                        pretty(rs.getString(4)))));
  }

  /** The report as the console shows it: indented, whatever the database kept of its layout. */
  private static String pretty(String json) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
  }
}
