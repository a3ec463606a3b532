package com.saldo.webhooks.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Where deliveries, leases and attempts are kept. */
public interface DeliveryStore {

  /** A request for more pending deliveries of one endpoint: those after a seq, at most a count. */
  record Ask(UUID endpointId, long afterSeq, int room) {}

  /** A change to an endpoint that an attempt caused. */
  record EndpointChange(UUID endpointId, boolean succeeded, Instant at, String disabledReason) {}

  /** Pending deliveries in seq order per endpoint, with their events. */
  List<Delivery> pending(Collection<Ask> asks);

  /** Records attempts and what their deliveries and endpoints became, in one transaction. */
  void record(List<Result> results, List<EndpointChange> changes);

  /** Marks the replica alive, renews its leases until {@code until}; returns those it holds. */
  Set<UUID> renew(UUID worker, Instant now, Instant until);

  /** The replicas seen since {@code since}. */
  int liveWorkers(Instant since);

  /** How many endpoints are active and so need a replica. */
  int activeEndpoints();

  /** Takes up to {@code count} active endpoints whose lease is free or expired. */
  Set<UUID> claim(UUID worker, int count, Instant now, Instant until);

  /** Gives leases up, so that another replica can take them at once. */
  void release(UUID worker, Collection<UUID> endpoints);

  /** The endpoints' current settings and keys. */
  Map<UUID, Endpoint> endpoints(Collection<UUID> ids, Instant now);
}
