package com.saldo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.client.FlakyServer.Attempt;
import com.saldo.client.FlakyServer.Fault;
import com.saldo.client.error.ConnectionFailedException;
import com.saldo.client.error.InsufficientFundsException;
import com.saldo.client.error.ProblemException;
import com.saldo.client.error.RateLimitedException;
import com.saldo.client.error.SaldoException;
import com.saldo.client.error.UnavailableException;
import com.saldo.client.model.NewTransfer;
import com.saldo.client.model.Transfer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The client's retries against a server that drops connections, answers late, 502, 503 and 429: no
 * transfer is ever applied twice, and every call ends with the server's last word.
 */
class RetryTest {

  private static final UUID CARD = UUID.randomUUID();
  private static final UUID SHOP = UUID.randomUUID();
  private static final List<Fault> STORM =
      List.of(
          Fault.DROP_BEFORE,
          Fault.DROP_AFTER,
          Fault.SLOW_AFTER,
          Fault.UNAVAILABLE_BEFORE,
          Fault.UNAVAILABLE_AFTER,
          Fault.BAD_GATEWAY,
          Fault.RATE_LIMITED);

  private static Saldo client(FlakyServer server, RetryPolicy policy) {
    return Saldo.builder()
        .baseUrl(server.url())
        .apiKey("sk_test")
        .retry(policy)
        .requestTimeout(Duration.ofMillis(300))
        .build();
  }

  private static RetryPolicy quick(int attempts) {
    return RetryPolicy.DEFAULT
        .withMaxAttempts(attempts)
        .withBackoff(Duration.ofMillis(5), Duration.ofMillis(40))
        .withTotalTimeout(Duration.ofSeconds(20));
  }

  @Test
  void aStormOfFaultsAppliesEveryTransferOnceAndEveryCallEndsWithTheServersLastWord()
      throws Exception {
    try (FlakyServer server =
        new FlakyServer(
            a -> {
              ThreadLocalRandom random = ThreadLocalRandom.current();
              return random.nextInt(100) < 55
                  ? STORM.get(random.nextInt(STORM.size()))
                  : Fault.NONE;
            },
            700)) {
      Saldo saldo = client(server, quick(6));
      Map<UUID, Object> outcomes = new ConcurrentHashMap<>();
      try (ExecutorService tills = Executors.newFixedThreadPool(16)) {
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
          UUID id = UUID.randomUUID();
          runs.add(
              tills.submit(
                  () -> {
                    try {
                      outcomes.put(
                          id,
                          saldo
                              .transfers()
                              .create(NewTransfer.payment(CARD, SHOP, 100, "EUR").withId(id)));
                    } catch (SaldoException e) {
                      outcomes.put(id, e);
                    }
                  }));
        }
        for (Future<?> run : runs) {
          run.get();
        }
      }
      int succeeded = 0;
      int retried = 0;
      for (Map.Entry<UUID, Object> outcome : outcomes.entrySet()) {
        String id = outcome.getKey().toString();
        List<Attempt> attempts = server.attemptsOf(id);
        assertThat(server.timesApplied(id)).as(id).isLessThanOrEqualTo(1);
        assertThat(attempts).as(id).isNotEmpty().hasSizeLessThanOrEqualTo(6);
        assertThat(attempts.stream().map(Attempt::requestId).distinct()).as(id).hasSize(1);
        retried += attempts.size() > 1 ? 1 : 0;
        Fault last = attempts.getLast().fault();
        if (outcome.getValue() instanceof Transfer transfer) {
          succeeded++;
          assertThat(transfer.id()).isEqualTo(outcome.getKey());
          assertThat(last).isEqualTo(Fault.NONE);
          assertThat(server.timesApplied(id)).isOne();
        } else {
          SaldoException e = (SaldoException) outcome.getValue();
          assertThat(attempts).as(id).hasSize(6);
          switch (last) {
            case DROP_BEFORE, DROP_AFTER, SLOW_AFTER ->
                assertThat(e).isInstanceOf(ConnectionFailedException.class);
            case UNAVAILABLE_BEFORE, UNAVAILABLE_AFTER ->
                assertThat(e).isInstanceOf(UnavailableException.class);
            case BAD_GATEWAY -> assertThat(e.code()).isEqualTo("http_502");
            case RATE_LIMITED -> assertThat(e).isInstanceOf(RateLimitedException.class);
            default -> throw new AssertionError(id + " ended with " + last + ": " + e);
          }
        }
      }
      assertThat(outcomes).hasSize(400);
      assertThat(succeeded).isGreaterThan(380);
      assertThat(retried).isGreaterThan(150);
    }
  }

  @Test
  void aTransferWithoutAnIdGetsOneThatEveryRetryCarries() throws Exception {
    AtomicInteger n = new AtomicInteger();
    try (FlakyServer server =
        new FlakyServer(a -> n.getAndIncrement() < 2 ? Fault.DROP_AFTER : Fault.NONE, 0)) {
      Transfer t =
          client(server, quick(3)).transfers().create(NewTransfer.payment(CARD, SHOP, 5, "EUR"));
      assertThat(t.id()).isNotNull();
      assertThat(server.attempts()).hasSize(3).allMatch(a -> a.id().equals(t.id().toString()));
      assertThat(server.timesApplied(t.id().toString())).isOne();
    }
  }

  @Test
  void aRefusalIsNeverRetried() throws Exception {
    try (FlakyServer server = new FlakyServer(a -> Fault.INSUFFICIENT_FUNDS, 0)) {
      assertThatThrownBy(
              () ->
                  client(server, quick(5))
                      .transfers()
                      .create(NewTransfer.payment(CARD, SHOP, 5, "EUR")))
          .isInstanceOf(InsufficientFundsException.class)
          .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(422));
      assertThat(server.attempts()).hasSize(1);
    }
  }

  @Test
  void aRetryAfterPastTheMaximumEndsTheCallAtOnceWithIt() throws Exception {
    try (FlakyServer server = new FlakyServer(a -> Fault.RATE_LIMITED_LONG, 0)) {
      assertThatThrownBy(
              () ->
                  client(server, quick(5))
                      .transfers()
                      .create(NewTransfer.payment(CARD, SHOP, 5, "EUR")))
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> assertThat(e.problem().retryAfterSeconds()).isEqualTo(3600));
      assertThat(server.attempts()).hasSize(1);
    }
  }

  @Test
  void aRetryAfterWithinTheMaximumIsWaitedFor() throws Exception {
    AtomicInteger n = new AtomicInteger();
    try (FlakyServer server =
        new FlakyServer(a -> n.getAndIncrement() == 0 ? Fault.RATE_LIMITED : Fault.NONE, 0)) {
      long started = System.nanoTime();
      client(server, quick(3)).transfers().create(NewTransfer.payment(CARD, SHOP, 5, "EUR"));
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(server.attempts()).hasSize(2);
    }
  }

  @Test
  void aCallThatIsNotIdempotentIsSentAgainOnlyWhereNothingCanHaveBeenApplied() throws Exception {
    for (Fault fault : List.of(Fault.UNAVAILABLE_AFTER, Fault.DROP_AFTER, Fault.SLOW_AFTER)) {
      try (FlakyServer server = new FlakyServer(a -> fault, 700)) {
        assertThatThrownBy(() -> client(server, quick(5)).tenants().create("Shop"))
            .as(fault.name())
            .isInstanceOf(SaldoException.class);
        assertThat(server.attempts()).as(fault.name()).hasSize(1);
      }
    }
    AtomicInteger n = new AtomicInteger();
    try (FlakyServer server =
        new FlakyServer(a -> n.getAndIncrement() == 0 ? Fault.RATE_LIMITED : Fault.NONE, 0)) {
      client(server, quick(3)).tenants().create("Shop");
      assertThat(server.attempts()).hasSize(2);
    }
  }

  @Test
  void aRefusedConnectionIsTriedAgainAndEndsAsConnectionFailed() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0)) {
      port = closed.getLocalPort();
    }
    Saldo saldo = Saldo.builder().baseUrl("http://127.0.0.1:" + port).retry(quick(3)).build();
    assertThatThrownBy(() -> saldo.tenants().create("Shop"))
        .isInstanceOf(ConnectionFailedException.class)
        .hasMessageContaining("after 3 attempt(s)");
  }

  @Test
  void theTotalTimeoutBoundsACallWhateverTheAttemptsLeft() throws Exception {
    try (FlakyServer server = new FlakyServer(a -> Fault.SLOW_AFTER, 5_000)) {
      RetryPolicy policy = quick(10).withTotalTimeout(Duration.ofMillis(1_000));
      long started = System.nanoTime();
      assertThatThrownBy(
              () ->
                  client(server, policy)
                      .transfers()
                      .create(NewTransfer.payment(CARD, SHOP, 1, "EUR")))
          .isInstanceOf(ConnectionFailedException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofMillis(1_600));
      assertThat(server.attempts()).hasSizeBetween(2, 5);
    }
  }
}
