package com.saldo.client.error;

/**
 * HTTP 422 {@code target_not_allowed}: The webhook's url resolves to an address that deliveries may
 * not go to: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10),
 * link-local, the cloud metadata service (169.254.169.254, fd00:ec2::254), multicast, unspecified,
 * reserved or documentation ranges, or an IPv6 form that carries such an IPv4 address (IPv4-mapped,
 * IPv4-compatible, NAT64, 6to4, Teredo).
 */
public final class TargetNotAllowedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public TargetNotAllowedException(Problem problem) {
    super(problem);
  }
}
