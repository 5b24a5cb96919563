package io.trainproof.persistence.jpa.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * H2's SQL. H2 has no insert-or-ignore outside its compatibility modes, and a failed statement
 * would mark the JPA transaction for rollback, so writers of a key queue on a row lock the caller
 * names, then look before inserting (H2 is single-process). Stateless; thread-safe.
 */
final class H2DialectSql implements DialectSql {
  static final H2DialectSql INSTANCE = new H2DialectSql();

  private H2DialectSql() {}

  @Override
  public Object bind(UUID value) {
    return value;
  }

  @Override
  public String rowLock() {
    return "FOR UPDATE";
  }

  /**
   * why (H2 2.3): with an ORDER BY, H2 limits before it skips locked rows, so a second node would
   * claim nothing; without one it skips, then limits (it still scans the index in order).
   */
  @Override
  public String claimOrder(String orderBy) {
    return "";
  }

  @Override
  public String nullsFirst(String column) {
    return column + " NULLS FIRST";
  }

  @Override
  public boolean insertUnlessKeyTaken(
      JpaSession session,
      KeyedTable table,
      UUID organization,
      KeyedRow row,
      BooleanSupplier lockLookInsert) {
    return lockLookInsert.getAsBoolean();
  }

  @Override
  public Set<UUID> insertAllUnlessKeyTaken(
      JpaSession session, KeyedTable table, UUID organization, List<KeyedRow> rows, Runnable lock) {
    lock.run();
    Set<String> taken =
        keysIn(
            session,
            table.name(),
            table.keyColumn(),
            organization,
            rows.stream().map(KeyedRow::key).toList());
    List<KeyedRow> fresh = rows.stream().filter(row -> !taken.contains(row.key())).toList();
    insertRows(
        session,
        table.name(),
        table.columns(),
        fresh.stream().map(KeyedRow::values).toList(),
        "",
        false);
    Set<UUID> added = new HashSet<>();
    fresh.forEach(row -> added.add(row.id()));
    return added;
  }
}
