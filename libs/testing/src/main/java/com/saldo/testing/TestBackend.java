package com.saldo.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases Saldo runs on, for suites that run once on each: a fresh embedded PostgreSQL
 * database, or a fresh database on the Spanner emulator (its PostgreSQL dialect). A Spanner run
 * where the emulator cannot run here is skipped, with the reason.
 */
public enum TestBackend {
  POSTGRESQL,
  SPANNER;

  /** The value of {@code saldo.database} (SALDO_DATABASE) for this backend. */
  public String setting() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Skips the calling test where this backend cannot run here, saying why. */
  public void assumeAvailable() {
    if (this == SPANNER) {
      Assumptions.assumeTrue(SpannerEmulator.get().isPresent(), SpannerEmulator.reason());
    }
  }

  /** A new, empty database of this backend: its JDBC URL, user and password. */
  public TestDatabase.Database newDatabase() {
    assumeAvailable();
    if (this == POSTGRESQL) {
      return TestDatabase.create();
    }
    SpannerEmulator emulator = SpannerEmulator.get().orElseThrow();
    String name = SpannerEmulator.newDatabase();
    return new TestDatabase.Database(emulator.url(name), "", "", -1, name);
  }

  /**
   * {@code real}'s connections, whose commit fails as this backend fails a transaction that lost a
   * race (Spanner's ABORTED, PostgreSQL's serialization failure) while {@code aborts} lasts, each
   * failure taking one from it: an injected abort, for the retries that must follow one.
   */
  public DataSource abortingCommits(
      DataSource real, java.util.concurrent.atomic.AtomicInteger aborts) {
    SQLException abort =
        this == SPANNER
            ? new SQLException("ABORTED: injected by the test", null, 10)
            : new SQLException("could not serialize access (injected by the test)", "40001");
    ClassLoader loader = TestBackend.class.getClassLoader();
    return (DataSource)
        java.lang.reflect.Proxy.newProxyInstance(
            loader,
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object value = invoke(method, real, args);
              if (!method.getName().equals("getConnection")) {
                return value;
              }
              Connection connection = (Connection) value;
              return java.lang.reflect.Proxy.newProxyInstance(
                  loader,
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("commit") && aborts.getAndDecrement() > 0) {
                      throw abort;
                    }
                    return invoke(m, connection, a);
                  });
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A datasource that opens a new connection each time (the drivers pool what is costly). */
  public static DataSource dataSource(TestDatabase.Database database) {
    return new DriverDataSource(database);
  }

  private record DriverDataSource(TestDatabase.Database database) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return DriverManager.getConnection(database.url(), user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
