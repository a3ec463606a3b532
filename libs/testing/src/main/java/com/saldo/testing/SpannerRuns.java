package com.saldo.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which database the suite class that is starting runs on: PostgreSQL, or the Spanner emulator for
 * a class marked {@link OnSpanner}. Noted before Spring loads the class's context, and read by the
 * suite's base class (a service's {@code @SpringBootTest}) when it registers the datasource for
 * that context.
 */
public final class SpannerRuns implements BeforeAllCallback {

  private static volatile TestBackend starting = TestBackend.POSTGRESQL;

  /** Whether the Spanner runs can happen here: the emulator is installed and started. */
  public static boolean available() {
    return SpannerEmulator.get().isPresent();
  }

  public static TestBackend starting() {
    return starting;
  }

  private static TestDatabase.Database shared;

  /**
   * The database on the emulator that every Spanner run of this JVM shares, as the PostgreSQL runs
   * share one database.
   */
  public static synchronized TestDatabase.Database database() {
    if (shared == null) {
      shared = TestBackend.SPANNER.newDatabase();
    }
    return shared;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    starting =
        context.getRequiredTestClass().isAnnotationPresent(OnSpanner.class)
            ? TestBackend.SPANNER
            : TestBackend.POSTGRESQL;
  }
}
