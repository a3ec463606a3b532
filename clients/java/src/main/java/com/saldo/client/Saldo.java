package com.saldo.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The client of Saldo's public API, safe to share between threads. Make one per process:
 *
 * <pre>{@code
 * Saldo saldo = Saldo.builder().baseUrl("https://saldo.example.com").apiKey(key).build();
 * Transfer sale = saldo.transfers().create(NewTransfer.payment(card, shop, 1250, "EUR"));
 * }</pre>
 *
 * <p>Every call retries what is safe to retry under its {@link RetryPolicy} (writes of transfers
 * and accounts carry their id, so a retry never applies twice), and ends either with Saldo's answer
 * or with a {@link com.saldo.client.error.SaldoException}: the problem Saldo answered, one subtype
 * per code, or {@link com.saldo.client.error.ConnectionFailedException}.
 */
public final class Saldo {

  private final Accounts accounts;
  private final Transfers transfers;
  private final History history;
  private final Events events;
  private final WebhookEndpoints webhooks;
  private final Tenants tenants;
  private final Operator operator;

  private Saldo(Transport transport) {
    this.accounts = new Accounts(transport);
    this.transfers = new Transfers(transport);
    this.history = new History(transport);
    this.events = new Events(transport);
    this.webhooks = new WebhookEndpoints(transport);
    this.tenants = new Tenants(transport);
    this.operator = new Operator(transport);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the environment: {@code SALDO_URL} (default {@code
   * http://localhost:8080}) and {@code SALDO_API_KEY}.
   */
  public static Saldo fromEnvironment() {
    String url = System.getenv("SALDO_URL");
    return builder()
        .baseUrl(url == null || url.isBlank() ? "http://localhost:8080" : url)
        .apiKey(System.getenv("SALDO_API_KEY"))
        .build();
  }

  public Accounts accounts() {
    return accounts;
  }

  public Transfers transfers() {
    return transfers;
  }

  public History history() {
    return history;
  }

  public Events events() {
    return events;
  }

  public WebhookEndpoints webhooks() {
    return webhooks;
  }

  public Tenants tenants() {
    return tenants;
  }

  public Operator operator() {
    return operator;
  }

  /** How to reach Saldo, as whom, and how patiently. */
  public static final class Builder {
    private URI baseUrl;
    private String apiKey;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private HttpClient httpClient;
    private String userAgent = "saldo-java";

    private Builder() {}

    /** The gateway's base URL, such as {@code https://saldo.example.com}. */
    public Builder baseUrl(String value) {
      URI uri = URI.create(Objects.requireNonNull(value, "baseUrl"));
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("baseUrl must be http(s): " + value);
      }
      this.baseUrl = URI.create(value.endsWith("/") ? value : value + "/");
      return this;
    }

    /** The credential: an API key ({@code sk_...}) or a JWT. */
    public Builder apiKey(String value) {
      this.apiKey = value;
      return this;
    }

    public Builder retry(RetryPolicy value) {
      this.retry = Objects.requireNonNull(value, "retry");
      return this;
    }

    /** How long one connection may take to open (5 s). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
      return this;
    }

    /** How long one attempt may take, answer included (10 s). */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = Objects.requireNonNull(value, "requestTimeout");
      return this;
    }

    /** An HttpClient of the caller's (its connect timeout then applies instead). */
    public Builder httpClient(HttpClient value) {
      this.httpClient = value;
      return this;
    }

    /** Names the caller in the {@code User-Agent}, such as {@code till-firmware/4.2}. */
    public Builder userAgent(String value) {
      this.userAgent = "saldo-java " + Objects.requireNonNull(value, "userAgent");
      return this;
    }

    public Saldo build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      HttpClient http =
          httpClient != null
              ? httpClient
              : HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(connectTimeout)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
      return new Saldo(new Transport(http, baseUrl, apiKey, retry, requestTimeout, userAgent));
    }
  }
}
