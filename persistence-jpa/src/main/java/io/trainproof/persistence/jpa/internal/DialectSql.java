package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.persistence.jpa.SqlDialect;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The SQL that differs per database, one implementation per {@link SqlDialect}: how a UUID is
 * bound, the row lock and claim order of {@code SKIP LOCKED} claims, insert-unless-the-key-is-
 * taken, and where bulk reads and multi-row inserts run. The default methods are the portable path,
 * through the provider's queries; PostgreSQL overrides them to run on the transaction's JDBC
 * connection. Repositories ask this instead of testing which database they are on. Implementations
 * are stateless and thread-safe.
 */
interface DialectSql {
  /**
   * The SQL of a database.
   *
   * @param dialect the database
   * @return its SQL (a shared, stateless instance)
   */
  static DialectSql of(SqlDialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> PostgreSqlDialectSql.INSTANCE;
      case MARIADB -> MariaDbDialectSql.INSTANCE;
      case H2 -> H2DialectSql.INSTANCE;
    };
  }

  /**
   * A UUID as a native query parameter.
   *
   * @param value the UUID
   * @return what to bind
   */
  Object bind(UUID value);

  /**
   * The row lock a writer takes in a {@code SELECT}, e.g. {@code FOR UPDATE}.
   *
   * @return the lock clause, without a leading space
   */
  String rowLock();

  /**
   * The {@code ORDER BY} of a {@code SKIP LOCKED} claim.
   *
   * @param orderBy the columns the claim takes rows in
   * @return the clause with a leading space, or empty where ordering would break the claim
   */
  String claimOrder(String orderBy);

  /**
   * The index a {@code SKIP LOCKED} claim of members reads, where the database must be told.
   *
   * @param index the index that delivers the claim's rows in its order
   * @return a hint with a leading space, or empty (the default: the planner finds it)
   */
  default String claimIndex(String index) {
    return "";
  }

  /**
   * A column to sort ascending with its nulls first.
   *
   * @param column the column
   * @return the sort key
   */
  String nullsFirst(String column);

  /**
   * What follows a table's name in a {@code SELECT} that locks rows named by their whole primary
   * key, so that the database reaches and locks them through the primary key alone.
   *
   * @return the index hint with a leading space, or empty where none is needed
   */
  default String byPrimaryKey() {
    return "";
  }

  /**
   * Claims up to {@code limit} members of an organization not yet swept on {@code day}, skipping
   * rows other nodes hold, and marks them swept.
   *
   * @param session the transaction
   * @param organization the organization
   * @param day the sweep's day
   * @param limit the most members to claim
   * @param dueOnly whether to claim only members whose next change date is unset or has come
   * @return the claimed members in id order
   */
  default List<WorkforceMember> claimForSweep(
      JpaSession session, UUID organization, LocalDate day, int limit, boolean dueOnly) {
    return RowClaims.claimMembers(session, organization, day, limit, dueOnly);
  }

  /**
   * Sets members' next change dates (the incremental sweep's), each row filtered by organization
   * first: one JDBC batch of single-row UPDATEs on the transaction's connection, since a sweep
   * batch's members have many different dates.
   *
   * @param session the transaction
   * @param organization the organization
   * @param next each member's date
   */
  default void setNextChange(JpaSession session, UUID organization, Map<UUID, LocalDate> next) {
    session.onConnection(
        "next change dates",
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE tp_member SET next_change_on = ? WHERE org_id = ? AND id = ?")) {
            for (Map.Entry<UUID, LocalDate> e : next.entrySet()) {
              statement.setObject(1, e.getValue());
              statement.setObject(2, session.bind(organization));
              statement.setObject(3, session.bind(e.getKey()));
              statement.addBatch();
            }
            return statement.executeBatch().length;
          }
        });
  }

  /**
   * One IN list of members' assignments, ordered by (assigned_at, id).
   *
   * @param session the transaction
   * @param organization the organization
   * @param members the members' ids
   * @return their assignments
   */
  default List<Assignment> assignmentsOf(
      JpaSession session, UUID organization, List<UUID> members) {
    return ProviderReads.assignments(session, organization, members);
  }

  /**
   * One IN list of members' completions, ordered by (completed_on, recorded_at, id).
   *
   * @param session the transaction
   * @param organization the organization
   * @param members the members' ids
   * @return their completions
   */
  default List<Completion> completionsOf(
      JpaSession session, UUID organization, List<UUID> members) {
    return ProviderReads.completions(session, organization, members);
  }

  /**
   * Which of the keys a table holds in an organization.
   *
   * @param session the transaction
   * @param table the table
   * @param keyColumn the key's column, unique with {@code org_id}
   * @param organization the organization
   * @param keys the keys to look for
   * @return the keys found
   */
  default Set<String> keysIn(
      JpaSession session, String table, String keyColumn, UUID organization, List<String> keys) {
    return ProviderReads.keysIn(session, table, keyColumn, organization, keys);
  }

  /**
   * Inserts rows with multi-row INSERT statements (see {@link MultiRowInserts}).
   *
   * @param session the transaction
   * @param table the table
   * @param columns its columns, in the rows' order
   * @param rows the rows' values
   * @param suffix what each statement ends in
   * @param returning whether the suffix returns the inserted ids
   * @return the inserted ids with {@code returning}, else empty
   */
  default List<UUID> insertRows(
      JpaSession session,
      String table,
      String[] columns,
      List<@Nullable Object[]> rows,
      String suffix,
      boolean returning) {
    return MultiRowInserts.throughProvider(session, table, columns, rows, suffix, returning);
  }

  /**
   * Inserts one row unless its key is taken in the organization.
   *
   * @param session the transaction
   * @param table the table and its key
   * @param organization the row's organization
   * @param row the row
   * @param lockLookInsert for a database without insert-or-ignore: takes the lock that queues
   *     writers of the key, looks, and inserts if the key is free; whether it inserted
   * @return whether the row was inserted
   */
  boolean insertUnlessKeyTaken(
      JpaSession session,
      KeyedTable table,
      UUID organization,
      KeyedRow row,
      BooleanSupplier lockLookInsert);

  /**
   * Inserts one organization's rows, each unless its key is taken, keys distinct.
   *
   * @param session the transaction
   * @param table the table and its key
   * @param organization the rows' organization
   * @param rows the rows
   * @param lock for a database without insert-or-ignore: takes the locks that queue writers of
   *     these keys before the look
   * @return the ids of the rows inserted
   */
  Set<UUID> insertAllUnlessKeyTaken(
      JpaSession session, KeyedTable table, UUID organization, List<KeyedRow> rows, Runnable lock);

  /**
   * A table with a key unique within an organization ({@code (org_id, keyColumn)}).
   *
   * @param name the table
   * @param columns the columns rows are inserted with
   * @param keyColumn the key's column
   */
  @SuppressWarnings("ArrayRecordComponent") // why: a constant table description, never compared
  record KeyedTable(String name, String[] columns, String keyColumn) {}

  /**
   * A row to insert unless its key is taken.
   *
   * @param key the key
   * @param id the row's id
   * @param values the values, in the table's columns' order
   */
  @SuppressWarnings("ArrayRecordComponent") // why: a row on its way to a statement, never compared
  record KeyedRow(String key, UUID id, @Nullable Object[] values) {}
}
