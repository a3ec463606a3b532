/** Tenants' webhook endpoints: what they subscribe to, their state, and what the API shows. */
package com.saldo.webhooks.endpoint;
