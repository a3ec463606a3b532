package com.saldo.jdbc;

import java.util.List;
import java.util.UUID;

/**
 * The SQL of a keyset page: what comes after a position in a list ordered by ({@code time}, {@code
 * id}), oldest or newest first. The condition leads with the plain bound on {@code time}, which
 * limits an index scan on (..., time, id): PostgreSQL cannot seek on the OR alone (every page then
 * read all the rows before it again), and the row comparison {@code (time, id) > (?, ?)} that would
 * say it at once is what Spanner lacks.
 */
public final class Keyset {

  private Keyset() {}

  /** The condition; its arguments are {@link #args}. */
  public static String condition(String time, String id, boolean newestFirst) {
    return "%1$s %2$s= ? AND (%1$s %2$s ? OR (%1$s = ? AND %3$s %2$s ?))"
        .formatted(time, newestFirst ? "<" : ">", id);
  }

  /** The arguments of {@link #condition}: the position's time three times, then its id. */
  public static List<Object> args(Object time, UUID id) {
    return List.of(time, time, time, id);
  }
}
