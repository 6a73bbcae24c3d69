package io.github.quotemailer.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection pool for the tests that send thousands of emails, as a host's pool would:
 * without one, every statement would open a new server connection (a new process on PostgreSQL).
 * Closing a borrowed connection rolls back what its user left open and returns it; at most {@code
 * maxIdle} connections are kept. No mocking framework: connections are wrapped with a {@link
 * Proxy}.
 */
final class PooledDataSource implements DataSource, AutoCloseable {
  private final DataSource target;
  private final BlockingQueue<Connection> idle;
  private volatile boolean closed;

  PooledDataSource(DataSource target, int maxIdle) {
    this.target = target;
    this.idle = new LinkedBlockingQueue<>(maxIdle);
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (closed) {
      throw new SQLException("pool closed", "08003");
    }
    Connection connection = idle.poll();
    if (connection == null || connection.isClosed()) {
      connection = target.getConnection();
    }
    return borrowed(connection);
  }

  private Connection borrowed(Connection connection) {
    boolean[] returned = {false};
    return (Connection)
        Proxy.newProxyInstance(
            PooledDataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close" -> {
                  if (!returned[0]) {
                    returned[0] = true;
                    giveBack(connection);
                  }
                  return null;
                }
                case "isClosed" -> {
                  return returned[0] || connection.isClosed();
                }
                default -> {
                  if (returned[0]) {
                    throw new SQLException("connection already returned to the pool", "08003");
                  }
                }
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private void giveBack(Connection connection) throws SQLException {
    if (closed || connection.isClosed()) {
      connection.close();
      return;
    }
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      connection.close();
      return;
    }
    if (!idle.offer(connection)) {
      connection.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection connection;
    while ((connection = idle.poll()) != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing anyway; the server drops it too.
      }
    }
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
