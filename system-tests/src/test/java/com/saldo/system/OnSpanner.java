package com.saldo.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A system suite run a second time against a Saldo whose ledger and query service run on the
 * Spanner emulator ({@link SaldoCluster#onSpanner}): put on a subclass of the suite. Where the
 * emulator is not installed the run is disabled, and the reason is printed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf("com.saldo.system.SaldoCluster#spannerAvailable")
public @interface OnSpanner {}
