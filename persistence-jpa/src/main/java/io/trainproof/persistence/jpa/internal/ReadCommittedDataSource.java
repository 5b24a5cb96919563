package io.trainproof.persistence.jpa.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out connections at READ COMMITTED. MariaDB defaults to REPEATABLE READ, whose gap locks
 * would make the sweep claim block hires into the claimed range and whose snapshot reads would make
 * a retried read see stale versions. Thread-safe if the delegate is. Not API.
 */
public final class ReadCommittedDataSource implements DataSource {
  private final DataSource delegate;

  /**
   * Wraps a data source.
   *
   * @param delegate the host's data source
   */
  public ReadCommittedDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  private static Connection readCommitted(Connection c) throws SQLException {
    if (c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    return c;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return readCommitted(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return readCommitted(delegate.getConnection(username, password));
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(delegate) ? type.cast(delegate) : delegate.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(delegate) || delegate.isWrapperFor(type);
  }
}
