package com.saldo.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits on what a request may carry, the same in every service. */
@ConfigurationProperties("saldo.http")
public record HttpLimits(@DefaultValue("1048576") long bodySizeMax) {

  public HttpLimits {
    if (bodySizeMax < 1024 || bodySizeMax > 64L << 20) {
      throw new IllegalArgumentException("saldo.http.body-size-max must be within 1 KiB..64 MiB");
    }
  }
}
