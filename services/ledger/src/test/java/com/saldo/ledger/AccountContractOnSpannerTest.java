package com.saldo.ledger;

/** {@link AccountContractTest}, run on the Spanner emulator. */
@OnSpanner
class AccountContractOnSpannerTest extends AccountContractTest {}
