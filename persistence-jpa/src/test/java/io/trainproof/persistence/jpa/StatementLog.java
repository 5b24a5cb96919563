package io.trainproof.persistence.jpa;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Every distinct SQL text sent through a data source: what the store prepares and executes on its
 * connections (Hibernate's statements and the store's own native SQL alike), recorded at the JDBC
 * boundary. Thread-safe.
 */
final class StatementLog {
  private final Set<String> statements = ConcurrentHashMap.newKeySet();

  /**
   * @param target the data source to record
   * @return a data source whose connections record every statement they prepare or execute
   */
  DataSource record(DataSource target) {
    return proxy(DataSource.class, target, this::connection);
  }

  /**
   * @return the distinct statements recorded so far, sorted
   */
  Set<String> statements() {
    return new TreeSet<>(statements);
  }

  private Object connection(Method method, Object result) {
    return result instanceof Connection c && method.getName().equals("getConnection")
        ? proxy(Connection.class, c, this::statement)
        : result;
  }

  private Object statement(Method method, Object result) {
    return result instanceof Statement s && method.getName().equals("createStatement")
        ? proxy(Statement.class, s, (m, r) -> r)
        : result;
  }

  /**
   * A proxy of {@code type} over {@code target} that records a leading SQL string argument of the
   * JDBC methods that take one, and passes each result through {@code wrap}.
   */
  private <T> T proxy(Class<T> type, T target, Wrap wrap) {
    InvocationHandler handler =
        (self, method, args) -> {
          if (args != null
              && args.length > 0
              && args[0] instanceof String sql
              && SQL_METHODS.contains(method.getName())) {
            statements.add(sql);
          }
          try {
            return wrap.apply(method, method.invoke(target, args));
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(
        Proxy.newProxyInstance(
            StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static final Set<String> SQL_METHODS =
      Set.of(
          "prepareStatement",
          "prepareCall",
          "execute",
          "executeQuery",
          "executeUpdate",
          "executeLargeUpdate",
          "addBatch");

  /** Passes a JDBC result on, proxied when it is a connection or a statement. */
  @FunctionalInterface
  private interface Wrap {
    Object apply(Method method, Object result);
  }
}
