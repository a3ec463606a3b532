package com.saldo.ledger;

import com.saldo.testing.SpannerEmulator;
import com.saldo.testing.TestBackend;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which database the suite class that is starting runs on: PostgreSQL, or the Spanner emulator for
 * a class marked {@link OnSpanner}. Noted before Spring loads the class's context, and read by
 * {@link LedgerServer} when it registers the datasource for that context.
 */
public final class SpannerRuns implements BeforeAllCallback {

  private static volatile TestBackend starting = TestBackend.POSTGRESQL;

  /** Whether the Spanner runs can happen here: the emulator is installed and started. */
  static boolean available() {
    return SpannerEmulator.get().isPresent();
  }

  static TestBackend starting() {
    return starting;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    starting =
        context.getRequiredTestClass().isAnnotationPresent(OnSpanner.class)
            ? TestBackend.SPANNER
            : TestBackend.POSTGRESQL;
  }
}
