package io.trainproof.reliability;

import io.trainproof.persistence.jpa.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh, uniquely named PostgreSQL schema ({@code tp_rel_…}) in the local {@code test} database,
 * migrated with Flyway from the JPA store's own migrations and dropped on close (adapted from
 * persistence-jpa's TestDatabase, PostgreSQL only). When the server is not reachable the calling
 * test is skipped with a visible message, or fails when {@code TRAINPROOF_REQUIRE_DATABASES=true}.
 * Not thread-safe; one per test class.
 */
final class PostgresSchema implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresSchema.class);
  static final String HOST = System.getProperty("trainproof.db.host", "127.0.0.1");

  private final String name;
  private final String user;
  private final PGSimpleDataSource admin;

  private PostgresSchema(String name, String user, PGSimpleDataSource admin) {
    this.name = name;
    this.user = user;
    this.admin = admin;
  }

  /**
   * Creates and migrates a fresh schema, or skips (aborts) the calling test when the server is not
   * reachable and databases are not required.
   *
   * @return the schema
   */
  static PostgresSchema create() {
    PGSimpleDataSource admin = dataSource(null);
    String user = reachable(admin, "postgres", "root");
    admin.setUser(user);
    String name = "tp_rel_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      execute(admin, "CREATE SCHEMA " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + name + ": " + e.getMessage(), e);
    }
    PostgresSchema schema = new PostgresSchema(name, user, admin);
    Flyway.configure()
        .dataSource(schema.dataSource())
        .locations(SqlDialect.POSTGRESQL.migrationLocation())
        .failOnMissingLocations(true)
        .load()
        .migrate();
    return schema;
  }

  /**
   * A data source on a schema of the local server.
   *
   * @param schema the schema, or null for the default one
   * @return the data source (user not set)
   */
  static PGSimpleDataSource dataSource(String schema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {HOST});
    ds.setPortNumbers(new int[] {5432});
    ds.setDatabaseName("test");
    ds.setConnectTimeout(3);
    ds.setLoginTimeout(3);
    // why: the tests open thousands of connections to a local server; negotiating GSS and TLS
    // first would cost more than the work itself.
    ds.setSslMode("disable");
    ds.setGssEncMode("disable");
    if (schema != null) {
      ds.setCurrentSchema(schema);
    }
    return ds;
  }

  /** Finds a user that can connect, or skips / fails as the environment asks. */
  private static String reachable(PGSimpleDataSource ds, String... users) {
    SQLException last = null;
    for (String candidate : users) {
      try {
        ds.setUser(candidate);
        try (Connection c = ds.getConnection()) {
          if (c.isValid(3)) {
            return candidate;
          }
        }
      } catch (SQLException e) {
        last = e;
      }
    }
    String message =
        "PostgreSQL is not reachable at "
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

  static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * @return the schema's name
   */
  String name() {
    return name;
  }

  /**
   * @return the user that connects
   */
  String user() {
    return user;
  }

  /**
   * @return a new, unpooled data source on this schema
   */
  PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = dataSource(name);
    ds.setUser(user);
    return ds;
  }

  /**
   * @return the store's tables (Flyway's history left out), in name order
   */
  List<String> tables() {
    List<String> tables = new ArrayList<>();
    try (Connection c = dataSource().getConnection();
        var rs = c.getMetaData().getTables(null, name, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String table = rs.getString("TABLE_NAME");
        if (!table.startsWith("flyway")) {
          tables.add(table);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    tables.sort(null);
    return tables;
  }

  /** Empties every table of the store, so the next case starts from nothing. */
  void truncateAll() {
    try {
      execute(dataSource(), "TRUNCATE " + String.join(", ", tables()) + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws SQLException {
    execute(admin, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }
}
