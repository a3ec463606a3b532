package com.saldo.system;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the system suites on PostgreSQL first and those {@link OnSpanner} last, the one that starts
 * a Saldo of its own on the emulator ({@link WebhooksOnSpannerSystemTest}) before those that share
 * {@link SaldoCluster#onSpanner}. That shared Saldo runs until the JVM ends, and its webhooks
 * service's loops keep the emulator (and with it a core) busy: no suite measured in time should run
 * beside it.
 */
public final class SpannerSuitesLast implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(Comparator.comparingInt(SpannerSuitesLast::rank));
  }

  private static int rank(ClassDescriptor suite) {
    if (!suite.isAnnotated(OnSpanner.class)) {
      return 0;
    }
    return suite.getTestClass() == WebhooksOnSpannerSystemTest.class ? 1 : 2;
  }
}
