package io.trainproof.persistence.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh, empty, uniquely named schema (PostgreSQL), database (MariaDB) or in-memory database
 * (H2), migrated with Flyway from the module's own migrations, and dropped on close. The PostgreSQL
 * and MariaDB servers are the local ones (see DEVELOPERS.md); when one is not reachable the
 * caller's tests are skipped with a visible message, or fail when {@code
 * TRAINPROOF_REQUIRE_DATABASES=true}. Not thread-safe; one per test class.
 */
final class TestDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
  private static final String HOST = System.getProperty("trainproof.db.host", "127.0.0.1");

  private final SqlDialect dialect;
  private final DataSource dataSource;
  private final String name;
  private MigrateResult migration;
  private final SqlAction drop;

  private TestDatabase(
      SqlDialect dialect, DataSource dataSource, String name, SqlAction drop, String target) {
    this.dialect = dialect;
    this.dataSource = dataSource;
    this.name = name;
    this.drop = drop;
    this.migration = migrate(target);
  }

  /** Runs the migrations up to the target version ("latest" for all). */
  private MigrateResult migrate(String target) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(dialect.migrationLocation())
        .failOnMissingLocations(true)
        .target(target)
        .load()
        .migrate();
  }

  /** Runs the migrations not yet run (of a database created with a target version). */
  MigrateResult migrateToLatest() {
    migration = migrate("latest");
    return migration;
  }

  /**
   * Creates and migrates a fresh database, or skips (aborts) the calling test when the server is
   * not reachable and databases are not required.
   */
  static TestDatabase create(SqlDialect dialect) {
    return create(dialect, "latest");
  }

  /**
   * As {@link #create(SqlDialect)}, migrated only up to the target version (e.g. "6"); {@link
   * #migrateToLatest} runs the rest.
   */
  static TestDatabase create(SqlDialect dialect, String target) {
    try {
      return open(dialect, target);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create a test database on " + dialect + ": " + e.getMessage(), e);
    }
  }

  private static TestDatabase open(SqlDialect dialect, String target) throws SQLException {
    String name = "tp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return switch (dialect) {
      case H2 -> {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        yield new TestDatabase(dialect, ds, name, () -> execute(ds, "SHUTDOWN"), target);
      }
      case POSTGRESQL -> {
        PGSimpleDataSource admin = postgres(null);
        String user = reachable("PostgreSQL", admin, "postgres", "root");
        admin.setUser(user);
        execute(admin, "CREATE SCHEMA " + name);
        PGSimpleDataSource ds = postgres(name);
        ds.setUser(user);
        yield new TestDatabase(
            dialect, ds, name, () -> execute(admin, "DROP SCHEMA " + name + " CASCADE"), target);
      }
      case MARIADB -> {
        MariaDbDataSource admin = mariadb("test");
        reachable("MariaDB", admin, "root");
        execute(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        MariaDbDataSource ds = mariadb(name);
        yield new TestDatabase(
            dialect, ds, name, () -> execute(admin, "DROP DATABASE " + name), target);
      }
    };
  }

  private static PGSimpleDataSource postgres(String schema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {HOST});
    ds.setPortNumbers(new int[] {5432});
    ds.setDatabaseName("test");
    ds.setConnectTimeout(3);
    ds.setLoginTimeout(3);
    if (schema != null) {
      ds.setCurrentSchema(schema);
    }
    return ds;
  }

  private static MariaDbDataSource mariadb(String database) {
    try {
      return new MariaDbDataSource(
          "jdbc:mariadb://" + HOST + ":3306/" + database + "?user=root&connectTimeout=3000");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Finds a user that can connect, or skips / fails as the environment asks. */
  private static String reachable(String server, DataSource ds, String... users) {
    SQLException last = null;
    for (String user : users) {
      try {
        if (ds instanceof PGSimpleDataSource pg) {
          pg.setUser(user);
        }
        try (Connection c = ds.getConnection()) {
          if (c.isValid(3)) {
            return user;
          }
        }
      } catch (SQLException e) {
        last = e;
      }
    }
    String message =
        server
            + " is not reachable at "
            + HOST
            + " ("
            + (last == null ? "?" : last.getMessage())
            + "); its tests are SKIPPED. Start it (see DEVELOPERS.md) or set TRAINPROOF_REQUIRE_DATABASES=true to fail.";
    if ("true".equalsIgnoreCase(System.getenv("TRAINPROOF_REQUIRE_DATABASES"))) {
      throw new IllegalStateException(
          message.replace("its tests are SKIPPED", "and TRAINPROOF_REQUIRE_DATABASES=true"), last);
    }
    LOG.warn(message);
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  private static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  SqlDialect dialect() {
    return dialect;
  }

  DataSource dataSource() {
    return dataSource;
  }

  String name() {
    return name;
  }

  MigrateResult migration() {
    return migration;
  }

  /** A store over this database that validates the mapping against the migrated schema. */
  JpaStore newStore() {
    return JpaStore.create(dataSource, dialect, Map.of("hibernate.hbm2ddl.auto", "validate"));
  }

  @Override
  public void close() throws SQLException {
    drop.run();
  }

  /** A statement run on close. */
  @FunctionalInterface
  interface SqlAction {
    void run() throws SQLException;
  }

  @Override
  public String toString() {
    return dialect.name().toLowerCase(Locale.ROOT) + ":" + name;
  }
}
