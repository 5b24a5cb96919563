package io.trainproof.persistence.jpa;

import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.StoreCapabilities;
import io.trainproof.core.spi.Transaction;
import io.trainproof.persistence.jpa.internal.AssignmentEntity;
import io.trainproof.persistence.jpa.internal.AttestationEntity;
import io.trainproof.persistence.jpa.internal.AuditEntryEntity;
import io.trainproof.persistence.jpa.internal.CertificateEntity;
import io.trainproof.persistence.jpa.internal.CertificationEntity;
import io.trainproof.persistence.jpa.internal.CertificationKindEntity;
import io.trainproof.persistence.jpa.internal.CompletionEntity;
import io.trainproof.persistence.jpa.internal.CourseEntity;
import io.trainproof.persistence.jpa.internal.CourseVersionEntity;
import io.trainproof.persistence.jpa.internal.DecisionEntity;
import io.trainproof.persistence.jpa.internal.Errors;
import io.trainproof.persistence.jpa.internal.GrantEntity;
import io.trainproof.persistence.jpa.internal.IssuedCredentialEntity;
import io.trainproof.persistence.jpa.internal.JpaTransaction;
import io.trainproof.persistence.jpa.internal.LegalHoldEntity;
import io.trainproof.persistence.jpa.internal.MemberEntity;
import io.trainproof.persistence.jpa.internal.NotificationEntity;
import io.trainproof.persistence.jpa.internal.OrganizationEntity;
import io.trainproof.persistence.jpa.internal.PolicyEntity;
import io.trainproof.persistence.jpa.internal.PolicyReviewEntity;
import io.trainproof.persistence.jpa.internal.PolicyVersionEntity;
import io.trainproof.persistence.jpa.internal.ReadCommittedDataSource;
import io.trainproof.persistence.jpa.internal.ReminderEntity;
import io.trainproof.persistence.jpa.internal.RequirementEntity;
import io.trainproof.persistence.jpa.internal.StorePersistenceUnit;
import io.trainproof.persistence.jpa.internal.TombstoneEntity;
import io.trainproof.persistence.jpa.internal.WalletExchangeEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JPA store: core's storage SPI on PostgreSQL, MariaDB or H2 through Jakarta Persistence, safe
 * for many application nodes sharing one database. Thread-safe: each {@link #inTransaction} call on
 * a thread runs in its own {@link EntityManager} and resource-local transaction; a nested call on
 * the same thread joins the outer transaction.
 *
 * <p>Two ways in:
 *
 * <ul>
 *   <li>{@link #create(DataSource, SqlDialect)}: the store builds (and {@link #close()} closes) its
 *       own {@link EntityManagerFactory} over the host's data source, with JDBC batching and batch
 *       fetching configured.
 *   <li>{@link #using(EntityManagerFactory, SqlDialect)}: the host's own factory, whose persistence
 *       unit includes Trainproof's entities by listing the mapping file {@link #MAPPING_FILE} (or
 *       the classes of {@link #entityClasses()}); the host closes it.
 * </ul>
 *
 * <p>Either way the tables come from the migrations at {@link SqlDialect#migrationLocation()}, run
 * by the host's Flyway or Liquibase before the store is used; the provider never creates or alters
 * them (set its schema action to none or {@code validate}).
 *
 * <p>Errors: a duplicate unique key, a lost update, a deadlock or a lock timeout is thrown as
 * {@link io.trainproof.core.ConflictException} naming the entity and key (retry the whole
 * operation); another constraint violation as {@link io.trainproof.core.ValidationException}. Any
 * other failure of the database or the connection (a failed statement, a dropped connection, a
 * failed commit) is thrown as the provider's {@link PersistenceException}. Whatever the unit of
 * work throws, nothing of it is committed; and a call that returns normally has committed (a
 * transaction the provider marked rollback-only is never reported as committed).
 */
public final class JpaStore implements Store, AutoCloseable {
  /** The classpath resource listing Trainproof's entities, for a host's persistence unit. */
  public static final String MAPPING_FILE = "META-INF/trainproof-orm.xml";

  /** The name of the persistence unit {@link #create} builds. */
  public static final String PERSISTENCE_UNIT = "trainproof";

  private static final Logger LOG = LoggerFactory.getLogger(JpaStore.class);

  private final EntityManagerFactory factory;
  private final SqlDialect dialect;
  private final boolean ownsFactory;

  @SuppressWarnings(
      "ThreadLocalUsage") // why: per store: two stores on one thread run separate units of work
  private final ThreadLocal<@Nullable Unit> current = new ThreadLocal<>();

  private JpaStore(EntityManagerFactory factory, SqlDialect dialect, boolean ownsFactory) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.ownsFactory = ownsFactory;
  }

  /**
   * A store on the host's data source, detecting the database from it.
   *
   * @param dataSource a data source, ideally pooled, whose schema has been migrated
   * @return the store; close it to close its entity manager factory
   */
  public static JpaStore create(DataSource dataSource) {
    return create(dataSource, SqlDialect.detect(dataSource));
  }

  /**
   * A store on the host's data source.
   *
   * @param dataSource a data source, ideally pooled, whose schema has been migrated
   * @param dialect the database behind it
   * @return the store; close it to close its entity manager factory
   */
  public static JpaStore create(DataSource dataSource, SqlDialect dialect) {
    return create(dataSource, dialect, Map.of());
  }

  /**
   * A store on the host's data source, with extra provider properties (they override the defaults,
   * e.g. {@code hibernate.hbm2ddl.auto=validate} to check the schema at start).
   *
   * @param dataSource a data source, ideally pooled, whose schema has been migrated
   * @param dialect the database behind it
   * @param properties persistence-unit properties
   * @return the store; close it to close its entity manager factory
   */
  public static JpaStore create(
      DataSource dataSource, SqlDialect dialect, Map<String, ?> properties) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(dialect, "dialect");
    DataSource effective =
        dialect == SqlDialect.MARIADB ? new ReadCommittedDataSource(dataSource) : dataSource;
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("jakarta.persistence.nonJtaDataSource", effective);
    props.put("jakarta.persistence.schema-generation.database.action", "none");
    // Hibernate's names; other providers ignore them.
    props.put("hibernate.hbm2ddl.auto", "none");
    props.put("hibernate.jdbc.batch_size", "50");
    props.put("hibernate.order_inserts", "true");
    props.put("hibernate.order_updates", "true");
    props.put("hibernate.default_batch_fetch_size", "64");
    props.put("hibernate.jdbc.time_zone", "UTC");
    props.put("hibernate.boot.allow_jdbc_metadata_access", "true");
    props.putAll(properties);
    EntityManagerFactory factory =
        StorePersistenceUnit.createFactory(PERSISTENCE_UNIT, effective, MAPPING_FILE, props);
    LOG.debug("Trainproof JPA store started on {}", dialect);
    return new JpaStore(factory, dialect, true);
  }

  /**
   * A store on the host's own entity manager factory. Its persistence unit must be resource-local,
   * include {@link #MAPPING_FILE} (or {@link #entityClasses()}), and should set JDBC batching and
   * batch fetching (for Hibernate: {@code hibernate.jdbc.batch_size}, {@code
   * hibernate.order_inserts}, {@code hibernate.default_batch_fetch_size}); on MariaDB its
   * connections should be READ COMMITTED. The host closes the factory.
   *
   * @param factory the host's factory
   * @param dialect the database behind it
   * @return the store
   */
  public static JpaStore using(EntityManagerFactory factory, SqlDialect dialect) {
    return new JpaStore(factory, dialect, false);
  }

  /**
   * @return the entity classes a host's persistence unit lists when it does not use {@link
   *     #MAPPING_FILE}
   */
  public static List<Class<?>> entityClasses() {
    return List.of(
        OrganizationEntity.class,
        MemberEntity.class,
        PolicyEntity.class,
        PolicyVersionEntity.class,
        CourseEntity.class,
        CourseVersionEntity.class,
        RequirementEntity.class,
        AssignmentEntity.class,
        CompletionEntity.class,
        AuditEntryEntity.class,
        AttestationEntity.class,
        CertificateEntity.class,
        IssuedCredentialEntity.class,
        NotificationEntity.class,
        LegalHoldEntity.class,
        TombstoneEntity.class,
        PolicyReviewEntity.class,
        DecisionEntity.class,
        ReminderEntity.class,
        GrantEntity.class,
        CertificationKindEntity.class,
        CertificationEntity.class,
        WalletExchangeEntity.class);
  }

  /**
   * @return the database this store speaks to
   */
  public SqlDialect dialect() {
    return dialect;
  }

  /**
   * @return the entity manager factory behind this store
   */
  public EntityManagerFactory entityManagerFactory() {
    return factory;
  }

  /**
   * Runs work in one resource-local transaction. A nested call on the same thread joins the outer
   * transaction; if any call, outer or nested, throws, the whole transaction rolls back (even when
   * the outer work caught the nested exception: the first failure is then thrown when the outer
   * work returns).
   */
  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    Unit outer = current.get();
    if (outer != null) {
      try {
        return work.apply(outer.transaction);
      } catch (RuntimeException | Error e) {
        if (outer.failure == null) {
          outer.failure = e;
        }
        throw e;
      }
    }
    EntityManager em = factory.createEntityManager();
    try {
      EntityTransaction tx = em.getTransaction();
      Unit unit = new Unit(new JpaTransaction(em, dialect));
      current.set(unit);
      tx.begin();
      T result;
      try {
        result = work.apply(unit.transaction);
      } catch (RuntimeException | Error e) {
        rollback(tx, e);
        throw e;
      }
      Throwable failure = unit.failure;
      if (failure != null) {
        rollback(tx, failure);
        if (failure instanceof Error error) {
          throw error;
        }
        throw (RuntimeException) failure;
      }
      if (tx.getRollbackOnly()) {
        // why: Hibernate's commit of a rollback-only transaction rolls back and returns normally
        // (unless JPA transaction compliance is on), so the caller would take lost work for done.
        rollback(tx, new PersistenceException("rollback-only"));
        throw new PersistenceException(
            "the transaction was marked rollback-only after a failed statement"
                + " (the provider logged the cause); nothing was committed");
      }
      try {
        tx.commit();
      } catch (PersistenceException e) {
        rollback(tx, e);
        throw Errors.translate(e, "unit of work", "commit");
      }
      return result;
    } finally {
      current.remove();
      em.close();
    }
  }

  private static void rollback(EntityTransaction tx, Throwable cause) {
    try {
      if (tx.isActive()) {
        tx.rollback();
      }
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public StoreCapabilities capabilities() {
    return new StoreCapabilities(true, true);
  }

  /** Closes the entity manager factory if this store built it; a host's factory is left open. */
  @Override
  public void close() {
    if (ownsFactory && factory.isOpen()) {
      factory.close();
    }
  }

  /** The state of one outer transaction on one thread. */
  private static final class Unit {
    final JpaTransaction transaction;
    @Nullable Throwable failure;

    Unit(JpaTransaction transaction) {
      this.transaction = transaction;
    }
  }
}
