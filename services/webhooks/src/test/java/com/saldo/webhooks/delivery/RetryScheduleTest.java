package com.saldo.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  private static final List<Duration> PUBLISHED =
      List.of("0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h", "10h", "10h", "10h", "10h")
          .stream()
          .map(s -> org.springframework.boot.convert.DurationStyle.detectAndParse(s))
          .toList();

  @Test
  void thePublishedScheduleSpansAboutThreeDays() {
    Duration total = PUBLISHED.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(total).isBetween(Duration.ofHours(60), Duration.ofHours(80));
    RetrySchedule exact = new RetrySchedule(PUBLISHED, 0, Duration.ofHours(1), () -> 0.5);
    assertThat(exact.next(0, T0, null)).isEqualTo(T0);
    assertThat(exact.next(1, T0, null)).isEqualTo(T0.plusSeconds(5));
    assertThat(exact.next(2, T0, null)).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(exact.next(12, T0, null)).isNull();
  }

  @Test
  void jitterVariesEachWaitWithinItsFraction() {
    RetrySchedule low = new RetrySchedule(PUBLISHED, 0.2, Duration.ofHours(1), () -> 0.0);
    RetrySchedule high = new RetrySchedule(PUBLISHED, 0.2, Duration.ofHours(1), () -> 1.0);
    assertThat(low.next(3, T0, null)).isEqualTo(T0.plus(Duration.ofMinutes(24)));
    assertThat(high.next(3, T0, null)).isEqualTo(T0.plus(Duration.ofMinutes(36)));
  }

  @Test
  void retryAfterIsHonouredUpToTheMaximum() {
    RetrySchedule s = new RetrySchedule(PUBLISHED, 0, Duration.ofHours(1), () -> 0.5);
    assertThat(s.next(1, T0, Duration.ofSeconds(90))).isEqualTo(T0.plusSeconds(90));
    assertThat(s.next(1, T0, Duration.ofDays(3))).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(s.next(4, T0, Duration.ofSeconds(1))).isEqualTo(T0.plus(Duration.ofHours(2)));
  }
}
