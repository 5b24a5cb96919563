package io.trainproof.spring.boot.autoconfigure;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** H2 databases for the auto-configuration tests, and a data source that can be "down". */
public final class TestDatabases {
  /** How many migrations Trainproof ships (V1 to V7): each runs once, on one node. */
  static final long TRAINPROOF_MIGRATIONS = 7;

  private TestDatabases() {}

  /**
   * @return a new, empty, in-memory database that lives until the JVM exits
   */
  public static JdbcDataSource newH2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:boot-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  /**
   * @param dataSource a database
   * @param sql a query returning one number
   * @return the number
   */
  public static long count(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** A data source whose database can be switched off and on, as when a server is down. */
  public static final class Switchable implements DataSource {
    private final DataSource delegate;
    private volatile boolean down;

    /**
     * @param delegate the real database
     * @param down whether it starts down
     */
    public Switchable(DataSource delegate, boolean down) {
      this.delegate = delegate;
      this.down = down;
    }

    /**
     * @param value whether the database is down
     */
    public void down(boolean value) {
      this.down = value;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (down) {
        throw new SQLException("Connection refused (the test's database is down)", "08001");
      }
      return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
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
    public Logger getParentLogger() {
      return Logger.getGlobal();
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
