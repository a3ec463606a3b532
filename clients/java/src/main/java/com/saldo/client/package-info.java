/**
 * The Java client of Saldo: {@link com.saldo.client.Saldo} and its resources, {@link
 * com.saldo.client.RetryPolicy}, {@link com.saldo.client.Webhooks} for receivers. Records of the
 * API are in {@code com.saldo.client.model}, the exception of each problem code in {@code
 * com.saldo.client.error}.
 */
package com.saldo.client;
