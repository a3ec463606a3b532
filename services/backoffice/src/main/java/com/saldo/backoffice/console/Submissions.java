package com.saldo.backoffice.console;

import com.saldo.jdbc.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The submission ids of forms that create something: the first submission of an id claims it, a
 * repeated one (a double click, a reload) is told so and creates nothing. Claims older than a day
 * are removed as new ones arrive.
 */
@Component
public class Submissions {

  private static final Duration KEPT = Duration.ofDays(1);

  private final Database database;
  private final Clock clock;

  public Submissions(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Whether this submission is the first of its id. */
  public boolean claim(UUID submission, UUID sessionId) {
    Instant now = clock.instant();
    return database.inTransaction(
        c -> {
          Database.update(
              c,
              "DELETE FROM console_submissions WHERE id IN (SELECT id FROM console_submissions"
                  + " WHERE created_at < ? LIMIT 100)",
              now.minus(KEPT));
          return Database.update(
                  c,
                  "INSERT INTO console_submissions (id, session_id, created_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (id) DO NOTHING",
                  submission,
                  sessionId,
                  now)
              == 1;
        });
  }
}
