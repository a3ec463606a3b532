package com.saldo.webhooks.endpoint;

import java.util.List;

/** The events the ledger writes, which a webhook may subscribe to. */
public final class EventTypes {

  public static final List<String> ALL =
      List.of(
          "transfer.posted",
          "transfer.pending",
          "transfer.captured",
          "transfer.voided",
          "transfer.expired",
          "transfer.refunded",
          "account.created",
          "account.updated");

  private EventTypes() {}
}
