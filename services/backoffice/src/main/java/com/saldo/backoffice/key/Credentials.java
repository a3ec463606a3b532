package com.saldo.backoffice.key;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds the active API key a presented secret belongs to. */
@Component
public class Credentials {

  private final ApiKeys keys;

  public Credentials(ApiKeys keys) {
    this.keys = keys;
  }

  /** The active key whose hash matches; the bootstrap key when the key has no id part. */
  public Optional<ApiKeys.ApiKey> find(String presented) {
    Optional<ApiKeys.ApiKey> candidate =
        keys.find(KeySecrets.idOf(presented).orElse(OperatorBootstrap.BOOTSTRAP_ID));
    return candidate.filter(
        k -> k.revokedAt() == null && KeySecrets.matches(presented, k.keyHash()));
  }
}
