package com.saldo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.client.Webhooks.WebhookVerificationException;
import com.saldo.client.model.Event;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhooksTest {

  // the test vector published with the Standard Webhooks specification
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330;
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Clock THEN =
      Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 10), ZoneOffset.UTC);

  private static Map<String, String> headers(String signature, long timestamp) {
    return Map.of(
        "Webhook-Id",
        ID,
        "webhook-timestamp",
        Long.toString(timestamp),
        "WEBHOOK-SIGNATURE",
        signature);
  }

  private static void verify(Map<String, String> headers, byte[] body) {
    Webhooks.verifySignature(SECRET, headers, body, Webhooks.DEFAULT_TOLERANCE, THEN);
  }

  @Test
  void theSpecificationsTestVectorVerifiesByteForByte() {
    assertThat("v1," + Webhooks.signature(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    assertThatCode(() -> verify(headers(SIGNATURE, TIMESTAMP), BODY)).doesNotThrowAnyException();
  }

  @Test
  void duringARotationEitherOfSeveralSignaturesMatches() {
    String other = "v1," + Webhooks.signature("whsec_" + "A".repeat(44), ID, TIMESTAMP, BODY);
    assertThatCode(() -> verify(headers(other + " " + SIGNATURE, TIMESTAMP), BODY))
        .doesNotThrowAnyException();
    assertThatCode(() -> verify(headers("v1a,xyz " + SIGNATURE, TIMESTAMP), BODY))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> verify(headers(other, TIMESTAMP), BODY))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aChangedBodyIdOrTimestampFails() {
    byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> verify(headers(SIGNATURE, TIMESTAMP), tampered))
        .hasMessageContaining("no signature");
    assertThatThrownBy(() -> verify(headers(SIGNATURE, TIMESTAMP + 1), BODY))
        .hasMessageContaining("no signature");
    Map<String, String> otherId =
        Map.of(
            "webhook-id",
            "msg_x",
            "webhook-timestamp",
            "" + TIMESTAMP,
            "webhook-signature",
            SIGNATURE);
    assertThatThrownBy(() -> verify(otherId, BODY)).hasMessageContaining("no signature");
    assertThatThrownBy(() -> verify(headers("v1,!!!", TIMESTAMP), BODY))
        .hasMessageContaining("no signature");
  }

  @Test
  void aTimestampOutsideTheToleranceFailsEvenWithAGoodSignature() {
    Clock later = Clock.offset(THEN, Duration.ofMinutes(6));
    assertThatThrownBy(
            () ->
                Webhooks.verifySignature(
                    SECRET, headers(SIGNATURE, TIMESTAMP), BODY, Webhooks.DEFAULT_TOLERANCE, later))
        .hasMessageContaining("tolerance");
    Clock earlier = Clock.offset(THEN, Duration.ofMinutes(-6));
    assertThatThrownBy(
            () ->
                Webhooks.verifySignature(
                    SECRET,
                    headers(SIGNATURE, TIMESTAMP),
                    BODY,
                    Webhooks.DEFAULT_TOLERANCE,
                    earlier))
        .hasMessageContaining("tolerance");
    assertThatCode(
            () ->
                Webhooks.verifySignature(
                    SECRET, headers(SIGNATURE, TIMESTAMP), BODY, Duration.ofMinutes(10), later))
        .doesNotThrowAnyException();
    Map<String, String> noTimestamp = new HashMap<>(headers(SIGNATURE, TIMESTAMP));
    noTimestamp.remove("webhook-timestamp");
    assertThatThrownBy(() -> verify(noTimestamp, BODY))
        .hasMessageContaining("webhook-timestamp is missing");
  }

  @Test
  void aSaldoDeliveryVerifiesAndReadsAsItsEvent() {
    String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    byte[] body =
        ("{\"seq\":7,\"id\":\"0b0c6a4e-2f8d-4d52-9a3e-6d1b2b9b4a11\",\"type\":\"transfer.posted\","
                + "\"createdAt\":\"2026-12-02T12:00:00Z\",\"data\":{\"amount\":100}}")
            .getBytes(StandardCharsets.UTF_8);
    long now = Instant.now().getEpochSecond();
    String id = "0b0c6a4e-2f8d-4d52-9a3e-6d1b2b9b4a11";
    Event event =
        Webhooks.verify(
            secret,
            Map.of(
                "webhook-id",
                id,
                "webhook-timestamp",
                Long.toString(now),
                "webhook-signature",
                "v1," + Webhooks.signature(secret, id, now, body)),
            body);
    assertThat(event.seq()).isEqualTo(7);
    assertThat(event.aboutTransfer()).isTrue();
    assertThat(event.data().get("amount").asLong()).isEqualTo(100);
  }
}
