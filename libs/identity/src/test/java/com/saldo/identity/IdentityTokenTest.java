package com.saldo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proves that a backend accepts exactly the identities the gateway signed and that are current: a
 * wrong key, an altered tenant or scope, an expired or overlong token, or garbage is refused.
 */
class IdentityTokenTest {

  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private final IdentityToken tokens = new IdentityToken(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
  private final CallerIdentity alice =
      new CallerIdentity(UUID.randomUUID(), "key-1", Set.of(Scope.ACCOUNTS_READ));

  @Test
  void aSignedCurrentTokenIsAccepted() {
    assertThat(tokens.verify(tokens.sign(alice, Duration.ofSeconds(30)))).contains(alice);
    CallerIdentity operator = new CallerIdentity(null, "op", Set.of(Scope.OPERATOR));
    assertThat(tokens.verify(tokens.sign(operator, Duration.ofSeconds(30)))).contains(operator);
  }

  @Test
  void anotherKeyIsRefused() {
    IdentityToken forger =
        new IdentityToken(
            "another key of at least 32 bytes!!".getBytes(StandardCharsets.US_ASCII),
            Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(tokens.verify(forger.sign(alice, Duration.ofSeconds(30)))).isEmpty();
  }

  @Test
  void anAlteredClaimIsRefused() {
    String token = tokens.sign(alice, Duration.ofSeconds(30));
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String altered =
        claims
            .replace(alice.tenantId().toString(), UUID.randomUUID().toString())
            .replace("accounts:read", "transfers:write");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(altered.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(tokens.verify(forged)).isEmpty();
  }

  @Test
  void anExpiredTokenIsRefused() {
    IdentityToken past = new IdentityToken(KEY, Clock.fixed(NOW.minusSeconds(40), ZoneOffset.UTC));
    assertThat(tokens.verify(past.sign(alice, Duration.ofSeconds(30)))).isEmpty();
    IdentityToken recent =
        new IdentityToken(KEY, Clock.fixed(NOW.minusSeconds(20), ZoneOffset.UTC));
    assertThat(tokens.verify(recent.sign(alice, Duration.ofSeconds(30)))).contains(alice);
  }

  @Test
  void garbageIsRefused() {
    for (String junk :
        new String[] {null, "", "v1", "v1..", "v2.e30.AAAA", "v1.!!!.###", "x".repeat(5000)}) {
      assertThat(tokens.verify(junk)).isEmpty();
    }
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now = NOW;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void theGatewaysTokenIsReusedForHalfItsLifetimeOnlyAndPerCaller() {
    MovingClock clock = new MovingClock();
    IdentityToken gateway = new IdentityToken(KEY, clock);
    String first = gateway.current(alice, Duration.ofSeconds(30));
    CallerIdentity bob = new CallerIdentity(alice.tenantId(), "key-2", alice.scopes());
    assertThat(gateway.current(bob, Duration.ofSeconds(30))).isNotEqualTo(first);
    clock.now = NOW.plusSeconds(14);
    assertThat(gateway.current(alice, Duration.ofSeconds(30))).isEqualTo(first);
    clock.now = NOW.plusSeconds(15);
    String renewed = gateway.current(alice, Duration.ofSeconds(30));
    assertThat(renewed).isNotEqualTo(first);
    assertThat(gateway.verify(renewed)).contains(alice);
  }

  @Test
  void aRememberedTokenStillExpires() {
    MovingClock clock = new MovingClock();
    IdentityToken backend = new IdentityToken(KEY, clock);
    String token = backend.sign(alice, Duration.ofSeconds(30));
    assertThat(backend.verify(token)).contains(alice);
    clock.now = NOW.plusSeconds(34);
    assertThat(backend.verify(token)).contains(alice);
    clock.now = NOW.plusSeconds(35);
    assertThat(backend.verify(token)).isEmpty();
    assertThat(backend.remembered()).isZero();
  }

  @Test
  void theMemoryOfCheckedTokensIsBoundedAndHoldsOnlyGoodOnes() {
    MovingClock clock = new MovingClock();
    IdentityToken backend = new IdentityToken(KEY, clock);
    String good = backend.sign(alice, Duration.ofSeconds(30));
    String bad = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA";
    for (int i = 0; i < 3; i++) {
      assertThat(backend.verify(bad)).isEmpty();
    }
    assertThat(backend.remembered()).isZero();
    for (int i = 0; i <= IdentityToken.CACHE_SIZE_MAX + 10; i++) {
      CallerIdentity caller =
          new CallerIdentity(alice.tenantId(), "key-" + i, Set.of(Scope.ACCOUNTS_READ));
      assertThat(backend.verify(backend.sign(caller, Duration.ofSeconds(30)))).contains(caller);
    }
    assertThat(backend.remembered()).isBetween(1, IdentityToken.CACHE_SIZE_MAX);
    assertThat(backend.verify(good)).contains(alice);
    assertThat(backend.verify(bad)).isEmpty();
  }
}
