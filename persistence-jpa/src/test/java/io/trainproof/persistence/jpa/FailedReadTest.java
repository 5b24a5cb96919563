package io.trainproof.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.Transaction;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by the reliability module's fault injection): when the statement of an {@code
 * em.find} failed, Hibernate marked the transaction rollback-only, answered the find with null, and
 * turned the commit into a silent rollback. A read then said "not there", and a write returned
 * normally having committed nothing (seen on PostgreSQL). Now both throw, and nothing is committed.
 */
@Tag("database")
abstract class FailedReadTest {
  /** The next statement whose SQL contains this text fails; null when none should. */
  private final AtomicReference<String> failNext = new AtomicReference<>();

  /**
   * @return the database under test
   */
  abstract SqlDialect dialect();

  @Test
  void aFailedReadIsAnExceptionNeverAMissingRecordOrASilentRollback() throws Exception {
    try (TestDatabase database = TestDatabase.create(dialect())) {
      DataSource failing = failing(database.dataSource());
      try (JpaStore store =
          JpaStore.create(failing, dialect(), Map.of("hibernate.hbm2ddl.auto", "validate"))) {
        Organization existing = organization("Existing");
        store.inTransaction(
            (Transaction tx) -> {
              tx.organizations().insert(existing);
              return null;
            });

        failNext.set("from tp_organization");
        assertThatThrownBy(
                () ->
                    store.inTransaction((Transaction tx) -> tx.organizations().find(existing.id())))
            .isInstanceOf(PersistenceException.class);
        assertThat(failNext.get()).as("the fault struck").isNull();

        Organization next = organization("Next");
        failNext.set("from tp_organization");
        assertThatThrownBy(
                () ->
                    store.inTransaction(
                        (Transaction tx) -> {
                          tx.organizations().insert(next);
                          return null;
                        }))
            .isInstanceOf(PersistenceException.class);
        assertThat(failNext.get()).as("the fault struck").isNull();
        Optional<Organization> stored =
            store.inTransaction((Transaction tx) -> tx.organizations().find(next.id()));
        assertThat(stored).as("nothing committed").isEmpty();
        assertThat(store.inTransaction((Transaction tx) -> tx.organizations().find(existing.id())))
            .isPresent();
      }
    }
  }

  private static Organization organization(String name) {
    return new Organization(
        Id.random(),
        name,
        ZoneId.of("Asia/Kathmandu"),
        Period.ofYears(6),
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** Wraps connections so that the armed statement fails before it reaches the database. */
  private DataSource failing(DataSource real) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result =
                  call(real, method.getName().equals("hashCode") ? null : method, args, proxy);
              return result instanceof Connection c ? connection(c) : result;
            });
  }

  private Connection connection(Connection real) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result = call(real, method, args, proxy);
              if (method.getName().equals("prepareStatement")
                  && args != null
                  && args[0] instanceof String sql) {
                return statement((PreparedStatement) result, sql);
              }
              return result;
            });
  }

  /** Fails the statement when it is executed, as a failure reported by the server would. */
  private PreparedStatement statement(PreparedStatement real, String sql) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (proxy, method, args) -> {
              String armed = failNext.get();
              if (method.getName().startsWith("execute")
                  && armed != null
                  && sql.toLowerCase(Locale.ROOT).contains(armed)) {
                failNext.set(null);
                throw new SQLException("injected failure of: " + sql, "XX000");
              }
              return call(real, method, args, proxy);
            });
  }

  private static Object call(Object target, Method method, Object[] args, Object proxy)
      throws Throwable {
    if (method == null) {
      return System.identityHashCode(proxy);
    }
    if (method.getName().equals("equals")) {
      return proxy == args[0];
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
