/** Which URLs a webhook may target and which addresses a delivery may connect to (SSRF). */
package com.saldo.webhooks.egress;
