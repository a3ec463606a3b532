package com.saldo.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The instances of each service, taken in turn. An instance that refused a connection is left out
 * for the ejection time, then tried again; when every instance is out, all are tried.
 */
final class Backends {

  private final Map<String, Backend> services;

  Backends(Map<String, List<URI>> backends, Duration ejection) {
    this.services =
        backends.entrySet().stream()
            .collect(
                java.util.stream.Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> new Backend(e.getValue(), ejection.toNanos())));
  }

  /** The instances to try for one request, the preferred first. */
  List<Instance> order(String service) {
    Backend backend = services.get(service);
    return backend == null ? List.of() : backend.order();
  }

  record Instance(URI base, Runnable eject) {}

  private static final class Backend {
    private final List<URI> instances;
    private final AtomicLongArray ejectedUntil;
    private final AtomicInteger next = new AtomicInteger();
    private final long ejectionNanos;

    Backend(List<URI> instances, long ejectionNanos) {
      this.instances = List.copyOf(instances);
      this.ejectedUntil = new AtomicLongArray(instances.size());
      this.ejectionNanos = ejectionNanos;
    }

    List<Instance> order() {
      int n = instances.size();
      int start = Math.floorMod(next.getAndIncrement(), n);
      long now = System.nanoTime();
      List<Instance> healthy = new ArrayList<>(n);
      List<Instance> ejected = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        int i = (start + k) % n;
        Instance instance =
            new Instance(
                instances.get(i), () -> ejectedUntil.set(i, System.nanoTime() + ejectionNanos));
        (ejectedUntil.get(i) - now > 0 ? ejected : healthy).add(instance);
      }
      healthy.addAll(ejected);
      return healthy;
    }
  }
}
