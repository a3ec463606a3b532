package com.saldo.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.client.error.Problem;
import com.saldo.client.model.Account;
import com.saldo.client.model.AccountChange;
import com.saldo.client.model.ApiKey;
import com.saldo.client.model.AuditRecord;
import com.saldo.client.model.Balance;
import com.saldo.client.model.BalanceAsOf;
import com.saldo.client.model.BatchResult;
import com.saldo.client.model.DeliveryAttempt;
import com.saldo.client.model.Entry;
import com.saldo.client.model.Event;
import com.saldo.client.model.EventDelivery;
import com.saldo.client.model.NewAccount;
import com.saldo.client.model.NewApiKey;
import com.saldo.client.model.NewTransfer;
import com.saldo.client.model.NewWebhook;
import com.saldo.client.model.RateLimit;
import com.saldo.client.model.Replay;
import com.saldo.client.model.Tenant;
import com.saldo.client.model.Transfer;
import com.saldo.client.model.VerifyReport;
import com.saldo.client.model.Webhook;
import com.saldo.client.model.WebhookChange;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The client and {@code /v1/openapi.json} describe the same API: every operation of the document
 * has a client method and every client method an operation, and every schema of the document has a
 * record with exactly its fields, and every record a schema.
 */
class OpenApiContractTest {

  private static final Path DOCUMENT =
      Path.of("../../services/gateway/src/main/resources/openapi.json");

  /** The records, by the name of their schema. */
  private static final Map<String, Class<? extends Record>> RECORDS =
      Map.ofEntries(
          Map.entry("Account", Account.class),
          Map.entry("Balance", Balance.class),
          Map.entry("NewAccount", NewAccount.class),
          Map.entry("AccountChange", AccountChange.class),
          Map.entry("Transfer", Transfer.class),
          Map.entry("NewTransfer", NewTransfer.class),
          Map.entry("BatchResult", BatchResult.class),
          Map.entry("BatchError", BatchResult.Error.class),
          Map.entry("Entry", Entry.class),
          Map.entry("BalanceAsOf", BalanceAsOf.class),
          Map.entry("Tenant", Tenant.class),
          Map.entry("ApiKey", ApiKey.class),
          Map.entry("NewApiKey", NewApiKey.class),
          Map.entry("RateLimit", RateLimit.class),
          Map.entry("Event", Event.class),
          Map.entry("Webhook", Webhook.class),
          Map.entry("NewWebhook", NewWebhook.class),
          Map.entry("WebhookChange", WebhookChange.class),
          Map.entry("DeliveryAttempt", DeliveryAttempt.class),
          Map.entry("EventDelivery", EventDelivery.class),
          Map.entry("Replay", Replay.class),
          Map.entry("AuditRecord", AuditRecord.class),
          Map.entry("VerifyReport", VerifyReport.class));

  /**
   * Schemas the client reads as something other than one record: the batch's envelopes (built and
   * taken apart by {@link Transfers#batch}), and the problem, which the client reads into {@link
   * Problem} with two members of its own.
   */
  private static final Set<String> ENVELOPES = Set.of("Batch", "BatchResults", "Problem");

  private static final List<Class<?>> RESOURCES =
      List.of(
          Accounts.class,
          Transfers.class,
          History.class,
          Events.class,
          WebhookEndpoints.class,
          Tenants.class,
          Operator.class);

  private final JsonNode document = read();

  private static JsonNode read() {
    try {
      return Transport.JSON.readTree(Files.readAllBytes(DOCUMENT));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyOperationHasItsClientMethodAndEveryMethodItsOperation() {
    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      if (!path.getKey().startsWith("/v1/") || path.getKey().equals("/v1/openapi.json")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!op.getKey().equals("parameters")) {
          documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    Map<String, String> implemented = new HashMap<>();
    for (Class<?> resource : RESOURCES) {
      for (Method m : resource.getDeclaredMethods()) {
        Endpoint endpoint = m.getAnnotation(Endpoint.class);
        if (endpoint != null) {
          assertThat(Modifier.isPublic(m.getModifiers())).as(m.toString()).isTrue();
          String before = implemented.put(endpoint.value(), m.toString());
          assertThat(before).as("two methods for " + endpoint.value()).isNull();
        }
      }
    }
    assertThat(new TreeSet<>(implemented.keySet())).isEqualTo(documented);
  }

  @Test
  void everySchemaHasARecordWithExactlyItsFields() {
    Set<String> schemas = new HashSet<>();
    for (Map.Entry<String, JsonNode> schema : document.at("/components/schemas").properties()) {
      schemas.add(schema.getKey());
      if (ENVELOPES.contains(schema.getKey())) {
        continue;
      }
      Class<? extends Record> type = RECORDS.get(schema.getKey());
      assertThat(type).as("a record for the schema " + schema.getKey()).isNotNull();
      Set<String> properties = new TreeSet<>();
      schema.getValue().path("properties").propertyNames().forEach(properties::add);
      assertThat(components(type)).as(schema.getKey()).isEqualTo(properties);
    }
    assertThat(schemas).containsAll(RECORDS.keySet());
  }

  @Test
  void theProblemRecordHasEveryMemberOfTheSchemaAndOnlyTwoOfItsOwn() {
    Set<String> properties = new TreeSet<>();
    document.at("/components/schemas/Problem/properties").propertyNames().forEach(properties::add);
    Set<String> record = components(Problem.class);
    assertThat(record).containsAll(properties);
    record.removeAll(properties);
    assertThat(record).containsExactlyInAnyOrder("retryAfterSeconds", "extensions");
  }

  @Test
  void everyRecordOfTheModelIsInTheDocument() throws Exception {
    Path model = Path.of("src/main/java/com/saldo/client/model");
    Set<String> records;
    try (var files = Files.list(model)) {
      records =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
              .map(n -> n.substring(0, n.length() - 5))
              .filter(n -> !Set.of("Json", "Bound", "Page").contains(n)) // helpers, no schema
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> mapped =
        RECORDS.values().stream()
            .filter(c -> c.getEnclosingClass() == null)
            .map(Class::getSimpleName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(mapped).isEqualTo(records);
  }

  private static Set<String> components(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(RecordComponent::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
