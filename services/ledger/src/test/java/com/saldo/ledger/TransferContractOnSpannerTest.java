package com.saldo.ledger;

import com.saldo.testing.OnSpanner;

/** {@link TransferContractTest}, run on the Spanner emulator. */
@OnSpanner
class TransferContractOnSpannerTest extends TransferContractTest {}
