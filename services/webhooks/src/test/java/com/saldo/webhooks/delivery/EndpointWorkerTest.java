package com.saldo.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The order promise and the limits, without a network: an event for an account never starts before
 * the earlier ones of that account were delivered or given up; other accounts go in parallel.
 */
class EndpointWorkerTest {

  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  private static final UUID A = UUID.randomUUID();
  private static final UUID B = UUID.randomUUID();
  private static final UUID C = UUID.randomUUID();
  private static final Attempt OK = new Attempt(200, 3, null, null);
  private static final Attempt FAIL = new Attempt(500, 3, "HTTP 500", null);
  private static final Duration FIVE_DAYS = Duration.ofDays(5);

  private final RetrySchedule schedule =
      new RetrySchedule(
          List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5)),
          0,
          Duration.ofHours(1),
          () -> 0.5);
  private final Endpoint endpoint =
      new Endpoint(
          UUID.randomUUID(),
          UUID.randomUUID(),
          URI.create("https://shop.example/"),
          "active",
          1000,
          List.of(new byte[32]),
          0,
          null);

  private Delivery delivery(long seq, UUID... accounts) {
    return new Delivery(
        endpoint.id(), seq, UUID.randomUUID(), "transfer.posted", accounts, T0, "{}", 0, T0);
  }

  private static List<Long> seqs(List<EndpointWorker.Start> starts) {
    List<Long> seqs = new ArrayList<>();
    starts.forEach(s -> seqs.add(s.delivery().seq()));
    return seqs;
  }

  @Test
  void eventsOfOneAccountGoOneAtATimeInFeedOrderAndOthersInParallel() {
    EndpointWorker w = new EndpointWorker(endpoint, 8, 100, 0);
    w.loaded(List.of(delivery(1, A, B), delivery(2, A), delivery(3, C), delivery(4, B, C)));
    List<EndpointWorker.Start> first = w.startable(T0, 1);
    assertThat(seqs(first)).containsExactly(1L, 3L);
    assertThat(w.startable(T0, 2)).isEmpty();
    w.finished(first.get(0).delivery(), OK, T0, schedule, FIVE_DAYS);
    assertThat(seqs(w.startable(T0, 3))).containsExactly(2L);
    w.finished(first.get(1).delivery(), OK, T0, schedule, FIVE_DAYS);
    assertThat(seqs(w.startable(T0, 4))).containsExactly(4L);
  }

  @Test
  void aDeliveryWaitingForItsRetryHoldsBackItsAccountsUntilItSucceeds() {
    EndpointWorker w = new EndpointWorker(endpoint, 8, 100, 0);
    w.loaded(List.of(delivery(1, A), delivery(2, A), delivery(3, B)));
    List<EndpointWorker.Start> starts = w.startable(T0, 1);
    assertThat(seqs(starts)).containsExactly(1L, 3L);
    EndpointWorker.Outcome failed =
        w.finished(starts.get(0).delivery(), FAIL, T0, schedule, FIVE_DAYS);
    assertThat(failed.result().status()).isEqualTo("pending");
    assertThat(failed.result().nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(failed.change().succeeded()).isFalse();
    w.finished(starts.get(1).delivery(), OK, T0, schedule, FIVE_DAYS);
    assertThat(w.startable(T0.plusSeconds(4), 2)).isEmpty();
    List<EndpointWorker.Start> retry = w.startable(T0.plusSeconds(5), 3);
    assertThat(seqs(retry)).containsExactly(1L);
    assertThat(retry.getFirst().delivery().attempts()).isEqualTo(1);
    w.finished(retry.getFirst().delivery(), OK, T0.plusSeconds(5), schedule, FIVE_DAYS);
    assertThat(seqs(w.startable(T0.plusSeconds(5), 4))).containsExactly(2L);
  }

  @Test
  void aDeliveryGivenUpLetsTheNextOfItsAccountGo() {
    EndpointWorker w = new EndpointWorker(endpoint, 8, 100, 0);
    w.loaded(List.of(delivery(1, A), delivery(2, A)));
    Instant at = T0;
    EndpointWorker.Outcome outcome = null;
    for (int attempt = 0; attempt < schedule.attemptsMax(); attempt++) {
      List<EndpointWorker.Start> starts = w.startable(at, attempt);
      assertThat(seqs(starts)).containsExactly(1L);
      outcome = w.finished(starts.getFirst().delivery(), FAIL, at, schedule, FIVE_DAYS);
      at = at.plus(Duration.ofHours(1));
    }
    assertThat(outcome.result().status()).isEqualTo("failed");
    assertThat(outcome.result().nextAttemptAt()).isNull();
    assertThat(seqs(w.startable(at, 99))).containsExactly(2L);
  }

  @Test
  void gone410DisablesTheEndpointAtOnceAndKeepsTheDeliveryForLater() {
    EndpointWorker w = new EndpointWorker(endpoint, 8, 100, 0);
    w.loaded(List.of(delivery(1, A), delivery(2, B)));
    List<EndpointWorker.Start> starts = w.startable(T0, 1);
    EndpointWorker.Outcome gone =
        w.finished(
            starts.getFirst().delivery(),
            new Attempt(410, 2, "HTTP 410", null),
            T0,
            schedule,
            FIVE_DAYS);
    assertThat(gone.change().disabledReason()).contains("410");
    assertThat(gone.result().status()).isEqualTo("pending");
    assertThat(w.isStopped()).isTrue();
    assertThat(w.startable(T0.plusSeconds(60), 2)).isEmpty();
  }

  @Test
  void anEndpointFailingForFiveDaysIsDisabled() {
    EndpointWorker w = new EndpointWorker(endpoint, 8, 100, 0);
    w.loaded(List.of(delivery(1, A), delivery(2, B)));
    List<EndpointWorker.Start> starts = w.startable(T0, 1);
    assertThat(
            w.finished(starts.get(0).delivery(), FAIL, T0, schedule, FIVE_DAYS)
                .change()
                .disabledReason())
        .isNull();
    EndpointWorker.Outcome late =
        w.finished(starts.get(1).delivery(), FAIL, T0.plus(FIVE_DAYS), schedule, FIVE_DAYS);
    assertThat(late.change().disabledReason()).contains("5 days");
    assertThat(w.isStopped()).isTrue();
  }

  @Test
  void theStateOfTheEndpointIsRecordedOnlyWhenItFlips() {
    EndpointWorker w = new EndpointWorker(endpoint, 8, 100, 0);
    w.loaded(List.of(delivery(1, A), delivery(2, B), delivery(3, C)));
    List<EndpointWorker.Start> starts = w.startable(T0, 1);
    assertThat(w.finished(starts.get(0).delivery(), OK, T0, schedule, FIVE_DAYS).change()).isNull();
    assertThat(w.finished(starts.get(1).delivery(), FAIL, T0, schedule, FIVE_DAYS).change())
        .isNotNull();
    assertThat(
            w.finished(starts.get(2).delivery(), OK, T0, schedule, FIVE_DAYS).change().succeeded())
        .isTrue();
  }

  @Test
  void theConcurrencyCapBoundsAttemptsInFlight() {
    EndpointWorker w = new EndpointWorker(endpoint, 2, 100, 0);
    List<Delivery> many = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      many.add(delivery(i, UUID.randomUUID()));
    }
    w.loaded(many);
    assertThat(seqs(w.startable(T0, 1))).containsExactly(1L, 2L);
    assertThat(w.startable(T0, 2)).isEmpty();
    assertThat(w.inFlight()).isEqualTo(2);
  }

  @Test
  void theRateLimitAllowsOneSecondsWorthAtOnceAndThenItsRate() {
    Endpoint slow =
        new Endpoint(
            endpoint.id(),
            endpoint.tenantId(),
            endpoint.url(),
            "active",
            3,
            endpoint.keys(),
            0,
            null);
    EndpointWorker w = new EndpointWorker(slow, 100, 100, 0);
    List<Delivery> many = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      many.add(delivery(i, UUID.randomUUID()));
    }
    w.loaded(many);
    assertThat(w.startable(T0, 0)).hasSize(3);
    assertThat(w.startable(T0, 100_000_000)).isEmpty();
    assertThat(w.startable(T0, 400_000_000)).hasSize(1);
  }

  @Test
  void throttlingAnswersSlowTheWholeEndpointDownAndRetryAfterIsHonoured() {
    EndpointWorker w = new EndpointWorker(endpoint, 8, 100, 0);
    w.loaded(List.of(delivery(1, A), delivery(2, B)));
    List<EndpointWorker.Start> starts = w.startable(T0, 1);
    assertThat(starts).hasSize(2);
    EndpointWorker.Outcome limited =
        w.finished(
            starts.get(0).delivery(),
            new Attempt(429, 1, "HTTP 429", Duration.ofSeconds(30)),
            T0,
            schedule,
            FIVE_DAYS);
    assertThat(limited.result().nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    w.finished(starts.get(1).delivery(), OK, T0, schedule, FIVE_DAYS);
    w.loaded(List.of(delivery(3, C)));
    assertThat(w.startable(T0.plusSeconds(29), 2)).isEmpty();
    assertThat(seqs(w.startable(T0.plusSeconds(30), 3))).containsExactly(1L, 3L);
  }

  @Test
  void aReplayReloadsEverythingButWhatIsInFlight() {
    EndpointWorker w = new EndpointWorker(endpoint, 8, 100, 0);
    w.loaded(List.of(delivery(5, A), delivery(6, B)));
    w.startable(T0, 1);
    assertThat(w.ask().afterSeq()).isEqualTo(6);
    Endpoint replayed =
        new Endpoint(
            endpoint.id(),
            endpoint.tenantId(),
            endpoint.url(),
            "active",
            1000,
            endpoint.keys(),
            1,
            null);
    w.update(replayed);
    assertThat(w.ask().afterSeq()).isZero();
    assertThat(w.backlog()).isEqualTo(2);
  }
}
