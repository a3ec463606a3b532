package com.saldo.gateway;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * Puts the current span's trace context (W3C {@code traceparent}) on a request the gateway sends to
 * a backend, so that the backend's spans join the caller's trace under the gateway's span. A
 * caller's own trace headers are never forwarded as they came.
 */
final class TracePropagation {

  /** No tracing: nothing is added. */
  static final TracePropagation NONE = new TracePropagation(null, null);

  private static final Propagator.Setter<ClassicRequestBuilder> HEADERS =
      (request, name, value) -> request.setHeader(name, value);

  private final Tracer tracer;
  private final Propagator propagator;

  TracePropagation(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  void inject(ClassicRequestBuilder request) {
    if (tracer == null || propagator == null) {
      return;
    }
    Span span = tracer.currentSpan();
    if (span != null) {
      propagator.inject(span.context(), request, HEADERS);
    }
  }
}
