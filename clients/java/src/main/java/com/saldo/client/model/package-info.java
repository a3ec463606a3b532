/** The records of the public API: what the client sends and what Saldo answers. */
package com.saldo.client.model;
