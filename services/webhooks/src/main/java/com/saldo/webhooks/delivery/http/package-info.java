/** Attempts over HTTP: Standard Webhooks headers, the SSRF-safe resolver, bounded time and size. */
package com.saldo.webhooks.delivery.http;
