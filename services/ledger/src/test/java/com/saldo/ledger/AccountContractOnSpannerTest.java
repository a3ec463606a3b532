package com.saldo.ledger;

import com.saldo.testing.OnSpanner;

/** {@link AccountContractTest}, run on the Spanner emulator. */
@OnSpanner
class AccountContractOnSpannerTest extends AccountContractTest {}
