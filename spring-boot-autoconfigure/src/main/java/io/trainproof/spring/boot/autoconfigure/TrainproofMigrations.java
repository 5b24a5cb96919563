package io.trainproof.spring.boot.autoconfigure;

import io.trainproof.persistence.jpa.SqlDialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Trainproof's own migrations, run by a Flyway of their own: history in {@link #DEFAULT_TABLE} (not
 * the host's {@code flyway_schema_history}), scripts from {@link SqlDialect#migrationLocation()}.
 * Two nodes starting together on an empty database apply them once: Flyway locks its history table.
 * For a DBA who applies the scripts by hand, {@link #exportScripts} writes them to a folder (and
 * {@code trainproof.flyway.enabled=false} turns the automatic run off). Thread-safe.
 */
public final class TrainproofMigrations {
  /** The default history table. */
  public static final String DEFAULT_TABLE = "trainproof_schema_history";

  private static final Logger LOG = LoggerFactory.getLogger(TrainproofMigrations.class);
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final DataSource dataSource;
  private final String table;

  /**
   * @param dataSource the host's data source
   * @param table the history table, a plain SQL identifier
   * @throws TrainproofPropertyException when the table name is not a plain identifier
   */
  public TrainproofMigrations(DataSource dataSource, String table) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (table == null || !TABLE.matcher(table).matches()) {
      throw new TrainproofPropertyException(
          "trainproof.flyway.table",
          table,
          "is not a plain SQL table name ([A-Za-z_][A-Za-z0-9_]*)");
    }
    this.table = table;
  }

  /**
   * @return the history table
   */
  public String table() {
    return table;
  }

  /**
   * Applies the migrations not applied yet; on a schema that already holds the host's tables, the
   * history starts empty and every script runs.
   *
   * @param dialect the database
   * @return how many scripts ran now
   */
  public int migrate(SqlDialect dialect) {
    // why: two nodes starting on one new schema race to create the history table; the loser sees
    // it created but not yet baselined ("already exists, and is empty") and waits for the winner
    for (int attempt = 1; ; attempt++) {
      try {
        return migrateOnce(dialect);
      } catch (FlywayException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.contains("already exists, and is empty") || attempt >= RACE_ATTEMPTS) {
          throw e;
        }
        LOG.info(
            "another node is creating Trainproof's history table {}; migrating again ({} of {})",
            table,
            attempt + 1,
            RACE_ATTEMPTS);
        try {
          Thread.sleep(Math.min(1000L, 50L * attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** How many times a node that lost the race to create the history table migrates again. */
  private static final int RACE_ATTEMPTS = 20;

  private int migrateOnce(SqlDialect dialect) {
    MigrateResult result =
        Flyway.configure(TrainproofMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .table(table)
            .locations(dialect.migrationLocation())
            // why: the host's own tables make the schema non-empty; version 0 as the baseline
            // lets V1 run there instead of being skipped as "below the baseline"
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info(
          "Trainproof applied {} migration(s) on {} (history table {})",
          result.migrationsExecuted,
          dialect,
          table);
    }
    return result.migrationsExecuted;
  }

  /**
   * Writes a database's migration scripts to a folder, for a DBA to review and apply (in name
   * order; Flyway's {@code V<n>__} names).
   *
   * @param dialect the database
   * @param directory the folder; created when missing; existing files of the same name are replaced
   * @return the files written, in the order to apply them
   * @throws IOException when a script cannot be read or written
   */
  public static List<Path> exportScripts(SqlDialect dialect, Path directory) throws IOException {
    Resource[] scripts =
        new PathMatchingResourcePatternResolver(TrainproofMigrations.class.getClassLoader())
            .getResources("classpath*:" + dialect.migrationPath() + "/V*__*.sql");
    List<Resource> sorted = new ArrayList<>(Arrays.asList(scripts));
    sorted.sort(Comparator.comparingInt(TrainproofMigrations::version));
    Files.createDirectories(directory);
    List<Path> written = new ArrayList<>();
    for (Resource script : sorted) {
      Path target = directory.resolve(Objects.requireNonNull(script.getFilename()));
      try (InputStream in = script.getInputStream()) {
        Files.write(target, in.readAllBytes());
      }
      written.add(target);
    }
    return List.copyOf(written);
  }

  private static int version(Resource script) {
    @Nullable String name = script.getFilename();
    if (name == null) {
      return Integer.MAX_VALUE;
    }
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }
}
