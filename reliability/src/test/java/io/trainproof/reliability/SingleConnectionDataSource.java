package io.trainproof.reliability;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out one physical connection again and again (closing it only rolls back what is
 * uncommitted), so the many small checks between faults do not each open a connection. For the
 * checking side only, never for the store under test. Not thread-safe: one thread at a time.
 */
final class SingleConnectionDataSource implements DataSource, AutoCloseable {
  private final DataSource delegate;
  private Connection real;

  SingleConnectionDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public synchronized Connection getConnection() throws SQLException {
    if (real == null || real.isClosed()) {
      real = delegate.getConnection();
    }
    Connection target = real;
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close":
                  if (!target.getAutoCommit()) {
                    target.rollback();
                    target.setAutoCommit(true);
                  }
                  return null;
                case "isClosed":
                  return false;
                case "hashCode":
                  return System.identityHashCode(proxy);
                case "equals":
                  return proxy == args[0];
                default:
                  try {
                    return method.invoke(target, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
              }
            });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("one connection, one user");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // why: nothing is logged through it.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // why: the one connection is opened once.
  }

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

  @Override
  public synchronized void close() throws SQLException {
    if (real != null) {
      real.close();
    }
  }
}
