package com.saldo.webhooks.store;

import com.google.cloud.spanner.Mutation;
import com.saldo.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay on Spanner, in two transactions. First a strong single-use read of the ledger's outbox
 * view after the relay's cursor (one statement, which no other transaction can abort), in (commit
 * timestamp, position, id) order: a strong read at T sees every row committed at or before T, and
 * whatever it does not see commits after T, so nothing can later appear before a row it returned.
 * Then one read-write transaction in the webhooks database that checks the cursor has not moved
 * since, writes the events and their deliveries and moves the cursor, as mutations applied with the
 * commit (two reads and the commit: a short transaction). Spanner's read-write transactions are
 * serializable: of two relays that read the same cursor, one commits and the other finds the cursor
 * moved (or is aborted) and relays nothing. There is no lock to skip and no counter that the
 * ledger's writers share.
 */
final class SpannerRelay implements Relay {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The outbox index's shards (the ledger's Spanner schema V1). */
  private static final int SHARDS = 16;

  /** Spanner allows 80,000 mutations a commit; a step stays well under it. */
  private static final int MUTATIONS_MAX = 60_000;

  /** What an event costs: its columns and the rows of its three indexes. */
  private static final int EVENT_MUTATIONS = 14;

  /** What a delivery costs: its columns and its index row. */
  private static final int DELIVERY_MUTATIONS = 6;

  private static final String COLUMNS =
      "committed_at, position, id, tenant_id, type, subject_id, payload, created_at";

  private static final String AFTER =
      "(committed_at > ? OR (committed_at = ? AND (position > ? OR (position = ? AND id > ?))))";

  /** A seek in each shard of the outbox index, merged: the first rows after the cursor. */
  private static final String READ =
      "SELECT "
          + COLUMNS
          + " FROM ("
          + IntStream.range(0, SHARDS)
              .mapToObj(
                  shard ->
                      "SELECT * FROM (SELECT "
                          + COLUMNS
                          + " FROM webhooks_v1_outbox WHERE shard = "
                          + shard
                          + " AND "
                          + AFTER
                          + " ORDER BY committed_at, position, id LIMIT ?) s"
                          + shard)
              .collect(Collectors.joining(" UNION ALL "))
          + ") o ORDER BY committed_at, position, id LIMIT ?";

  private static final String CURSOR =
      "SELECT last_seq, last_committed_at, last_position, last_event_id FROM relay WHERE id = 1";

  /** Where the relay stands: the feed's last seq and the last outbox row relayed. */
  record Cursor(long seq, Timestamp committedAt, long position, String eventId)
      implements Comparable<Cursor> {

    static final Cursor START = new Cursor(0, new Timestamp(0), 0, "");

    private static final Comparator<Cursor> ORDER =
        Comparator.comparing(Cursor::committedAt)
            .thenComparingLong(Cursor::position)
            .thenComparing(Cursor::eventId);

    @Override
    public int compareTo(Cursor other) {
      return ORDER.compare(this, other);
    }
  }

  /** One outbox row as the view shows it. */
  private record Row(
      Cursor at,
      UUID tenant,
      String type,
      String subject,
      String data,
      Timestamp createdAt,
      String[] accounts) {}

  /** An endpoint as the fan-out needs it. */
  private record Subscriber(String id, UUID tenant, Set<String> events) {}

  private final Database feed;
  private final Database outbox;
  private final int batch;
  private final Clock clock;

  SpannerRelay(Database feed, Database outbox, int batch, Clock clock) {
    this.feed = feed;
    this.outbox = outbox;
    this.batch = batch;
    this.clock = clock;
  }

  @Override
  public Step step() {
    Optional<Cursor> read = feed.read(SpannerRelay::cursor);
    Cursor from = read.orElse(Cursor.START);
    List<Row> rows = outbox.read(c -> after(c, from));
    if (rows.isEmpty()) {
      return new Step(0, 0, from.seq());
    }
    return feed.inTransaction(c -> write(c, read, rows));
  }

  @Override
  public Instant oldestUnrelayed() {
    Cursor from = feed.read(SpannerRelay::cursor).orElse(Cursor.START);
    List<Row> first = outbox.read(c -> after(c, from, 1));
    return first.isEmpty() ? null : first.getFirst().createdAt().toInstant();
  }

  private static Optional<Cursor> cursor(Connection c) throws SQLException {
    return Database.first(
        c,
        CURSOR,
        rs -> new Cursor(rs.getLong(1), rs.getTimestamp(2), rs.getLong(3), rs.getString(4)));
  }

  private List<Row> after(Connection c, Cursor from) throws SQLException {
    return after(c, from, batch);
  }

  private static List<Row> after(Connection c, Cursor from, int limit) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(READ)) {
      int p = 1;
      for (int shard = 0; shard < SHARDS; shard++) {
        ps.setTimestamp(p++, from.committedAt());
        ps.setTimestamp(p++, from.committedAt());
        ps.setLong(p++, from.position());
        ps.setLong(p++, from.position());
        ps.setString(p++, from.eventId());
        ps.setInt(p++, limit);
      }
      ps.setInt(p, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Cursor at = new Cursor(0, rs.getTimestamp(1), rs.getLong(2), rs.getString(3));
          // the comparison in SQL already excludes it; a timestamp that lost precision on its way
          // back must not bring the last row relayed a second time
          if (at.compareTo(from) > 0) {
            rows.add(
                new Row(
                    at,
                    Database.uuid(rs, 4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getTimestamp(8),
                    accounts(rs.getString(5), rs.getString(6), rs.getString(7))));
          }
        }
      }
    }
    return rows;
  }

  /**
   * The accounts an event concerns, as the PostgreSQL view reads them: an account event's own, a
   * transfer event's two.
   */
  static String[] accounts(String type, String subject, String payload) {
    if (type.startsWith("account.")) {
      return new String[] {subject};
    }
    JsonNode transfer = JSON.readTree(payload);
    return new String[] {
      transfer.path("debitAccountId").asString(), transfer.path("creditAccountId").asString()
    };
  }

  private Step write(Connection c, Optional<Cursor> read, List<Row> rows) throws SQLException {
    Optional<Cursor> now = cursor(c);
    if (!now.equals(read)) {
      return new Step(0, 0, now.map(Cursor::seq).orElse(0L)); // another relay moved first
    }
    long seq = read.map(Cursor::seq).orElse(0L);
    Map<UUID, List<Subscriber>> subscribers = subscribers(c, rows);
    com.google.cloud.Timestamp relayedAt = SpannerWrites.timestamp(clock.instant());
    List<Mutation> mutations = new ArrayList<>();
    int budget = 0;
    int events = 0;
    int deliveries = 0;
    Row last = null;
    for (Row row : rows) {
      List<Subscriber> to =
          subscribers.getOrDefault(row.tenant(), List.of()).stream()
              .filter(s -> s.events().contains(row.type()))
              .toList();
      int cost = EVENT_MUTATIONS + DELIVERY_MUTATIONS * to.size();
      if (events > 0 && budget + cost > MUTATIONS_MAX) {
        break; // the rest in the next step
      }
      budget += cost;
      seq++;
      mutations.add(
          Mutation.newInsertBuilder("events")
              .set("tenant_id")
              .to(row.tenant().toString())
              .set("seq")
              .to(seq)
              .set("id")
              .to(row.at().eventId())
              .set("type")
              .to(row.type())
              .set("accounts")
              .toStringArray(Arrays.asList(row.accounts()))
              .set("subject_id")
              .to(row.subject())
              .set("data")
              .to(row.data())
              .set("created_at")
              .to(com.google.cloud.Timestamp.of(row.createdAt()))
              .set("relayed_at")
              .to(relayedAt)
              .build());
      for (Subscriber s : to) {
        mutations.add(
            Mutation.newInsertBuilder("deliveries")
                .set("endpoint_id")
                .to(s.id())
                .set("seq")
                .to(seq)
                .set("status")
                .to("pending")
                .set("attempts")
                .to(0L)
                .set("next_attempt_at")
                .to(relayedAt)
                .build());
        deliveries++;
      }
      events++;
      last = row;
    }
    Cursor at = last.at();
    Mutation.WriteBuilder cursor =
        read.isEmpty()
            ? Mutation.newInsertBuilder("relay").set("pruned_through").to(0L)
            : Mutation.newUpdateBuilder("relay");
    mutations.add(
        cursor
            .set("id")
            .to(1L)
            .set("last_seq")
            .to(seq)
            .set("last_committed_at")
            .to(com.google.cloud.Timestamp.of(at.committedAt()))
            .set("last_position")
            .to(at.position())
            .set("last_event_id")
            .to(at.eventId())
            .build());
    // applied with the commit: the transaction makes no round trip for its writes
    SpannerWrites.buffer(c, mutations);
    return new Step(events, deliveries, seq);
  }

  /** The endpoints of the rows' tenants that are not deleted, by tenant. */
  private static Map<UUID, List<Subscriber>> subscribers(Connection c, List<Row> rows)
      throws SQLException {
    Set<UUID> tenants = new LinkedHashSet<>();
    rows.forEach(r -> tenants.add(r.tenant()));
    Map<UUID, List<Subscriber>> found = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, tenant_id, events FROM endpoints WHERE tenant_id = ANY (?)"
                + " AND status <> 'deleted'")) {
      ps.setArray(1, Database.ids(c, tenants));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Subscriber s =
              new Subscriber(
                  rs.getString(1),
                  Database.uuid(rs, 2),
                  Set.copyOf(Arrays.asList((String[]) rs.getArray(3).getArray())));
          found.computeIfAbsent(s.tenant(), t -> new ArrayList<>()).add(s);
        }
      }
    }
    return found;
  }
}
