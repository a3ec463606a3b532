package com.saldo.webhooks.web;

import com.saldo.testing.OnSpanner;

/** {@link WebhookApiTest}, run with the service on the Spanner emulator. */
@OnSpanner
class WebhookApiOnSpannerTest extends WebhookApiTest {}
