package io.trainproof.persistence.jpa;

import io.trainproof.core.ValidationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases the JPA store runs on. Each has its own migrations and its own SQL for the two
 * statements JPQL cannot express: insert-unless-the-dedupe-key-exists and the sweep claim that
 * skips rows other nodes hold ({@code FOR UPDATE SKIP LOCKED}).
 */
public enum SqlDialect {
  /** PostgreSQL 12 or later. */
  POSTGRESQL("postgresql"),
  /** MariaDB 10.7 or later (native UUID type; SKIP LOCKED needs 10.6). MySQL is not supported. */
  MARIADB("mariadb"),
  /** H2 2.x, embedded: for tests, demos and single-process hosts. */
  H2("h2");

  private final String folder;

  SqlDialect(String folder) {
    this.folder = folder;
  }

  /**
   * Where this database's migrations are, as a Flyway location, e.g. {@code
   * classpath:db/trainproof/postgresql}. Files follow Flyway's naming ({@code
   * V1__trainproof_core.sql}); add the location to the host's own Flyway configuration, or list the
   * files in a Liquibase changelog as {@code sqlFile}s.
   *
   * @return the location
   */
  public String migrationLocation() {
    return "classpath:" + migrationPath();
  }

  /**
   * @return the classpath folder of this database's migrations, e.g. {@code db/trainproof/h2}
   */
  public String migrationPath() {
    return "db/trainproof/" + folder;
  }

  /**
   * The dialect of a database, from its JDBC product name.
   *
   * @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
   * @return the dialect
   * @throws ValidationException for a database Trainproof does not support
   */
  public static SqlDialect fromProductName(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("postgres")) {
      return POSTGRESQL;
    }
    if (name.contains("mariadb")) {
      return MARIADB;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new ValidationException(
        "database", productName, "is not supported (PostgreSQL, MariaDB or H2)");
  }

  /**
   * Detects the dialect of a data source by opening one connection.
   *
   * @param dataSource the data source
   * @return the dialect
   * @throws ValidationException for an unsupported database
   * @throws IllegalStateException when no connection can be opened
   */
  public static SqlDialect detect(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      // why: MariaDB's driver reports "MariaDB"; MySQL-protocol servers may report "MySQL"
      // with a version string that names MariaDB.
      String version = c.getMetaData().getDatabaseProductVersion();
      return fromProductName(
          version.toLowerCase(Locale.ROOT).contains("mariadb") ? "MariaDB" : product);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot open a connection to detect the database: " + e.getMessage(), e);
    }
  }
}
