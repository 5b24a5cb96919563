package io.trainproof.persistence.jpa.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * MariaDB's SQL: UUIDs bound as text, and insert-or-ignore with {@code ON DUPLICATE KEY UPDATE}
 * followed by a look at who holds the key. Stateless; thread-safe.
 */
final class MariaDbDialectSql implements DialectSql {
  static final MariaDbDialectSql INSTANCE = new MariaDbDialectSql();

  /**
   * why: with the driver's found-rows default the update count cannot tell a no-op duplicate from
   * an insert, so the row that holds the key says who won.
   */
  private static final String IGNORE_DUPLICATE = " ON DUPLICATE KEY UPDATE id = id";

  private MariaDbDialectSql() {}

  /** MariaDB compares its UUID columns with their text form. */
  @Override
  public Object bind(UUID value) {
    return value.toString();
  }

  @Override
  public String rowLock() {
    return "FOR UPDATE";
  }

  @Override
  public String claimOrder(String orderBy) {
    return " ORDER BY " + orderBy;
  }

  /**
   * why: with a secondary index that also fits the query, InnoDB may scan that index and lock its
   * entries, and locks on secondary entries are what concurrent deletes of the same rows deadlock
   * on (the wallet nonces' expiry purge did, a few times in a thousand).
   */
  @Override
  public String byPrimaryKey() {
    return " FORCE INDEX (PRIMARY)";
  }

  /**
   * why: InnoDB locks every row a locking read examines, and with two indexes starting with org_id
   * (ix_tp_member_sweep, ix_tp_member_next_change) it may read the claim through the one that does
   * not deliver its order and sort afterwards, locking every candidate row instead of the {@code
   * LIMIT} it takes, so a concurrent claim skipped them all.
   */
  @Override
  public String claimIndex(String index) {
    return " FORCE INDEX (" + index + ")";
  }

  /** Ascending order puts nulls first already. */
  @Override
  public String nullsFirst(String column) {
    return column;
  }

  @Override
  public boolean insertUnlessKeyTaken(
      JpaSession session,
      KeyedTable table,
      UUID organization,
      KeyedRow row,
      BooleanSupplier lockLookInsert) {
    MultiRowInserts.insert(session, table.name(), table.columns(), row.values(), IGNORE_DUPLICATE);
    List<?> owner =
        session
            .em()
            .createNativeQuery(
                "SELECT id FROM "
                    + table.name()
                    + " WHERE org_id = ?1 AND "
                    + table.keyColumn()
                    + " = ?2 FOR UPDATE")
            .setParameter(1, bind(organization))
            .setParameter(2, row.key())
            .getResultList();
    return !owner.isEmpty() && JpaSession.toUuid(owner.get(0)).equals(row.id());
  }

  @Override
  public Set<UUID> insertAllUnlessKeyTaken(
      JpaSession session, KeyedTable table, UUID organization, List<KeyedRow> rows, Runnable lock) {
    insertRows(
        session,
        table.name(),
        table.columns(),
        rows.stream().map(KeyedRow::values).toList(),
        IGNORE_DUPLICATE,
        false);
    Set<UUID> owners =
        ownersOf(session, table, organization, rows.stream().map(KeyedRow::key).toList());
    Set<UUID> added = new HashSet<>();
    rows.stream().map(KeyedRow::id).filter(owners::contains).forEach(added::add);
    return added;
  }

  /** The ids of the rows that hold the keys in an organization, each row locked. */
  private Set<UUID> ownersOf(
      JpaSession session, KeyedTable table, UUID organization, List<String> keys) {
    Set<UUID> owners = new HashSet<>();
    for (List<String> chunk : JpaSession.chunks(keys)) {
      for (Object id :
          session
              .em()
              .createNativeQuery(
                  "SELECT id FROM "
                      + table.name()
                      + " WHERE org_id = :org AND "
                      + table.keyColumn()
                      + " IN (:keys) FOR UPDATE")
              .setParameter("org", bind(organization))
              .setParameter("keys", chunk)
              .getResultList()) {
        owners.add(JpaSession.toUuid(id));
      }
    }
    return owners;
  }
}
