package com.saldo.client.model;

/**
 * An account's balance in minor units.
 *
 * @param posted credits posted minus debits posted: what the customer has
 * @param held reserved by open holds
 * @param available posted minus held: what the customer may spend
 */
public record Balance(long posted, long held, long available) {}
