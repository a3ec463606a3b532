package com.saldo.examples;

import com.saldo.client.Saldo;
import com.saldo.client.error.AccountFrozenException;
import com.saldo.client.error.InsufficientFundsException;
import com.saldo.client.model.Account;
import com.saldo.client.model.NewTransfer;
import com.saldo.client.model.Transfer;
import java.util.UUID;

/**
 * A point-of-sale terminal's day in three calls: a fuel pump authorises 30.00 with a hold before it
 * pumps, captures what was pumped (the rest is released at once), and the shop refunds part of the
 * sale at the counter. Run it against {@code ./saldo up} with a till key:
 *
 * <pre>
 * SALDO_API_KEY=sk_... java -cp ... com.saldo.examples.PosFlow CARD_ACCOUNT SHOP_ACCOUNT
 * </pre>
 */
public final class PosFlow {

  /** What the till saw. */
  public record Receipt(Transfer hold, Transfer sale, Transfer refund, Account card) {}

  private final Saldo saldo;

  public PosFlow(Saldo saldo) {
    this.saldo = saldo;
  }

  /**
   * Authorise, capture, refund. A declined card ends the flow with the reason the till shows; a
   * lost connection is retried by the client with the same transfer id, so nothing is charged
   * twice.
   */
  public Receipt sell(UUID card, UUID shop) {
    Transfer hold;
    try {
      hold =
          saldo
              .transfers()
              .create(
                  NewTransfer.payment(card, shop, 3_000, "EUR")
                      .withReference("pump-4/authorisation")
                      .asHold(15 * 60));
    } catch (InsufficientFundsException | AccountFrozenException declined) {
      throw new IllegalStateException("declined: " + declined.code(), declined);
    }
    Transfer sale = saldo.transfers().capture(hold.id(), 2_000L);
    Transfer refund =
        saldo
            .transfers()
            .create(NewTransfer.refund(sale, 250).withReference("counter/return-of-a-coffee"));
    return new Receipt(hold, sale, refund, saldo.accounts().get(card));
  }

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: PosFlow CARD_ACCOUNT SHOP_ACCOUNT (SALDO_URL, SALDO_API_KEY)");
      System.exit(2);
    }
    Receipt receipt =
        new PosFlow(Saldo.fromEnvironment())
            .sell(UUID.fromString(args[0]), UUID.fromString(args[1]));
    System.out.printf(
        "held %d, captured %d, refunded %d; the card now has %d available%n",
        receipt.hold().amount(),
        receipt.sale().capturedAmount(),
        receipt.refund().amount(),
        receipt.card().balance().available());
  }
}
