package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.WorkforceMember;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's bulk reads, on the transaction's JDBC connection: the sweep claim and its members,
 * many members' assignments and completions, and key look-ups. Stateless; thread-safe (each call
 * works in the session it is given).
 *
 * <p>why: the sweep reads every member's facts each day. Built as managed entities (persistence
 * context entries, snapshots for dirty checking, a batch load per element collection) they cost
 * several times what PostgreSQL spent returning the rows. These read on the transaction's
 * connection into the entities the mapper knows, never managed, one statement per batch. Each
 * member's rows come from a LATERAL subquery fenced with OFFSET 0, and each element collection as
 * an array from a correlated subquery, so PostgreSQL probes the member index once per member and
 * the collection's primary key once per row. Plain joins from the unnested ids were planned as hash
 * joins over a sequential scan of the whole table when the table was small (and for the collection
 * tables at any size): a scan per batch, so a sweep grew as the square of the organization.
 */
final class PostgreSqlReads {
  private PostgreSqlReads() {}

  /** Reads one row of a result into what it builds. */
  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /** Maps one row of a result to a value. */
  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /**
   * The sweep claim in one statement (the members still to visit, ordered by (swept_on, id), nulls
   * first, skipping rows another node holds, marked as visited), then the claimed members read in
   * one more. With {@code dueOnly}, the incremental claim: only members whose next change date is
   * unset or has come, in two statements (those unset, then those due, each a bounded range of
   * ix_tp_member_next_change; see {@link RowClaims#dueClaims}).
   */
  static List<WorkforceMember> claimMembers(
      JpaSession session, UUID organization, LocalDate day, int limit, boolean dueOnly) {
    List<MemberEntity> claimed =
        session.onConnection(
            "sweep claim",
            connection -> {
              List<UUID> ids = new ArrayList<>();
              int most = Math.max(1, limit);
              if (dueOnly) {
                for (String[] claim : RowClaims.dueClaims(session.sql())) {
                  if (ids.size() < most) {
                    claimIds(
                        connection,
                        session,
                        claim[0],
                        claim[1],
                        organization,
                        day,
                        most - ids.size(),
                        ids);
                  }
                }
              } else {
                claimIds(
                    connection,
                    session,
                    "",
                    RowClaims.sweepOrder(session.sql()),
                    organization,
                    day,
                    most,
                    ids);
              }
              List<MemberEntity> read = new ArrayList<>();
              if (ids.isEmpty()) {
                return read;
              }
              eachRow(
                  connection,
                  "SELECT m.id, m.external_id, m.display_name, m.engaged_on, m.version, m.id_order,"
                      + " ARRAY(SELECT ARRAY[t.effective_from::text, t.workforce_type, t.roles, t.department, t.manager_id::text,"
                      + " t.status] FROM tp_member_terms t WHERE t.org_id = m.org_id AND t.member_id = m.id ORDER BY t.seq)"
                      + " FROM unnest(?) AS k(v), LATERAL (SELECT * FROM tp_member m WHERE m.id = k.v AND m.org_id = ? OFFSET 0) m"
                      + " ORDER BY m.id",
                  ids,
                  organization,
                  row -> {
                    MemberEntity e = new MemberEntity(Objects.requireNonNull(uuidAt(row, 1)));
                    e.orgId = organization;
                    e.externalId = row.getString(2);
                    e.displayName = row.getString(3);
                    e.engagedOn = Objects.requireNonNull(dateAt(row, 4));
                    e.version = row.getLong(5);
                    e.idOrder = row.getString(6);
                    for (String[] t : textRowsAt(row, 7)) {
                      e.history.add(
                          new MemberEntity.Terms(
                              LocalDate.parse(t[0]), t[1], t[2], t[3], uuidOrNull(t[4]), t[5]));
                    }
                    read.add(e);
                  });
              return read;
            });
    return claimed.stream().map(MemberMapper::member).toList();
  }

  /**
   * Marks up to {@code limit} members matching the claim (not swept on the day, and the extra
   * condition, which binds the day when it has a parameter) swept, skipping rows another node
   * holds, and adds their ids to {@code ids}.
   */
  private static void claimIds(
      Connection connection,
      JpaSession session,
      String condition,
      String order,
      UUID organization,
      LocalDate day,
      int limit,
      List<UUID> ids)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE tp_member m SET swept_on = ?"
                + " FROM (SELECT org_id, id FROM tp_member WHERE org_id = ? AND (swept_on IS NULL OR swept_on < ?)"
                + condition
                + order
                + " LIMIT ? "
                + session.sql().rowLock()
                + " SKIP LOCKED) c"
                // why: no org_id = ? here: that outer filter made PostgreSQL plan the limited claim
                // as the inner side of a nested loop, run again per row, claiming past the limit;
                // the join on the claimed rows' own key (org_id, id) keeps the update in the
                // organization (ids are unique per organization only) and on its shard
                + " WHERE m.org_id = c.org_id AND m.id = c.id RETURNING m.id")) {
      int p = 1;
      statement.setObject(p++, day);
      statement.setObject(p++, organization);
      statement.setObject(p++, day);
      if (condition.contains("?")) {
        statement.setObject(p++, day);
      }
      statement.setInt(p, limit);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(Objects.requireNonNull(uuidAt(rows, 1)));
        }
      }
    }
  }

  /** The members' assignments in the query's order (assigned_at, id), in one statement. */
  static List<Assignment> assignments(JpaSession session, UUID organization, List<UUID> members) {
    return read(
        session,
        "Assignment",
        organization,
        members,
        "SELECT a.id, a.member_id, a.course_id, a.requirement_id, a.reason, a.policy_version_id,"
            + " a.dedupe_key, a.assigned_on, a.assigned_at, a.assigned_by, a.anchor_on, a.due_on, a.started_on,"
            + " a.closure_state, a.closure_on, a.closure_recorded_at, a.closure_by, a.closure_reason,"
            + " a.closure_completion_id, a.version, a.id_order,"
            + " ARRAY(SELECT ARRAY[d.granted_on::text, d.new_due_on::text, d.approved_by, d.reason]"
            + " FROM tp_assignment_due_change d WHERE d.org_id = a.org_id AND d.assignment_id = a.id ORDER BY d.seq)"
            + " FROM unnest(?) AS k(v), LATERAL (SELECT * FROM tp_assignment a WHERE a.member_id = k.v AND a.org_id = ?"
            + " OFFSET 0) a"
            + " ORDER BY a.assigned_at, a.id",
        row -> {
          AssignmentEntity e = new AssignmentEntity();
          e.id = Objects.requireNonNull(uuidAt(row, 1));
          e.orgId = organization;
          e.memberId = Objects.requireNonNull(uuidAt(row, 2));
          e.courseId = Objects.requireNonNull(uuidAt(row, 3));
          e.requirementId = uuidAt(row, 4);
          e.reason = row.getString(5);
          e.policyVersionId = uuidAt(row, 6);
          e.dedupeKey = row.getString(7);
          e.assignedOn = Objects.requireNonNull(dateAt(row, 8));
          e.assignedAt = Objects.requireNonNull(instantAt(row, 9));
          e.assignedBy = row.getString(10);
          e.anchorOn = Objects.requireNonNull(dateAt(row, 11));
          e.dueOn = Objects.requireNonNull(dateAt(row, 12));
          e.startedOn = dateAt(row, 13);
          e.closureState = row.getString(14);
          e.closureOn = dateAt(row, 15);
          e.closureRecordedAt = instantAt(row, 16);
          e.closureBy = row.getString(17);
          e.closureReason = row.getString(18);
          e.closureCompletionId = uuidAt(row, 19);
          e.version = row.getLong(20);
          e.idOrder = row.getString(21);
          for (String[] d : textRowsAt(row, 22)) {
            e.dueChanges.add(
                new AssignmentEntity.DueChange(
                    LocalDate.parse(d[0]), LocalDate.parse(d[1]), d[2], d[3]));
          }
          return TrainingMapper.assignment(e);
        });
  }

  /**
   * The members' completions in the query's order (completed_on, recorded_at, id), as {@link
   * #assignments} reads assignments.
   */
  static List<Completion> completions(JpaSession session, UUID organization, List<UUID> members) {
    return read(
        session,
        "Completion",
        organization,
        members,
        "SELECT c.id, c.member_id, c.workforce_type, c.assignment_id, c.course_id,"
            + " c.course_version_id, c.content_sha256, c.reason, c.change_version_id, c.change_effective_on,"
            + " c.assigned_on, c.due_on, c.completed_on, c.recorded_at, c.score, c.passed, c.method, c.recorded_by,"
            + " c.source, c.source_ref, c.justification, c.retention_until, c.id_order,"
            + " ARRAY(SELECT r.role FROM tp_completion_role r WHERE r.org_id = c.org_id AND r.completion_id = c.id),"
            + " ARRAY(SELECT p.policy_version_id FROM tp_completion_policy_version p WHERE p.org_id = c.org_id AND p.completion_id = c.id),"
            + " ARRAY(SELECT ARRAY[v.name, v.sha256] FROM tp_completion_evidence v WHERE v.org_id = c.org_id AND v.completion_id = c.id"
            + " ORDER BY v.seq)"
            + " FROM unnest(?) AS k(v), LATERAL (SELECT * FROM tp_completion c WHERE c.member_id = k.v AND c.org_id = ?"
            + " OFFSET 0) c"
            + " ORDER BY c.completed_on, c.recorded_at, c.id",
        row -> {
          CompletionEntity e = new CompletionEntity(Objects.requireNonNull(uuidAt(row, 1)));
          e.orgId = organization;
          e.memberId = Objects.requireNonNull(uuidAt(row, 2));
          e.workforceType = row.getString(3);
          e.assignmentId = Objects.requireNonNull(uuidAt(row, 4));
          e.courseId = Objects.requireNonNull(uuidAt(row, 5));
          e.courseVersionId = Objects.requireNonNull(uuidAt(row, 6));
          e.contentSha256 = row.getString(7);
          e.reason = row.getString(8);
          e.changeVersionId = uuidAt(row, 9);
          e.changeEffectiveOn = dateAt(row, 10);
          e.assignedOn = Objects.requireNonNull(dateAt(row, 11));
          e.dueOn = Objects.requireNonNull(dateAt(row, 12));
          e.completedOn = Objects.requireNonNull(dateAt(row, 13));
          e.recordedAt = Objects.requireNonNull(instantAt(row, 14));
          e.score = row.getObject(15, Integer.class);
          e.passed = row.getBoolean(16);
          e.method = row.getString(17);
          e.recordedBy = row.getString(18);
          e.source = row.getString(19);
          e.sourceRef = row.getString(20);
          e.justification = row.getString(21);
          e.retentionUntil = Objects.requireNonNull(dateAt(row, 22));
          e.idOrder = row.getString(23);
          for (Object role : arrayAt(row, 24)) {
            e.roles.add((String) role);
          }
          for (Object version : arrayAt(row, 25)) {
            e.policyVersions.add((UUID) version);
          }
          for (String[] f : textRowsAt(row, 26)) {
            e.evidence.add(new CompletionEntity.Evidence(f[0], f[1]));
          }
          return TrainingMapper.completion(e);
        });
  }

  /**
   * Which of the (non-empty) keys a table holds in an organization. why: an IN list of hundreds of
   * keys on a table without statistics yet (a tenant's first bulk load, before autovacuum analyzes
   * it) is planned as a sequential scan per call, which made a roster load quadratic; a join from
   * the unnested keys probes the unique index once per key whatever the statistics say.
   */
  static Set<String> keysIn(
      JpaSession session, String table, String keyColumn, UUID organization, List<String> keys) {
    Set<String> found = new HashSet<>();
    return session.onConnection(
        "key look-up",
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT t."
                      + keyColumn
                      + " FROM unnest(?) AS k(v) JOIN "
                      + table
                      + " t ON t.org_id = ? AND t."
                      + keyColumn
                      + " = k.v")) {
            statement.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
            statement.setObject(2, organization);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                found.add(rows.getString(1));
              }
            }
          }
          return found;
        });
  }

  /**
   * Many members' rows of one kind, as a query would give them (pending changes are flushed first),
   * read with {@link #eachRow} on the transaction's connection; a failure is translated as the
   * entity's.
   */
  private static <T> List<T> read(
      JpaSession session,
      String entity,
      UUID organization,
      List<UUID> members,
      String sql,
      RowMapper<T> mapper) {
    return JpaSession.guard(
        entity,
        "members of " + organization,
        () -> {
          session.em().flush();
          return session.onConnection(
              entity + " read",
              connection -> {
                List<T> read = new ArrayList<>();
                eachRow(connection, sql, members, organization, row -> read.add(mapper.map(row)));
                return read;
              });
        });
  }

  /**
   * Runs a query whose first parameter is the members' ids ({@code unnest(?) AS k(v)}) and whose
   * second is the organization, and hands each row to the reader.
   */
  private static void eachRow(
      Connection connection, String sql, List<UUID> members, UUID organization, RowReader reader)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("uuid", members.toArray()));
      statement.setObject(2, organization);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }

  private static @Nullable UUID uuidAt(ResultSet row, int column) throws SQLException {
    return row.getObject(column, UUID.class);
  }

  private static @Nullable LocalDate dateAt(ResultSet row, int column) throws SQLException {
    return row.getObject(column, LocalDate.class);
  }

  private static @Nullable Instant instantAt(ResultSet row, int column) throws SQLException {
    OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  /** The elements of an array column built with {@code ARRAY(SELECT ...)}, never null. */
  private static Object[] arrayAt(ResultSet row, int column) throws SQLException {
    return (Object[]) row.getArray(column).getArray();
  }

  /**
   * The rows of a two-dimensional text array column, built with {@code ARRAY(SELECT ARRAY[...]
   * ...)}: one string array per collection element, nulls kept; dates are ISO text (the driver runs
   * sessions with DateStyle ISO).
   */
  private static List<@Nullable String[]> textRowsAt(ResultSet row, int column)
      throws SQLException {
    List<@Nullable String[]> rows = new ArrayList<>();
    for (Object element : arrayAt(row, column)) {
      rows.add((String[]) element);
    }
    return rows;
  }

  private static @Nullable UUID uuidOrNull(@Nullable String text) {
    return text == null ? null : UUID.fromString(text);
  }
}
