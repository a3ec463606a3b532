package com.saldo.system;

/** {@link QuerySystemTest}, with the ledger and the query service on the Spanner emulator. */
@OnSpanner
class QueryOnSpannerSystemTest extends QuerySystemTest {}
