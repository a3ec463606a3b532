package com.saldo.gateway;

import com.saldo.identity.CallerIdentity;

/** A verified credential: whom it identifies and the rate it may send at. */
record Verified(CallerIdentity identity, int perSecond, int burst) {}
