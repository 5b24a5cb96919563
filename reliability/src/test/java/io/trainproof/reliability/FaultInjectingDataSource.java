package io.trainproof.reliability;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that counts what the store sends through it and, when armed, injects one
 * fault: the Nth statement execution fails (nothing reaches the server), the connection drops at
 * the Nth statement execution (the physical connection is closed, so the server rolls the
 * transaction back; every later call on it throws and {@link Connection#isValid} is false), or the
 * Nth commit fails (the server rolls back and the caller gets an exception). A statement execution
 * is one call of {@code execute}, {@code executeQuery}, {@code executeUpdate}, {@code executeBatch}
 * or their {@code Large} forms; a batch counts once.
 *
 * <p>It can also count without a fault while turning every commit into a rollback, so a clean run
 * of an operation can be measured without changing the database.
 *
 * <p>Like the pool a host puts in front of its database, it keeps closed connections for reuse
 * (rolled back if left in a transaction); a dropped connection is gone for good.
 *
 * <p>Thread-safe; the counters are shared by every connection it hands out, so arm it only while
 * one thread works through it.
 */
final class FaultInjectingDataSource implements DataSource {
  /** SQLState of an injected statement or commit failure (PostgreSQL's internal_error). */
  static final String FAILED_STATE = "XX000";

  /** SQLState of a dropped connection (connection_failure). */
  static final String DROPPED_STATE = "08006";

  /** SQLState of a call on a connection that dropped earlier (connection_does_not_exist). */
  static final String GONE_STATE = "08003";

  /** Where a fault strikes. */
  enum Kind {
    /** No fault: count only. */
    NONE,
    /** The Nth statement execution throws before reaching the server. */
    FAIL_STATEMENT,
    /** The connection drops at the Nth statement execution. */
    DROP_CONNECTION,
    /** The Nth commit throws after the server rolled the transaction back. */
    FAIL_COMMIT
  }

  /**
   * One fault.
   *
   * @param kind where it strikes
   * @param at the 1-based statement or commit number it strikes at
   */
  record Fault(Kind kind, int at) {
    static final Fault NONE = new Fault(Kind.NONE, 0);

    @Override
    public String toString() {
      return kind == Kind.NONE ? "no fault" : kind + "@" + at;
    }
  }

  /** The exception every injected fault throws, so a test can find it in a cause chain. */
  static final class InjectedFault extends SQLException {
    private static final long serialVersionUID = 1L;

    InjectedFault(String message, String state) {
      super(message, state);
    }
  }

  private final DataSource delegate;
  private volatile Fault fault = Fault.NONE;
  private volatile boolean commitAsRollback;
  private final AtomicInteger statements = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger injected = new AtomicInteger();
  private final Set<Object> open = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

  FaultInjectingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /**
   * Arms a fault and resets the counters.
   *
   * @param next the fault (or {@link Fault#NONE})
   * @param rollbackInsteadOfCommit whether every commit silently rolls back (to measure a clean
   *     run)
   */
  void arm(Fault next, boolean rollbackInsteadOfCommit) {
    statements.set(0);
    commits.set(0);
    injected.set(0);
    commitAsRollback = rollbackInsteadOfCommit;
    fault = next;
  }

  /** Counts on, with no fault and real commits. */
  void disarm() {
    arm(Fault.NONE, false);
  }

  /**
   * @return statement executions since the last {@link #arm}
   */
  int statements() {
    return statements.get();
  }

  /**
   * @return commits since the last {@link #arm}
   */
  int commits() {
    return commits.get();
  }

  /**
   * @return how many faults were injected since the last {@link #arm} (0 or 1)
   */
  int injected() {
    return injected.get();
  }

  /**
   * @return connections handed out and not yet closed
   */
  int openConnections() {
    return open.size();
  }

  @Override
  public Connection getConnection() throws SQLException {
    for (Connection pooled = idle.pollFirst(); pooled != null; pooled = idle.pollFirst()) {
      if (!pooled.isClosed()) {
        return wrap(pooled);
      }
    }
    return wrap(delegate.getConnection());
  }

  /** Closes the connections kept for reuse. */
  void closeIdle() {
    for (Connection pooled = idle.pollFirst(); pooled != null; pooled = idle.pollFirst()) {
      try {
        pooled.close();
      } catch (SQLException e) {
        // why: closing at the end of a test; nothing depends on it.
      }
    }
  }

  private void release(Connection real) throws SQLException {
    if (real.isClosed()) {
      return;
    }
    if (!real.getAutoCommit()) {
      real.rollback();
      real.setAutoCommit(true);
    }
    idle.addFirst(real);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(delegate.getConnection(username, password));
  }

  private Connection wrap(Connection real) {
    ConnectionHandler handler = new ConnectionHandler(real);
    Connection proxy =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    handler.self = proxy;
    open.add(proxy);
    return proxy;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** One connection: injects the drop and the commit failure, wraps statements. */
  private final class ConnectionHandler implements InvocationHandler {
    private final Connection real;
    private volatile boolean dropped;
    private Connection self;

    ConnectionHandler(Connection real) {
      this.real = real;
    }

    void drop() {
      dropped = true;
      try {
        real.close();
      } catch (SQLException e) {
        // why: the point is that the connection is gone; a failure to close it changes nothing.
      }
    }

    SQLException gone() {
      return new InjectedFault("connection was dropped by fault injection", GONE_STATE);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close":
          if (open.remove(self) && !dropped) {
            release(real);
          }
          return null;
        case "isClosed":
          return dropped || !open.contains(self);
        case "isValid":
          return !dropped && real.isValid((Integer) args[0]);
        case "unwrap":
          return ((Class<?>) args[0]).isInstance(self) ? self : real.unwrap((Class<?>) args[0]);
        case "isWrapperFor":
          return ((Class<?>) args[0]).isInstance(self) || real.isWrapperFor((Class<?>) args[0]);
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        case "toString":
          return "FaultInjecting(" + real + ")";
        default:
          break;
      }
      if (dropped) {
        throw gone();
      }
      switch (method.getName()) {
        case "commit":
          {
            int n = commits.incrementAndGet();
            Fault f = fault;
            if (f.kind() == Kind.FAIL_COMMIT && f.at() == n) {
              real.rollback();
              injected.incrementAndGet();
              throw new InjectedFault(
                  "injected failure of commit " + n + " (the server rolled back)", FAILED_STATE);
            }
            if (commitAsRollback) {
              real.rollback();
              return null;
            }
            return FaultInjectingDataSource.invoke(real, method, args);
          }
        case "createStatement":
        case "prepareStatement":
        case "prepareCall":
          {
            Statement statement = (Statement) FaultInjectingDataSource.invoke(real, method, args);
            return Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {method.getReturnType()},
                new StatementHandler(statement, this));
          }
        default:
          return FaultInjectingDataSource.invoke(real, method, args);
      }
    }
  }

  /** One statement: counts executions and injects the statement failure and the drop. */
  private final class StatementHandler implements InvocationHandler {
    private final Statement real;
    private final ConnectionHandler connection;

    StatementHandler(Statement real, ConnectionHandler connection) {
      this.real = real;
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      switch (name) {
        case "close":
          if (!connection.dropped) {
            real.close();
          }
          return null;
        case "isClosed":
          return connection.dropped || real.isClosed();
        case "getConnection":
          return connection.self;
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        case "toString":
          return "FaultInjecting(" + real + ")";
        default:
          break;
      }
      if (connection.dropped) {
        throw connection.gone();
      }
      if (name.startsWith("execute")) {
        int n = statements.incrementAndGet();
        Fault f = fault;
        if (f.at() == n && f.kind() == Kind.FAIL_STATEMENT) {
          injected.incrementAndGet();
          throw new InjectedFault("injected failure of statement " + n, FAILED_STATE);
        }
        if (f.at() == n && f.kind() == Kind.DROP_CONNECTION) {
          injected.incrementAndGet();
          connection.drop();
          throw new InjectedFault(
              "connection dropped by fault injection at statement " + n, DROPPED_STATE);
        }
      }
      return FaultInjectingDataSource.invoke(real, method, args);
    }
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
    return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || delegate.isWrapperFor(type);
  }
}
