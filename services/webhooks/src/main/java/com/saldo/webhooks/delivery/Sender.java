package com.saldo.webhooks.delivery;

/** Sends one attempt of a delivery to its endpoint; never throws, the attempt says what failed. */
public interface Sender {
  Attempt send(Endpoint endpoint, Delivery delivery);
}
