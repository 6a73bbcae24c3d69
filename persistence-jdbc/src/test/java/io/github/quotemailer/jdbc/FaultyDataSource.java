package io.github.quotemailer.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that can be told to break: refuse every connection from now on (a database that
 * went away), or fail the n-th commit from now (a crash in the middle of a batch job). No mocking
 * framework: connections are wrapped with a {@link Proxy}.
 */
final class FaultyDataSource implements DataSource {
  private final DataSource target;
  private volatile boolean closed;
  private final AtomicInteger commitsBeforeFailure = new AtomicInteger();

  FaultyDataSource(DataSource target) {
    this.target = target;
  }

  /** Every later {@code getConnection} fails, as when the database is down. */
  void close() {
    closed = true;
  }

  /** The {@code n}-th commit from now throws instead of committing (once). */
  void failCommitNumber(int n) {
    commitsBeforeFailure.set(n);
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (closed) {
      throw new SQLException("Connection refused: the test closed this data source", "08001");
    }
    Connection connection = target.getConnection();
    return (Connection)
        Proxy.newProxyInstance(
            FaultyDataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("commit") && commitShouldFail()) {
                throw new SQLException("injected failure: the commit did not happen", "08006");
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private boolean commitShouldFail() {
    int before = commitsBeforeFailure.getAndUpdate(n -> n > 0 ? n - 1 : 0);
    return before == 1;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("credentials come with the target data source");
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
