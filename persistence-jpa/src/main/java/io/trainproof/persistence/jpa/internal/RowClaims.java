package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.domain.WorkforceMember;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Row locks and {@code SKIP LOCKED} claims: the lock writers of one key queue on, the sweep's claim
 * of members (the portable path; PostgreSQL's is in {@link PostgreSqlReads}) and the outbox's claim
 * of due messages. Stateless; thread-safe (each call works in the session it is given).
 */
final class RowClaims {
  private RowClaims() {}

  /**
   * Takes a row lock until the transaction ends, so writers of one key queue instead of racing; a
   * look-then-insert after it is safe on every database (READ COMMITTED).
   */
  static void lockRow(JpaSession session, String table, String keyColumn, UUID id) {
    session
        .em()
        .createNativeQuery(
            "SELECT "
                + keyColumn
                + " FROM "
                + table
                + " WHERE "
                + keyColumn
                + " = ?1 "
                + session.sql().rowLock())
        .setParameter(1, session.bind(id))
        .getResultList();
  }

  /**
   * The order the sweep claims members in. why: ordered by (swept_on, id), nulls first, the claim
   * walks ix_tp_member_sweep from the members still to visit instead of past every member already
   * swept today, which made a sweep of N members read O(N^2) rows. On H2 there is no order (see
   * {@link DialectSql#claimOrder}): it still scans the (org_id, id) index in id order, and the
   * claimed members are sorted when loaded.
   */
  static String sweepOrder(DialectSql sql) {
    return sql.claimOrder(sql.nullsFirst("swept_on") + ", id");
  }

  /**
   * Claims members not yet swept on the day, marks them swept, and reads them in id order. why:
   * SKIP LOCKED lets nodes sweeping at once take disjoint batches instead of queueing behind each
   * other's row locks (PostgreSQL 9.5+, MariaDB 10.6+, H2 2.x).
   */
  static List<WorkforceMember> claimMembers(
      JpaSession session, UUID organization, LocalDate day, int limit) {
    List<?> rows =
        session
            .em()
            .createNativeQuery(
                "SELECT id FROM tp_member WHERE org_id = ?1 AND (swept_on IS NULL OR swept_on < ?2)"
                    + sweepOrder(session.sql())
                    + " LIMIT ?3 "
                    + session.sql().rowLock()
                    + " SKIP LOCKED")
            .setParameter(1, session.bind(organization))
            .setParameter(2, day)
            .setParameter(3, Math.max(1, limit))
            .getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Object> ids = new ArrayList<>();
    List<UUID> uuids = new ArrayList<>();
    for (Object row : rows) {
      UUID id = JpaSession.toUuid(row);
      uuids.add(id);
      ids.add(session.bind(id));
    }
    session
        .em()
        .createNativeQuery("UPDATE tp_member SET swept_on = :day WHERE id IN (:ids)")
        .setParameter("day", day)
        .setParameter("ids", ids)
        .executeUpdate();
    return session
        .em()
        .createQuery(
            "select m from TpMember m where m.id in :ids order by m.id", MemberEntity.class)
        .setParameter("ids", uuids)
        .getResultList()
        .stream()
        .map(session.detached(MemberMapper::member))
        .toList();
  }

  /** Claims the ids of up to {@code limit} undelivered messages due at {@code now}. */
  static List<UUID> claimDue(JpaSession session, Instant now, int limit) {
    List<?> rows =
        session
            .em()
            .createNativeQuery(
                "SELECT id FROM tp_outbox WHERE delivered_at IS NULL"
                    + " AND next_attempt_at <= ?1"
                    + session.sql().claimOrder("created_at, id")
                    + " LIMIT ?2 "
                    + session.sql().rowLock()
                    + " SKIP LOCKED")
            .setParameter(1, now)
            .setParameter(2, Math.max(1, limit))
            .getResultList();
    return rows.stream().map(JpaSession::toUuid).toList();
  }
}
