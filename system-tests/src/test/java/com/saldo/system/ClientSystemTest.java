package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.client.Saldo;
import com.saldo.client.error.AccountNotFoundException;
import com.saldo.client.error.HoldNotPendingException;
import com.saldo.client.error.IdConflictException;
import com.saldo.client.model.Account;
import com.saldo.client.model.Bound;
import com.saldo.client.model.Event;
import com.saldo.client.model.NewAccount;
import com.saldo.client.model.NewTransfer;
import com.saldo.client.model.NewWebhook;
import com.saldo.client.model.Transfer;
import com.saldo.client.model.Webhook;
import com.saldo.examples.PosFlow;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client against a running Saldo: the POS example of {@code examples/} end to end, and the
 * client's reading of accounts, history, statements, events and webhooks as Saldo answers them.
 */
class ClientSystemTest {

  private static Saldo saldo;
  private static UUID funding;

  @BeforeAll
  static void start() {
    SaldoCluster cluster = SaldoCluster.get();
    UUID tenant = cluster.newTenant("Client shop");
    String key =
        cluster.newKey(
            tenant,
            List.of(
                "accounts:read",
                "accounts:write",
                "transfers:read",
                "transfers:write",
                "webhooks:manage"));
    saldo = Saldo.builder().baseUrl(cluster.url()).apiKey(key).build();
    funding = saldo.accounts().create(NewAccount.of("EUR").withMinBalance(Bound.none())).id();
  }

  private static UUID card(long topUp) {
    UUID card = saldo.accounts().create(NewAccount.of("EUR")).id();
    saldo.transfers().create(NewTransfer.topUp(funding, card, topUp, "EUR"));
    return card;
  }

  @Test
  void thePosExampleAuthorisesCapturesAndRefunds() {
    UUID card = card(5_000);
    UUID shop = saldo.accounts().create(NewAccount.of("EUR")).id();
    PosFlow.Receipt receipt = new PosFlow(saldo).sell(card, shop);
    assertThat(receipt.hold().status()).isEqualTo("pending");
    assertThat(receipt.sale().capturedAmount()).isEqualTo(2_000);
    assertThat(receipt.refund().refundOf()).isEqualTo(receipt.sale().id());
    assertThat(receipt.card().balance().posted()).isEqualTo(5_000 - 2_000 + 250);
    assertThat(receipt.card().balance().held()).isZero();
    assertThat(saldo.accounts().get(shop).balance().posted()).isEqualTo(2_000 - 250);
    assertThatThrownBy(() -> saldo.transfers().voidHold(receipt.hold().id()))
        .isInstanceOf(HoldNotPendingException.class);
  }

  @Test
  void anIdIsAppliedOnceAndAnotherBodyWithItIsAConflict() {
    UUID card = card(1_000);
    UUID shop = saldo.accounts().create(NewAccount.of("EUR")).id();
    NewTransfer sale = NewTransfer.payment(card, shop, 100, "EUR").withId(UUID.randomUUID());
    Transfer first = saldo.transfers().create(sale);
    Transfer again = saldo.transfers().create(sale);
    assertThat(again).isEqualTo(first);
    assertThat(saldo.accounts().get(card).balance().posted()).isEqualTo(900);
    assertThatThrownBy(
            () ->
                saldo
                    .transfers()
                    .create(NewTransfer.payment(card, shop, 101, "EUR").withId(sale.id())))
        .isInstanceOf(IdConflictException.class);
    assertThatThrownBy(() -> saldo.accounts().get(UUID.randomUUID()))
        .isInstanceOf(AccountNotFoundException.class);
  }

  @Test
  void historyStatementsAndTheFeedReadAsTheirRecords() throws Exception {
    UUID card = card(700);
    saldo.transfers().create(NewTransfer.topUp(funding, card, 300, "EUR"));
    Awaitility.await()
        .untilAsserted(() -> assertThat(saldo.history().stream(card, null, null)).hasSize(2));
    var page = saldo.history().entries(card, null, null, null, 10);
    assertThat(page.data().getFirst().balanceAfter()).isEqualTo(1_000);
    assertThat(page.consistentAsOf()).isNotNull();
    try (InputStream csv = saldo.history().statement(card, null, null)) {
      assertThat(new String(csv.readAllBytes(), StandardCharsets.UTF_8))
          .contains("top_up,,7.00,7.00")
          .contains("closing,")
          .containsPattern("closing,[^\\n]*,10\\.00\\s*$");
    }
    Webhook hook =
        saldo
            .webhooks()
            .create(NewWebhook.of("http://127.0.0.1:9/hooks", List.of("transfer.posted")));
    assertThat(hook.secret()).startsWith("whsec_");
    assertThat(saldo.webhooks().get(hook.id()).secret()).isNull();
    Awaitility.await()
        .untilAsserted(
            () ->
                assertThat(saldo.events().after(0, 1000).data())
                    .extracting(Event::type)
                    .contains("account.created", "transfer.posted"));
    Account read = saldo.accounts().get(card);
    assertThat(saldo.accounts().stream().map(Account::id)).contains(read.id());
  }
}
