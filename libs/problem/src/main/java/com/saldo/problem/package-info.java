/**
 * How every Saldo service answers a request that cannot succeed: RFC 9457 problem bodies with a
 * stable {@code code}, request ids, body limits and strict JSON reading. Conventions only; the
 * services decide which problems exist.
 */
package com.saldo.problem;
