package com.saldo.ledger;

import static com.saldo.ledger.ApiFixtures.openAccount;
import static com.saldo.ledger.ApiFixtures.openFunding;
import static com.saldo.ledger.ApiFixtures.transfer;
import static com.saldo.ledger.ApiFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.testing.Http;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Proves, against the embedded PostgreSQL, that 32 concurrent clients moving money among a few
 * accounts and one hot account, retrying the same ids (also from other clients at the same time),
 * leave a ledger in which money is conserved, every bound holds, entries add up, and every
 * acknowledged transfer exists exactly once with the outcome its client saw.
 */
class ConcurrentTransfersTest extends LedgerServer {

  private static final int CLIENTS = 32;
  private static final int REQUESTS_PER_CLIENT = 60;

  @Test
  void moneyIsConservedUnderConcurrency() throws Exception {
    UUID tenant = UUID.randomUUID();
    Http api = tenant(tenant);
    String funding = openFunding(api);
    String hot = openAccount(api);
    List<String> customers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String customer = openAccount(api, Map.of("minBalance", i == 0 ? -500 : 0));
      customers.add(customer);
      assertThat(api.post("/v1/transfers", transfer(funding, customer, 200_000)).status())
          .isEqualTo(201);
    }
    Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    Map<String, String> rejected = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Map<String, Object>> sent = new ConcurrentLinkedQueue<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(
            pool.submit(
                () -> {
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    Map<String, Object> body;
                    Map<String, Object> earlier = sent.peek();
                    if (earlier != null && random.nextInt(5) == 0) {
                      body = earlier; // a retry of someone's request, perhaps still in flight
                    } else {
                      String from = customers.get(random.nextInt(customers.size()));
                      String to =
                          random.nextInt(3) == 0
                              ? customers.get(random.nextInt(customers.size()))
                              : hot;
                      body = transfer(from, to, 1 + random.nextInt(400));
                      if (random.nextInt(4) == 0) {
                        body = with(body, "hold", true);
                      }
                      sent.add(body);
                      if (sent.size() > 50) {
                        sent.poll();
                      }
                    }
                    Http.Answer answer = api.post("/v1/transfers", body);
                    String id = (String) body.get("id");
                    switch (answer.status()) {
                      case 200, 201 -> {
                        acknowledged.put(
                            id, (int) (long) (Long) ((Number) body.get("amount")).longValue());
                        if (Boolean.TRUE.equals(body.get("hold")) && random.nextBoolean()) {
                          String action = random.nextBoolean() ? "/capture" : "/void";
                          int status = api.post("/v1/transfers/" + id + action, Map.of()).status();
                          assertThat(status).isIn(200, 422);
                        }
                      }
                      case 422 -> {
                        String previous = rejected.putIfAbsent(id, answer.code());
                        assertThat(previous == null || previous.equals(answer.code())).isTrue();
                      }
                      case 409 ->
                          throw new AssertionError(
                              "a retry of the same request conflicted: " + answer.body());
                      default ->
                          throw new AssertionError(
                              "unexpected answer " + answer.status() + " " + answer.body());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
    }
    assertThat(Set.copyOf(acknowledged.keySet())).doesNotContainAnyElementsOf(rejected.keySet());
    var report =
        tenant(UUID.randomUUID(), com.saldo.identity.Scope.OPERATOR)
            .get("/v1/operator/verify")
            .json();
    assertThat(report.get("clean").asBoolean()).as(report.toString()).isTrue();
    assertThat(acknowledged).hasSizeGreaterThan(CLIENTS * REQUESTS_PER_CLIENT / 3);

    try (Connection db =
            DriverManager.getConnection(
                database().url(), database().user(), database().password());
        Statement sql = db.createStatement()) {
      sql.execute("SET search_path TO ledger");
      assertThat(
              single(
                  sql,
                  "SELECT count(*) FROM (SELECT currency, sum(credits_posted - debits_posted) s FROM accounts WHERE tenant_id = '"
                      + tenant
                      + "' GROUP BY currency) t WHERE s <> 0"))
          .isZero();
      assertThat(
              single(
                  sql,
                  "SELECT coalesce(sum(credits_pending - debits_pending), 0) FROM accounts WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .isZero();
      assertThat(
              single(
                  sql,
                  "SELECT count(*) FROM accounts WHERE credits_posted - debits_posted - debits_pending < coalesce(min_balance, -9007199254740991)"))
          .isZero();
      assertThat(
              single(
                  sql,
                  "SELECT count(*) FROM accounts a WHERE a.credits_posted - a.debits_posted <> (SELECT coalesce(sum(amount), 0) FROM entries e WHERE e.tenant_id = a.tenant_id AND e.account_id = a.id)"))
          .isZero();
      assertThat(
              single(
                  sql,
                  "SELECT count(*) FROM accounts a WHERE a.entry_count <> (SELECT count(*) FROM entries e WHERE e.tenant_id = a.tenant_id AND e.account_id = a.id)"))
          .isZero();
      assertThat(
              single(
                  sql,
                  "SELECT count(*) FROM (SELECT balance_after, sum(amount) OVER (PARTITION BY tenant_id, account_id ORDER BY seq) AS running FROM entries) e WHERE balance_after <> running"))
          .isZero();
      assertThat(
              single(
                  sql,
                  "SELECT count(*) FROM (SELECT transfer_id FROM entries GROUP BY tenant_id, transfer_id HAVING sum(amount) <> 0) t"))
          .isZero();
      assertThat(
              single(
                  sql,
                  "SELECT count(*) FROM accounts a WHERE a.debits_pending <> (SELECT coalesce(sum(amount), 0) FROM transfers t WHERE t.tenant_id = a.tenant_id AND t.debit_account_id = a.id AND t.status = 'pending')"))
          .isZero();
      assertThat(
              single(
                  sql,
                  "SELECT count(*) FROM transfers t WHERE t.status = 'pending' AND NOT EXISTS (SELECT 1 FROM pending_holds p WHERE p.tenant_id = t.tenant_id AND p.transfer_id = t.id)"))
          .isZero();
      for (String id : acknowledged.keySet()) {
        assertThat(
                single(
                    sql,
                    "SELECT count(*) FROM transfers WHERE tenant_id = '"
                        + tenant
                        + "' AND id = '"
                        + id
                        + "' AND status <> 'rejected' AND amount = "
                        + acknowledged.get(id)))
            .as(id)
            .isEqualTo(1);
      }
      for (String id : rejected.keySet()) {
        assertThat(
                single(
                    sql,
                    "SELECT count(*) FROM transfers WHERE id = '"
                        + id
                        + "' AND status = 'rejected'"))
            .as(id)
            .isEqualTo(1);
      }
      assertThat(
              single(
                  sql,
                  "SELECT count(*) FROM outbox WHERE tenant_id = '"
                      + tenant
                      + "' AND type IN ('transfer.posted', 'transfer.pending')"))
          .isEqualTo(acknowledged.size() + 6);
    }
  }

  private static long single(Statement sql, String query) throws Exception {
    try (ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
