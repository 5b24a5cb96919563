package io.trainproof.persistence.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.persistence.jpa.JpaStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Consumer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The transaction's JDBC connection on the Hibernate and Jakarta Persistence API of this run:
 * through {@code EntityManager.callWithConnection} on Jakarta Persistence 3.2 (Hibernate 7),
 * through Hibernate's {@code Session.doReturningWork} on 3.1 (Hibernate 6.6, {@code -Phibernate6}).
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionAccessTest {
  private EntityManagerFactory factory;

  @BeforeAll
  void start() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:connection-access;DB_CLOSE_DELAY=-1");
    factory =
        StorePersistenceUnit.createFactory(
            "connection-access",
            dataSource,
            JpaStore.MAPPING_FILE,
            Map.of("hibernate.hbm2ddl.auto", "none"));
  }

  @AfterAll
  void stop() {
    factory.close();
  }

  @Test
  void theRouteIsTheStandardCallOn32AndHibernatesOn31() {
    String api = System.getProperty("trainproof.jakarta.persistence.version", "3.2");
    inTransaction(
        em ->
            assertThat(ConnectionAccess.routeOf(em))
                .contains(
                    api.startsWith("3.1")
                        ? "Session.doReturningWork"
                        : "EntityManager.callWithConnection"));
  }

  @Test
  void theWorkRunsOnTheTransactionsConnection() {
    inTransaction(
        em -> {
          em.createNativeQuery("CREATE TEMPORARY TABLE probe (n INT)").executeUpdate();
          em.createNativeQuery("INSERT INTO probe VALUES (7)").executeUpdate();
          Integer read =
              ConnectionAccess.call(
                  em,
                  "probe",
                  connection -> {
                    assertThat(connection.getAutoCommit()).isFalse();
                    try (Statement statement = connection.createStatement();
                        var rows = statement.executeQuery("SELECT n FROM probe")) {
                      rows.next();
                      return rows.getInt(1);
                    }
                  });
          assertThat(read).as("a row the transaction wrote and has not committed").isEqualTo(7);
        });
  }

  @Test
  void aDriverFailureIsAPersistenceExceptionCarryingTheDriversException() {
    inTransaction(
        em ->
            assertThatThrownBy(
                    () ->
                        ConnectionAccess.call(
                            em,
                            "probe",
                            connection -> {
                              try (Statement statement = connection.createStatement()) {
                                return statement.executeQuery("SELECT n FROM no_such_table");
                              }
                            }))
                .isInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("probe failed: ")
                .cause()
                .isInstanceOf(SQLException.class));
  }

  private void inTransaction(Consumer<EntityManager> work) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      work.accept(em);
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }
}
