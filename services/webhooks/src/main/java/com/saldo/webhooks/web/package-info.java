/** The webhooks service's HTTP API: the event feed and the tenants' webhooks. */
package com.saldo.webhooks.web;
