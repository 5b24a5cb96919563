package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.WorkforceMember;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's SQL: insert-or-ignore with {@code ON CONFLICT DO NOTHING}, and bulk reads and
 * multi-row inserts on the transaction's JDBC connection ({@link PostgreSqlReads}). Stateless;
 * thread-safe.
 */
final class PostgreSqlDialectSql implements DialectSql {
  static final PostgreSqlDialectSql INSTANCE = new PostgreSqlDialectSql();

  private PostgreSqlDialectSql() {}

  @Override
  public Object bind(UUID value) {
    return value;
  }

  /**
   * FOR NO KEY UPDATE still queues writers, but does not conflict with the KEY SHARE locks that
   * foreign-key checks take, so a transaction that inserted a child row can still take its parent's
   * lock without an upgrade deadlock.
   */
  @Override
  public String rowLock() {
    return "FOR NO KEY UPDATE";
  }

  @Override
  public String claimOrder(String orderBy) {
    return " ORDER BY " + orderBy;
  }

  @Override
  public String nullsFirst(String column) {
    return column + " NULLS FIRST";
  }

  @Override
  public List<WorkforceMember> claimForSweep(
      JpaSession session, UUID organization, LocalDate day, int limit, boolean dueOnly) {
    return PostgreSqlReads.claimMembers(session, organization, day, limit, dueOnly);
  }

  /** One statement for the whole batch: the ids and dates as two arrays, unnested together. */
  @Override
  public void setNextChange(JpaSession session, UUID organization, Map<UUID, LocalDate> next) {
    session.onConnection(
        "next change dates",
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE tp_member m SET next_change_on = v.d"
                      + " FROM unnest(?, ?::date[]) AS v(id, d)"
                      + " WHERE m.org_id = ? AND m.id = v.id")) {
            List<String> dates = new ArrayList<>(next.size());
            for (LocalDate d : next.values()) {
              dates.add(d.toString());
            }
            statement.setArray(1, connection.createArrayOf("uuid", next.keySet().toArray()));
            statement.setArray(2, connection.createArrayOf("varchar", dates.toArray()));
            statement.setObject(3, organization);
            return statement.executeUpdate();
          }
        });
  }

  @Override
  public List<Assignment> assignmentsOf(JpaSession session, UUID organization, List<UUID> members) {
    return PostgreSqlReads.assignments(session, organization, members);
  }

  @Override
  public List<Completion> completionsOf(JpaSession session, UUID organization, List<UUID> members) {
    return PostgreSqlReads.completions(session, organization, members);
  }

  @Override
  public Set<String> keysIn(
      JpaSession session, String table, String keyColumn, UUID organization, List<String> keys) {
    return keys.isEmpty()
        ? new HashSet<>()
        : PostgreSqlReads.keysIn(session, table, keyColumn, organization, keys);
  }

  @Override
  public List<UUID> insertRows(
      JpaSession session,
      String table,
      String[] columns,
      List<@Nullable Object[]> rows,
      String suffix,
      boolean returning) {
    return MultiRowInserts.onConnection(session, table, columns, rows, suffix, returning);
  }

  @Override
  public boolean insertUnlessKeyTaken(
      JpaSession session,
      KeyedTable table,
      UUID organization,
      KeyedRow row,
      BooleanSupplier lockLookInsert) {
    return MultiRowInserts.insert(
            session, table.name(), table.columns(), row.values(), onConflict(table))
        == 1;
  }

  @Override
  public Set<UUID> insertAllUnlessKeyTaken(
      JpaSession session, KeyedTable table, UUID organization, List<KeyedRow> rows, Runnable lock) {
    return new HashSet<>(
        insertRows(
            session,
            table.name(),
            table.columns(),
            rows.stream().map(KeyedRow::values).toList(),
            onConflict(table) + " RETURNING id",
            true));
  }

  private static String onConflict(KeyedTable table) {
    return " ON CONFLICT (org_id, " + table.keyColumn() + ") DO NOTHING";
  }
}
