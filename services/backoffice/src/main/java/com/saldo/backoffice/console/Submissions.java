package com.saldo.backoffice.console;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The submission ids of forms that create something: the first submission of an id claims it, a
 * repeated one (a double click, a reload) is told so and creates nothing. Claims older than a day
 * are removed as new ones arrive.
 */
@Component
public class Submissions {

  private static final Duration KEPT = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final Clock clock;

  public Submissions(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Whether this submission is the first of its id. */
  public boolean claim(UUID submission, UUID sessionId) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    jdbc.sql(
            "DELETE FROM console_submissions WHERE id IN (SELECT id FROM console_submissions"
                + " WHERE created_at < ? LIMIT 100)")
        .param(now.minus(KEPT))
        .update();
    return jdbc.sql(
                "INSERT INTO console_submissions (id, session_id, created_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (id) DO NOTHING")
            .params(submission, sessionId, now)
            .update()
        == 1;
  }
}
