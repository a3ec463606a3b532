package com.saldo.system;

/**
 * {@link WalkthroughSystemTest} against a Saldo whose ledger, query service and backoffice run on
 * the Spanner emulator. The README's events are left out: the webhooks service does not run on
 * Spanner yet (docs/spanner.md).
 */
@OnSpanner
class WalkthroughOnSpannerSystemTest extends WalkthroughSystemTest {}
