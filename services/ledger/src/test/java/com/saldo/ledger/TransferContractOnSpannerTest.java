package com.saldo.ledger;

/** {@link TransferContractTest}, run on the Spanner emulator. */
@OnSpanner
class TransferContractOnSpannerTest extends TransferContractTest {}
