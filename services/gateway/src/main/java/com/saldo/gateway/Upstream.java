package com.saldo.gateway;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The gateway's client to the backends: blocking HTTP/1.1 over a bounded pool of kept-alive
 * connections, one request per connection at a time. The gateway serves each request on its own
 * virtual thread, so a blocking call costs no platform thread, and the request does not hop through
 * futures and a selector thread as it did with the JDK's asynchronous client, which took more than
 * half of the gateway's CPU (see bench/RESULTS.md).
 *
 * <p>Nothing is retried or redirected here; {@link Proxy} decides what may be retried. A connection
 * idle for more than a second is checked before it is reused, so one a backend closed (a restart,
 * its keep-alive timeout) is replaced instead of failing a request.
 */
final class Upstream {

  private Upstream() {}

  static CloseableHttpClient client(GatewayProperties properties) {
    int instances = properties.backends().values().stream().mapToInt(List::size).sum();
    Timeout connect = Timeout.of(properties.connectTimeout());
    Timeout answer = Timeout.of(properties.requestTimeout());
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
            .setConnPoolPolicy(PoolReusePolicy.LIFO)
            .setMaxConnTotal(properties.backendConnectionsMax() * Math.max(1, instances))
            .setMaxConnPerRoute(properties.backendConnectionsMax())
            .setDefaultSocketConfig(
                SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(answer).build())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(connect)
                    .setSocketTimeout(answer)
                    .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                    .setTimeToLive(TimeValue.ofMinutes(10))
                    .build())
            .build();
    return HttpClients.custom()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(answer)
                .setRedirectsEnabled(false)
                .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .disableConnectionState()
        .evictExpiredConnections()
        .evictIdleConnections(TimeValue.of(30, TimeUnit.SECONDS))
        .build();
  }
}
