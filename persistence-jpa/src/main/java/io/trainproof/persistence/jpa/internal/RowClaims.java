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
   * As {@link #lockRow}, for a row of a distributed table: found by its whole key {@code (org_id,
   * id)}, so the statement goes to the organization's shard.
   */
  static void lockRowInOrg(JpaSession session, String table, UUID organization, UUID id) {
    session
        .em()
        .createNativeQuery(
            "SELECT id FROM " + table + " WHERE org_id = ?1 AND id = ?2 " + session.sql().rowLock())
        .setParameter(1, session.bind(organization))
        .setParameter(2, session.bind(id))
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
   * The incremental claim's two steps, each a condition on top of "not swept on the day" and its
   * order: first the members whose next change date is unset, then those whose date has come (the
   * one parameter binds the day). why: one condition {@code (next_change_on IS NULL OR
   * next_change_on <= day)} is no range of ix_tp_member_next_change, so a claim ordered by it on a
   * day with little due walked the whole organization; each of these is a bounded range of the
   * index (org_id, next_change_on, swept_on, id), read in index order, so a claim reads the members
   * it takes (and those already swept today within the range, which are few: a swept member's date
   * moves past today).
   */
  static List<String[]> dueClaims(DialectSql sql) {
    return List.of(
        new String[] {
          " AND next_change_on IS NULL",
          sql.claimOrder(sql.nullsFirst("swept_on") + ", id"),
          NEXT_CHANGE_INDEX
        },
        new String[] {
          " AND next_change_on <= ?",
          sql.claimOrder("next_change_on, " + sql.nullsFirst("swept_on") + ", id"),
          NEXT_CHANGE_INDEX
        });
  }

  /** The index of the full claim (migration V2). */
  static final String SWEEP_INDEX = "ix_tp_member_sweep";

  /** The index of the incremental claim (migration V6). */
  static final String NEXT_CHANGE_INDEX = "ix_tp_member_next_change";

  /**
   * Claims members not yet swept on the day (with {@code dueOnly}, only those whose next change
   * date is unset or has come), marks them swept, and reads them in id order. why: SKIP LOCKED lets
   * nodes sweeping at once take disjoint batches instead of queueing behind each other's row locks
   * (PostgreSQL 9.5+, MariaDB 10.6+, H2 2.x).
   */
  static List<WorkforceMember> claimMembers(
      JpaSession session, UUID organization, LocalDate day, int limit, boolean dueOnly) {
    int most = Math.max(1, limit);
    List<UUID> uuids = new ArrayList<>();
    if (dueOnly) {
      for (String[] claim : dueClaims(session.sql())) {
        if (uuids.size() < most) {
          uuids.addAll(
              claimIds(
                  session, claim[0], claim[1], claim[2], organization, day, most - uuids.size()));
        }
      }
    } else {
      uuids.addAll(
          claimIds(session, "", sweepOrder(session.sql()), SWEEP_INDEX, organization, day, most));
    }
    if (uuids.isEmpty()) {
      return List.of();
    }
    List<Object> ids = new ArrayList<>();
    for (UUID id : uuids) {
      ids.add(session.bind(id));
    }
    session
        .em()
        .createNativeQuery(
            "UPDATE tp_member SET swept_on = :day WHERE org_id = :org AND id IN (:ids)")
        .setParameter("day", day)
        .setParameter("org", session.bind(organization))
        .setParameter("ids", ids)
        .executeUpdate();
    return session
        .em()
        .createQuery(
            "select m from TpMember m where m.orgId = :org and m.id in :ids order by m.id",
            MemberEntity.class)
        .setParameter("org", organization)
        .setParameter("ids", uuids)
        .getResultList()
        .stream()
        .map(session.detached(MemberMapper::member))
        .toList();
  }

  /**
   * Locks (skipping rows another node holds) the ids of up to {@code limit} members of the
   * organization not swept on the day that meet the extra condition (whose one parameter, if any,
   * binds the day).
   */
  private static List<UUID> claimIds(
      JpaSession session,
      String condition,
      String order,
      String index,
      UUID organization,
      LocalDate day,
      int limit) {
    List<?> rows =
        session
            .em()
            .createNativeQuery(
                "SELECT id FROM tp_member"
                    + session.sql().claimIndex(index)
                    + " WHERE org_id = ?1 AND (swept_on IS NULL OR swept_on < ?2)"
                    + condition.replace("?", "?2")
                    + order
                    + " LIMIT ?3 "
                    + session.sql().rowLock()
                    + " SKIP LOCKED")
            .setParameter(1, session.bind(organization))
            .setParameter(2, day)
            .setParameter(3, limit)
            .getResultList();
    return rows.stream().map(JpaSession::toUuid).toList();
  }

  /**
   * Claims the keys of up to {@code limit} undelivered messages due at {@code now}, of every
   * organization (by design: one dispatcher leases for all; across shards on a distributed
   * database, see docs/SCALING.md).
   */
  static List<OrgScopedId> claimDue(JpaSession session, Instant now, int limit) {
    List<?> rows =
        session
            .em()
            .createNativeQuery(
                "SELECT org_id, id FROM tp_outbox WHERE delivered_at IS NULL"
                    + " AND next_attempt_at <= ?1"
                    + session.sql().claimOrder("created_at, id")
                    + " LIMIT ?2 "
                    + session.sql().rowLock()
                    + " SKIP LOCKED")
            .setParameter(1, now)
            .setParameter(2, Math.max(1, limit))
            .getResultList();
    return rows.stream()
        .map(
            row -> {
              Object[] columns = (Object[]) row;
              return new OrgScopedId(JpaSession.toUuid(columns[0]), JpaSession.toUuid(columns[1]));
            })
        .toList();
  }
}
