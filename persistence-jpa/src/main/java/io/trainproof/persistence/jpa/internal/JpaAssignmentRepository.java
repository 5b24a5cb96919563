package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.spi.AssignmentCountQuery;
import io.trainproof.core.spi.AssignmentCounts;
import io.trainproof.core.spi.AssignmentRepository;
import io.trainproof.persistence.jpa.internal.DialectSql.KeyedRow;
import io.trainproof.persistence.jpa.internal.DialectSql.KeyedTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Assignments in the JPA store: insert-unless-the-dedupe-key-exists (one or many), the members'
 * assignments for the sweep, and the assignment counts as one statement. Not thread-safe: bound to
 * one transaction.
 */
final class JpaAssignmentRepository implements AssignmentRepository {
  private static final KeyedTable TABLE =
      new KeyedTable(
          "tp_assignment",
          new String[] {
            "id",
            "org_id",
            "member_id",
            "course_id",
            "requirement_id",
            "reason",
            "policy_version_id",
            "dedupe_key",
            "assigned_on",
            "assigned_at",
            "assigned_by",
            "anchor_on",
            "due_on",
            "started_on",
            "closure_state",
            "closure_on",
            "closure_recorded_at",
            "closure_by",
            "closure_reason",
            "closure_completion_id",
            "version",
            "id_order"
          },
          "dedupe_key");

  private static final String[] DUE_CHANGE_COLUMNS = {
    "org_id", "assignment_id", "seq", "granted_on", "new_due_on", "approved_by", "reason"
  };

  /**
   * The assignment counts ({@link AssignmentCountQuery} has the facts they count; what they mean is
   * core's) as one statement in the SQL all three databases share, so no dialect variant is needed:
   * ?1 the organization, ?2 the as-of date, ?3 and ?4 the last due dates of the first and second
   * bands, ?5 the member status counted. The innermost query gives each assignment that exists on
   * ?2 its due date that day (the last extension granted by then, else the original); the middle
   * one counts each counted member's assignments by band and closure; the outer one sums them per
   * department, workforce type and role set (tp_member_terms.roles is the sorted JSON array
   * JsonText writes, so equal sets group together), a member counting in the band of their earliest
   * open due date (the first band with anything open). Member terms in effect on ?2 are the row
   * with the highest seq whose effective_from is not after it (terms are appended in date order).
   */
  static final String COUNT_SQL =
      """
      SELECT s.department, s.workforce_type, s.roles, COUNT(*),
        SUM(CASE WHEN s.band1 > 0 THEN 1 ELSE 0 END),
        SUM(CASE WHEN s.band1 = 0 AND s.band2 > 0 THEN 1 ELSE 0 END),
        SUM(CASE WHEN s.band1 = 0 AND s.band2 = 0 AND s.band3 > 0 THEN 1 ELSE 0 END),
        SUM(s.band1), SUM(s.band2), SUM(s.band3), SUM(s.completed), SUM(s.waived), SUM(s.cancelled)
      FROM (
        SELECT m.id AS member_id, t.department AS department, t.workforce_type AS workforce_type, t.roles AS roles,
          SUM(CASE WHEN a.closed = 0 AND a.due_now <= ?3 THEN 1 ELSE 0 END) AS band1,
          SUM(CASE WHEN a.closed = 0 AND a.due_now > ?3 AND a.due_now <= ?4 THEN 1 ELSE 0 END) AS band2,
          SUM(CASE WHEN a.closed = 0 AND a.due_now > ?4 THEN 1 ELSE 0 END) AS band3,
          SUM(CASE WHEN a.closed = 1 AND a.closure_state = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,
          SUM(CASE WHEN a.closed = 1 AND a.closure_state = 'WAIVED' THEN 1 ELSE 0 END) AS waived,
          SUM(CASE WHEN a.closed = 1 AND a.closure_state = 'CANCELLED' THEN 1 ELSE 0 END) AS cancelled
        FROM tp_member m
        JOIN tp_member_terms t ON t.org_id = m.org_id AND t.member_id = m.id
          AND t.seq = (SELECT MAX(t2.seq) FROM tp_member_terms t2
                       WHERE t2.org_id = m.org_id AND t2.member_id = m.id AND t2.effective_from <= ?2)
        LEFT JOIN (
          SELECT x.org_id, x.member_id, x.closure_state,
            CASE WHEN x.closure_state IS NOT NULL AND x.closure_on <= ?2 THEN 1 ELSE 0 END AS closed,
            COALESCE((SELECT c.new_due_on FROM tp_assignment_due_change c
                      WHERE c.org_id = x.org_id AND c.assignment_id = x.id
                        AND c.seq = (SELECT MAX(c2.seq) FROM tp_assignment_due_change c2
                                     WHERE c2.org_id = x.org_id AND c2.assignment_id = x.id
                                       AND c2.granted_on <= ?2)),
                     x.due_on) AS due_now
          FROM tp_assignment x
          WHERE x.org_id = ?1 AND x.assigned_on <= ?2
        ) a ON a.org_id = m.org_id AND a.member_id = m.id
        WHERE m.org_id = ?1 AND t.status = ?5
        GROUP BY m.id, t.department, t.workforce_type, t.roles
      ) s
      GROUP BY s.department, s.workforce_type, s.roles
      """;

  private final JpaSession session;

  JpaAssignmentRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public boolean insertIfAbsent(Assignment a) {
    String key = "dedupeKey=" + a.dedupeKey();
    return JpaSession.guard(
        "Assignment",
        key,
        () -> {
          session.em().flush();
          Number purged =
              (Number)
                  session
                      .em()
                      .createNativeQuery(
                          "SELECT COUNT(*) FROM tp_purged_dedupe_key WHERE org_id = ?1 AND dedupe_key = ?2")
                      .setParameter(1, session.bind(a.organization().value()))
                      .setParameter(2, a.dedupeKey())
                      .getSingleResult();
          if (purged.intValue() > 0) {
            return false;
          }
          boolean inserted =
              session
                  .sql()
                  .insertUnlessKeyTaken(
                      session,
                      TABLE,
                      a.organization().value(),
                      keyed(a),
                      () -> {
                        // why: writers of one member's assignments queue on the member's row, then
                        // look
                        session
                            .em()
                            .createNativeQuery(
                                "SELECT id FROM tp_member WHERE org_id = ?1 AND id = ?2 FOR UPDATE")
                            .setParameter(1, session.bind(a.organization().value()))
                            .setParameter(2, session.bind(a.member().value()))
                            .getResultList();
                        Number taken =
                            (Number)
                                session
                                    .em()
                                    .createNativeQuery(
                                        "SELECT COUNT(*) FROM tp_assignment WHERE org_id = ?1 AND dedupe_key = ?2")
                                    .setParameter(1, a.organization().value())
                                    .setParameter(2, a.dedupeKey())
                                    .getSingleResult();
                        return taken.intValue() == 0
                            && MultiRowInserts.insert(
                                    session, TABLE.name(), TABLE.columns(), row(a), "")
                                == 1;
                      });
          if (inserted) {
            insertDueChanges(a.organization().value(), a.id().value(), a.dueChanges());
          }
          return inserted;
        });
  }

  @Override
  public Set<Id<Assignment>> insertAllIfAbsent(List<Assignment> assignments) {
    if (assignments.isEmpty()) {
      return Set.of();
    }
    return JpaSession.guard(
        "Assignment",
        assignments.size() + " new assignments",
        () -> {
          session.em().flush();
          // why: ids are unique per organization only, so what was added is keyed by both
          Set<List<UUID>> added = new HashSet<>();
          for (var group :
              JpaSession.firstPerKey(
                      assignments, a -> a.organization().value(), Assignment::dedupeKey)
                  .entrySet()) {
            UUID org = group.getKey();
            Set<String> purged =
                session
                    .sql()
                    .keysIn(
                        session,
                        "tp_purged_dedupe_key",
                        "dedupe_key",
                        org,
                        List.copyOf(group.getValue().keySet()));
            List<Assignment> candidates = new ArrayList<>();
            for (Assignment a : group.getValue().values()) {
              if (!purged.contains(a.dedupeKey())) {
                candidates.add(a);
              }
            }
            if (candidates.isEmpty()) {
              continue;
            }
            Set<UUID> addedHere =
                session
                    .sql()
                    .insertAllUnlessKeyTaken(
                        session,
                        TABLE,
                        org,
                        candidates.stream().map(this::keyed).toList(),
                        () -> {
                          // why: as insertIfAbsent: writers queue on the members' rows (in id
                          // order, so two
                          // writers never wait for each other), then look before inserting
                          List<UUID> members =
                              candidates.stream()
                                  .map(a -> a.member().value())
                                  .distinct()
                                  .sorted()
                                  .toList();
                          for (List<UUID> chunk : JpaSession.chunks(members)) {
                            session
                                .em()
                                .createNativeQuery(
                                    "SELECT id FROM tp_member WHERE org_id = :org AND id IN (:ids)"
                                        + " ORDER BY id FOR UPDATE")
                                .setParameter("org", session.bind(org))
                                .setParameter("ids", chunk.stream().map(session::bind).toList())
                                .getResultList();
                          }
                        });
            for (UUID id : addedHere) {
              added.add(List.of(org, id));
            }
          }
          Set<Id<Assignment>> result = new LinkedHashSet<>();
          for (Assignment a : assignments) {
            if (added.remove(List.of(a.organization().value(), a.id().value()))
                && result.add(a.id())
                && !a.dueChanges().isEmpty()) {
              insertDueChanges(a.organization().value(), a.id().value(), a.dueChanges());
            }
          }
          return result;
        });
  }

  private KeyedRow keyed(Assignment a) {
    return new KeyedRow(a.dedupeKey(), a.id().value(), row(a));
  }

  private @Nullable Object[] row(Assignment a) {
    Object[] values = {
      session.bind(a.id().value()),
      session.bind(a.organization().value()),
      session.bind(a.member().value()),
      session.bind(a.course().value()),
      a.requirement() == null ? null : session.bind(a.requirement().value()),
      a.reason().name(),
      a.policyVersion() == null ? null : session.bind(a.policyVersion().value()),
      a.dedupeKey(),
      a.assignedOn(),
      a.assignedAt(),
      a.assignedBy(),
      a.anchorOn(),
      a.dueOn(),
      a.startedOn(),
      a.closure() == null ? null : a.closure().state().name(),
      a.closure() == null ? null : a.closure().on(),
      a.closure() == null ? null : a.closure().recordedAt(),
      a.closure() == null ? null : a.closure().by(),
      a.closure() == null ? null : a.closure().reason(),
      a.closure() == null || a.closure().completion() == null
          ? null
          : session.bind(a.closure().completion().value()),
      0L,
      Mapper.idOrder(a.id().value())
    };
    return values;
  }

  private void insertDueChanges(UUID organization, UUID assignment, List<DueDateChange> changes) {
    for (int i = 0; i < changes.size(); i++) {
      DueDateChange c = changes.get(i);
      MultiRowInserts.insert(
          session,
          "tp_assignment_due_change",
          DUE_CHANGE_COLUMNS,
          new Object[] {
            session.bind(organization),
            session.bind(assignment),
            i,
            c.grantedOn(),
            c.newDueOn(),
            c.approvedBy(),
            c.reason()
          },
          "");
    }
  }

  @Override
  public Assignment update(Assignment a) {
    AssignmentEntity e =
        session.current(
            AssignmentEntity.class,
            a.id(),
            a.organization(),
            x -> x.orgId,
            x -> x.version,
            a.version(),
            "Assignment");
    TrainingMapper.apply(a, e);
    session.flush("Assignment", a.id());
    return TrainingMapper.assignment(e);
  }

  @Override
  public Optional<Assignment> find(Id<Organization> organization, Id<Assignment> id) {
    return session
        .findInOrg(AssignmentEntity.class, id.value(), organization, e -> e.orgId)
        .map(TrainingMapper::assignment);
  }

  @Override
  public List<Assignment> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
    return session
        .em()
        .createQuery(
            "select a from TpAssignment a where a.orgId = :org and a.memberId = :member"
                + " order by a.assignedAt, a.id",
            AssignmentEntity.class)
        .setParameter("org", organization.value())
        .setParameter("member", member.value())
        .getResultList()
        .stream()
        .map(session.detached(TrainingMapper::assignment))
        .toList();
  }

  @Override
  public Map<Id<WorkforceMember>, List<Assignment>> forMembers(
      Id<Organization> organization, Collection<Id<WorkforceMember>> members) {
    return JpaSession.byMember(
        members,
        ids -> session.sql().assignmentsOf(session, organization.value(), ids),
        Assignment::member);
  }

  @Override
  public List<Assignment> forRequirement(
      Id<Organization> organization, Id<Requirement> requirement) {
    return session
        .em()
        .createQuery(
            "select a from TpAssignment a where a.orgId = :org and a.requirementId = :requirement"
                + " order by a.assignedAt, a.id",
            AssignmentEntity.class)
        .setParameter("org", organization.value())
        .setParameter("requirement", requirement.value())
        .getResultList()
        .stream()
        .map(session.detached(TrainingMapper::assignment))
        .toList();
  }

  @Override
  public List<Assignment> page(
      Id<Organization> organization, @Nullable Id<Assignment> after, int limit) {
    return session
        .em()
        .createQuery(
            "select a from TpAssignment a where a.orgId = :org and a.idOrder > :after"
                + " order by a.idOrder",
            AssignmentEntity.class)
        .setParameter("org", organization.value())
        .setParameter("after", after == null ? "" : Mapper.idOrder(after.value()))
        .setMaxResults(Math.max(1, limit))
        .getResultList()
        .stream()
        .map(session.detached(TrainingMapper::assignment))
        .toList();
  }

  @Override
  public Optional<List<AssignmentCounts>> count(AssignmentCountQuery query) {
    List<?> rows =
        session
            .em()
            .createNativeQuery(COUNT_SQL)
            .setParameter(1, session.bind(query.organization().value()))
            .setParameter(2, query.asOf())
            .setParameter(3, query.firstBandEnd())
            .setParameter(4, query.secondBandEnd())
            .setParameter(5, query.memberStatus().name())
            .getResultList();
    List<AssignmentCounts> out = new ArrayList<>(rows.size());
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.add(
          new AssignmentCounts(
              (String) r[0],
              WorkforceType.valueOf((String) r[1]),
              Set.copyOf(JsonText.parseStrings((String) r[2])),
              count(r[3]),
              count(r[4]),
              count(r[5]),
              count(r[6]),
              count(r[7]),
              count(r[8]),
              count(r[9]),
              count(r[10]),
              count(r[11]),
              count(r[12])));
    }
    return Optional.of(out);
  }

  private static long count(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  @Override
  public void delete(Id<Organization> organization, Id<Assignment> id) {
    session
        .findInOrg(AssignmentEntity.class, id.value(), organization, e -> e.orgId)
        .ifPresent(
            e -> {
              String dedupeKey = e.dedupeKey;
              session.em().remove(e);
              session.flush("Assignment", id);
              JpaSession.guard(
                  "Assignment",
                  id,
                  () ->
                      session
                          .em()
                          .createNativeQuery(
                              "INSERT INTO tp_purged_dedupe_key (org_id, dedupe_key) VALUES (?1, ?2)")
                          .setParameter(1, session.bind(organization.value()))
                          .setParameter(2, dedupeKey)
                          .executeUpdate());
            });
  }

  @Override
  public List<Assignment> list(Id<Organization> organization) {
    return session
        .em()
        .createQuery(
            "select a from TpAssignment a where a.orgId = :org order by a.assignedAt, a.id",
            AssignmentEntity.class)
        .setParameter("org", organization.value())
        .getResultList()
        .stream()
        .map(session.detached(TrainingMapper::assignment))
        .toList();
  }
}
