package com.saldo.webhooks.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only resolver: a delivery connects to addresses that {@link TargetPolicy} has
 * just allowed, from the same lookup, so a name cannot pass the check and then resolve elsewhere.
 */
public final class SafeDnsResolver implements DnsResolver {

  /** A lookup refused by the policy; its message says why. */
  public static final class RefusedHost extends UnknownHostException {
    public RefusedHost(String message) {
      super(message);
    }
  }

  private final TargetPolicy policy;

  public SafeDnsResolver(TargetPolicy policy) {
    this.policy = policy;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    try {
      return policy.addresses(bare).toArray(InetAddress[]::new);
    } catch (TargetPolicy.Refused refused) {
      throw new RefusedHost("target not allowed: " + refused.getMessage());
    }
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }
}
