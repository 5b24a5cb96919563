package io.trainproof.benchmarks;

import io.trainproof.persistence.jpa.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A uniquely named schema ({@code tp_bench_…}) on the local PostgreSQL server (127.0.0.1:5432,
 * database {@code test}, user {@code postgres}, trust auth; {@code -Dtrainproof.db.host=…} points
 * elsewhere), migrated with Flyway from the JPA store's own migrations, dropped on close.
 */
final class PgDatabase implements AutoCloseable {
  static final String HOST = System.getProperty("trainproof.db.host", "127.0.0.1");

  final String schema;
  final PGSimpleDataSource dataSource;
  private final PGSimpleDataSource admin;

  private final boolean kept;

  private PgDatabase(
      String schema, PGSimpleDataSource admin, PGSimpleDataSource dataSource, boolean kept) {
    this.schema = schema;
    this.admin = admin;
    this.dataSource = dataSource;
    this.kept = kept;
  }

  /**
   * A schema a run kept ({@code -Dtrainproof.bench.keepSchema=true}), as it is: not migrated, not
   * dropped on close.
   *
   * @param schema its name
   * @return the database
   */
  static PgDatabase existing(String schema) {
    if (!schema.matches("tp_bench_[0-9a-f]{12}")) {
      throw new IllegalArgumentException("not a benchmark schema: " + schema);
    }
    return new PgDatabase(schema, source(null), source(schema), true);
  }

  static PgDatabase create() {
    String schema = "tp_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    PGSimpleDataSource admin = source(null);
    execute(admin, "CREATE SCHEMA " + schema);
    PGSimpleDataSource ds = source(schema);
    Flyway.configure()
        .dataSource(ds)
        .locations(SqlDialect.POSTGRESQL.migrationLocation())
        .failOnMissingLocations(true)
        .load()
        .migrate();
    return new PgDatabase(schema, admin, ds, false);
  }

  /**
   * Whether the server answers.
   *
   * @return true when a connection opens
   */
  static boolean reachable() {
    try (Connection c = source(null).getConnection()) {
      return c.isValid(3);
    } catch (SQLException e) {
      return false;
    }
  }

  private static PGSimpleDataSource source(String schema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {HOST});
    ds.setPortNumbers(new int[] {5432});
    ds.setDatabaseName("test");
    ds.setUser("postgres");
    ds.setConnectTimeout(3);
    ds.setLoginTimeout(3);
    if (schema != null) {
      ds.setCurrentSchema(schema);
    }
    return ds;
  }

  /**
   * A fresh, unpooled data source on this schema.
   *
   * @param rewriteBatchedInserts whether the driver rewrites a JDBC batch of inserts into multi-row
   *     statements (its batched-insert rewriting option)
   * @return the data source
   */
  PGSimpleDataSource source(boolean rewriteBatchedInserts) {
    PGSimpleDataSource ds = source(schema);
    ds.setReWriteBatchedInserts(rewriteBatchedInserts);
    return ds;
  }

  static void execute(DataSource ds, String... sql) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
    }
  }

  /**
   * Drops the schema, unless {@code -Dtrainproof.bench.keepSchema=true} asks to keep it for a look
   * afterwards (its name is in the {@code tp_bench_} schemas of the database; drop it by hand).
   */
  @Override
  public void close() {
    if (!kept && !Boolean.getBoolean("trainproof.bench.keepSchema")) {
      execute(admin, "DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
