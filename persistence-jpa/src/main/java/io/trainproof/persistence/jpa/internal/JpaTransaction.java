package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.AssignmentRepository;
import io.trainproof.core.spi.CompletionRepository;
import io.trainproof.core.spi.CourseRepository;
import io.trainproof.core.spi.MemberRepository;
import io.trainproof.core.spi.OrganizationRepository;
import io.trainproof.core.spi.PolicyRepository;
import io.trainproof.core.spi.RequirementRepository;
import io.trainproof.core.spi.Transaction;
import io.trainproof.persistence.jpa.SqlDialect;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The repositories of one JPA transaction: one {@link EntityManager}, one resource-local
 * transaction. Writes that a unique key protects are flushed at once, so a duplicate is
 * reported by the call that caused it with its entity and key; optimistic updates are
 * flushed at once for the same reason. Not thread-safe: valid only inside its
 * transaction, on its thread. Not API.
 */
public final class JpaTransaction implements Transaction {
  private final EntityManager em;
  private final SqlDialect dialect;
  private final OrganizationRepository organizations = new Organizations();
  private final MemberRepository members = new Members();
  private final PolicyRepository policies = new Policies();
  private final CourseRepository courses = new Courses();
  private final RequirementRepository requirements = new Requirements();
  private final AssignmentRepository assignments = new Assignments();
  private final CompletionRepository completions = new Completions();

  /**
   * Creates the repositories of one transaction.
   *
   * @param em the entity manager, inside an active transaction
   * @param dialect the database, for the statements JPQL cannot express
   */
  public JpaTransaction(EntityManager em, SqlDialect dialect) {
    this.em = em;
    this.dialect = dialect;
  }

  @Override
  public OrganizationRepository organizations() {
    return organizations;
  }

  @Override
  public MemberRepository members() {
    return members;
  }

  @Override
  public PolicyRepository policies() {
    return policies;
  }

  @Override
  public CourseRepository courses() {
    return courses;
  }

  @Override
  public RequirementRepository requirements() {
    return requirements;
  }

  @Override
  public AssignmentRepository assignments() {
    return assignments;
  }

  @Override
  public CompletionRepository completions() {
    return completions;
  }

  // --- helpers -------------------------------------------------------------------------

  private static <T> T guard(String entity, Object key, Supplier<T> body) {
    try {
      return body.get();
    } catch (PersistenceException e) {
      throw Errors.translate(e, entity, key);
    }
  }

  private void persistAndFlush(Object entity, String name, Object key) {
    guard(name, key, () -> {
      em.persist(entity);
      em.flush();
      return null;
    });
  }

  private void flush(String name, Object key) {
    guard(name, key, () -> {
      em.flush();
      return null;
    });
  }

  private static ConflictException stale(String entity, Object id, long stored, long given) {
    return new ConflictException(
        entity, id, "was changed concurrently (stored version " + stored + ", given " + given + ")");
  }

  /** Native parameters: MariaDB compares its UUID columns with their text form. */
  private Object bind(UUID value) {
    return dialect == SqlDialect.MARIADB ? value.toString() : value;
  }

  private static UUID toUuid(Object value) {
    if (value instanceof UUID u) {
      return u;
    }
    if (value instanceof byte[] b && b.length == 16) {
      ByteBuffer buffer = ByteBuffer.wrap(b);
      return new UUID(buffer.getLong(), buffer.getLong());
    }
    return UUID.fromString(value.toString());
  }

  private static <T> Optional<T> inOrg(@Nullable T entity, UUID entityOrg, Id<Organization> org) {
    return entity != null && entityOrg.equals(org.value()) ? Optional.of(entity) : Optional.empty();
  }

  // --- organizations ---------------------------------------------------------------------

  private final class Organizations implements OrganizationRepository {
    @Override
    public void insert(Organization organization) {
      if (em.find(OrganizationEntity.class, organization.id().value()) != null) {
        throw new ConflictException("Organization", organization.id(), "id already exists");
      }
      persistAndFlush(Mapper.toEntity(organization), "Organization", organization.id());
    }

    @Override
    public Optional<Organization> find(Id<Organization> id) {
      return Optional.ofNullable(em.find(OrganizationEntity.class, id.value())).map(Mapper::organization);
    }

    @Override
    public List<Id<Organization>> ids() {
      return em.createQuery("select o.id from TpOrganization o order by o.id", UUID.class)
          .getResultList().stream().map(Mapper::<Organization>idOf).toList();
    }
  }

  // --- members ---------------------------------------------------------------------------

  private final class Members implements MemberRepository {
    @Override
    public WorkforceMember insert(WorkforceMember member) {
      if (findByExternalId(member.organization(), member.externalId()).isPresent()) {
        throw new ConflictException("WorkforceMember", "externalId=" + member.externalId(), "external id already exists");
      }
      if (em.find(MemberEntity.class, member.id().value()) != null) {
        throw new ConflictException("WorkforceMember", member.id(), "id already exists");
      }
      MemberEntity e = Mapper.toEntity(member);
      persistAndFlush(e, "WorkforceMember", "externalId=" + member.externalId());
      return Mapper.member(e);
    }

    @Override
    public WorkforceMember update(WorkforceMember member) {
      MemberEntity e = em.find(MemberEntity.class, member.id().value());
      if (e == null || !e.orgId.equals(member.organization().value())) {
        throw new ConflictException("WorkforceMember", member.id(), "does not exist");
      }
      if (e.version != member.version()) {
        throw stale("WorkforceMember", member.id(), e.version, member.version());
      }
      Mapper.apply(member, e);
      flush("WorkforceMember", member.id());
      return Mapper.member(e);
    }

    @Override
    public Optional<WorkforceMember> find(Id<Organization> organization, Id<WorkforceMember> id) {
      MemberEntity e = em.find(MemberEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(Mapper::member);
    }

    @Override
    public Optional<WorkforceMember> findByExternalId(Id<Organization> organization, String externalId) {
      return em.createQuery("select m from TpMember m where m.orgId = :org and m.externalId = :ext", MemberEntity.class)
          .setParameter("org", organization.value())
          .setParameter("ext", externalId)
          .getResultStream().findFirst().map(Mapper::member);
    }

    @Override
    public List<WorkforceMember> list(Id<Organization> organization) {
      return em.createQuery("select m from TpMember m where m.orgId = :org order by m.id", MemberEntity.class)
          .setParameter("org", organization.value())
          .getResultStream().map(Mapper::member).toList();
    }

    @Override
    public List<WorkforceMember> claimForSweep(Id<Organization> organization, LocalDate day, int limit) {
      return guard("WorkforceMember", "sweep " + organization + " " + day, () -> {
        em.flush();
        // why: SKIP LOCKED lets nodes sweeping at once take disjoint batches instead of
        // queueing behind each other's row locks (PostgreSQL 9.5+, MariaDB 10.6+, H2 2.x).
        // why (H2 2.3): with an ORDER BY, H2 limits before it skips locked rows, so a second
        // node would claim nothing; without one it skips, then limits (it still scans the
        // (org_id, id) index in id order). The claimed members are sorted when loaded.
        String order = dialect == SqlDialect.H2 ? "" : " ORDER BY id";
        List<?> rows = em.createNativeQuery(
                "SELECT id FROM tp_member WHERE org_id = ?1 AND (swept_on IS NULL OR swept_on < ?2)"
                    + order + " LIMIT ?3 FOR UPDATE SKIP LOCKED")
            .setParameter(1, bind(organization.value()))
            .setParameter(2, day)
            .setParameter(3, Math.max(1, limit))
            .getResultList();
        if (rows.isEmpty()) {
          return List.<WorkforceMember>of();
        }
        List<Object> ids = new ArrayList<>();
        List<UUID> uuids = new ArrayList<>();
        for (Object row : rows) {
          UUID id = toUuid(row);
          uuids.add(id);
          ids.add(bind(id));
        }
        em.createNativeQuery("UPDATE tp_member SET swept_on = :day WHERE id IN (:ids)")
            .setParameter("day", day)
            .setParameter("ids", ids)
            .executeUpdate();
        return em.createQuery("select m from TpMember m where m.id in :ids order by m.id", MemberEntity.class)
            .setParameter("ids", uuids)
            .getResultStream().map(Mapper::member).toList();
      });
    }
  }

  // --- policies --------------------------------------------------------------------------

  private final class Policies implements PolicyRepository {
    @Override
    public void insert(Policy policy) {
      boolean taken = !em.createQuery("select p.id from TpPolicy p where p.orgId = :org and p.code = :code", UUID.class)
          .setParameter("org", policy.organization().value())
          .setParameter("code", policy.code())
          .getResultList().isEmpty();
      if (taken) {
        throw new ConflictException("Policy", "code=" + policy.code(), "code already exists");
      }
      persistAndFlush(Mapper.toEntity(policy), "Policy", "code=" + policy.code());
    }

    @Override
    public Optional<Policy> find(Id<Organization> organization, Id<Policy> id) {
      PolicyEntity e = em.find(PolicyEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(Mapper::policy);
    }

    @Override
    public List<Policy> list(Id<Organization> organization) {
      return em.createQuery("select p from TpPolicy p where p.orgId = :org order by p.code", PolicyEntity.class)
          .setParameter("org", organization.value())
          .getResultStream().map(Mapper::policy).toList();
    }

    @Override
    public void insertVersion(PolicyVersion version) {
      String key = "policy=" + version.policy() + ",number=" + version.number();
      boolean taken = !em.createQuery(
              "select v.id from TpPolicyVersion v where v.policyId = :policy and v.number = :number", UUID.class)
          .setParameter("policy", version.policy().value())
          .setParameter("number", version.number())
          .getResultList().isEmpty();
      if (taken) {
        throw new ConflictException("PolicyVersion", key, "version number already exists");
      }
      persistAndFlush(Mapper.toEntity(version), "PolicyVersion", key);
    }

    @Override
    public void updateVersion(PolicyVersion version) {
      PolicyVersionEntity e = em.find(PolicyVersionEntity.class, version.id().value());
      if (e == null || !e.orgId.equals(version.organization().value())) {
        throw new ConflictException("PolicyVersion", version.id(), "does not exist");
      }
      Mapper.apply(version, e);
      flush("PolicyVersion", version.id());
    }

    @Override
    public Optional<PolicyVersion> findVersion(Id<Organization> organization, Id<PolicyVersion> id) {
      PolicyVersionEntity e = em.find(PolicyVersionEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(Mapper::policyVersion);
    }

    @Override
    public List<PolicyVersion> versions(Id<Organization> organization, Id<Policy> policy) {
      return em.createQuery(
              "select v from TpPolicyVersion v where v.orgId = :org and v.policyId = :policy order by v.number",
              PolicyVersionEntity.class)
          .setParameter("org", organization.value())
          .setParameter("policy", policy.value())
          .getResultStream().map(Mapper::policyVersion).toList();
    }
  }

  // --- courses ---------------------------------------------------------------------------

  private final class Courses implements CourseRepository {
    @Override
    public void insert(Course course) {
      boolean taken = !em.createQuery("select c.id from TpCourse c where c.orgId = :org and c.code = :code", UUID.class)
          .setParameter("org", course.organization().value())
          .setParameter("code", course.code())
          .getResultList().isEmpty();
      if (taken) {
        throw new ConflictException("Course", "code=" + course.code(), "code already exists");
      }
      persistAndFlush(Mapper.toEntity(course), "Course", "code=" + course.code());
    }

    @Override
    public Optional<Course> find(Id<Organization> organization, Id<Course> id) {
      CourseEntity e = em.find(CourseEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(Mapper::course);
    }

    @Override
    public List<Course> list(Id<Organization> organization) {
      return em.createQuery("select c from TpCourse c where c.orgId = :org order by c.code", CourseEntity.class)
          .setParameter("org", organization.value())
          .getResultStream().map(Mapper::course).toList();
    }

    @Override
    public void insertVersion(CourseVersion version) {
      String key = "course=" + version.course() + ",label=" + version.label();
      boolean taken = !em.createQuery(
              "select v.id from TpCourseVersion v where v.courseId = :course and v.label = :label", UUID.class)
          .setParameter("course", version.course().value())
          .setParameter("label", version.label())
          .getResultList().isEmpty();
      if (taken) {
        throw new ConflictException("CourseVersion", key, "label already exists");
      }
      persistAndFlush(Mapper.toEntity(version), "CourseVersion", key);
    }

    @Override
    public Optional<CourseVersion> findVersion(Id<Organization> organization, Id<CourseVersion> id) {
      CourseVersionEntity e = em.find(CourseVersionEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(Mapper::courseVersion);
    }

    @Override
    public List<CourseVersion> versions(Id<Organization> organization, Id<Course> course) {
      return em.createQuery(
              "select v from TpCourseVersion v where v.orgId = :org and v.courseId = :course"
                  + " order by v.releasedAt, v.id",
              CourseVersionEntity.class)
          .setParameter("org", organization.value())
          .setParameter("course", course.value())
          .getResultStream().map(Mapper::courseVersion).toList();
    }
  }

  // --- requirements ----------------------------------------------------------------------

  private final class Requirements implements RequirementRepository {
    @Override
    public Requirement insert(Requirement requirement) {
      if (em.find(RequirementEntity.class, requirement.id().value()) != null) {
        throw new ConflictException("Requirement", requirement.id(), "id already exists");
      }
      RequirementEntity e = Mapper.toEntity(requirement);
      // No flush: nothing but the id is unique, so the insert joins the batch at commit.
      guard("Requirement", requirement.id(), () -> {
        em.persist(e);
        return null;
      });
      return Mapper.requirement(e);
    }

    @Override
    public Requirement update(Requirement requirement) {
      RequirementEntity e = em.find(RequirementEntity.class, requirement.id().value());
      if (e == null || !e.orgId.equals(requirement.organization().value())) {
        throw new ConflictException("Requirement", requirement.id(), "does not exist");
      }
      if (e.version != requirement.version()) {
        throw stale("Requirement", requirement.id(), e.version, requirement.version());
      }
      Mapper.apply(requirement, e);
      flush("Requirement", requirement.id());
      return Mapper.requirement(e);
    }

    @Override
    public Optional<Requirement> find(Id<Organization> organization, Id<Requirement> id) {
      RequirementEntity e = em.find(RequirementEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(Mapper::requirement);
    }

    @Override
    public List<Requirement> list(Id<Organization> organization) {
      return em.createQuery(
              "select r from TpRequirement r where r.orgId = :org order by r.createdAt, r.id", RequirementEntity.class)
          .setParameter("org", organization.value())
          .getResultStream().map(Mapper::requirement).toList();
    }
  }

  // --- assignments -----------------------------------------------------------------------

  private static final String[] ASSIGNMENT_COLUMNS = {
    "id", "org_id", "member_id", "course_id", "requirement_id", "reason", "policy_version_id", "dedupe_key",
    "assigned_on", "assigned_at", "assigned_by", "anchor_on", "due_on", "started_on", "closure_state",
    "closure_on", "closure_recorded_at", "closure_by", "closure_reason", "closure_completion_id", "version"
  };

  private final class Assignments implements AssignmentRepository {
    @Override
    public boolean insertIfAbsent(Assignment a) {
      String key = "dedupeKey=" + a.dedupeKey();
      return guard("Assignment", key, () -> {
        em.flush();
        boolean inserted = switch (dialect) {
          case POSTGRESQL -> insertNative(a, " ON CONFLICT (org_id, dedupe_key) DO NOTHING") == 1;
          case MARIADB -> {
            // why: with the driver's found-rows default the update count cannot tell a no-op
            // duplicate from an insert, so the row that holds the key says who won.
            insertNative(a, " ON DUPLICATE KEY UPDATE id = id");
            List<?> owner = em.createNativeQuery(
                    "SELECT id FROM tp_assignment WHERE org_id = ?1 AND dedupe_key = ?2 FOR UPDATE")
                .setParameter(1, bind(a.organization().value()))
                .setParameter(2, a.dedupeKey())
                .getResultList();
            yield !owner.isEmpty() && toUuid(owner.get(0)).equals(a.id().value());
          }
          case H2 -> {
            // why: H2 has no insert-or-ignore outside its compatibility modes, and a failed
            // statement would mark the JPA transaction for rollback; so writers of one
            // member's assignments queue on the member's row, then look before inserting.
            em.createNativeQuery("SELECT id FROM tp_member WHERE id = ?1 FOR UPDATE")
                .setParameter(1, a.member().value())
                .getResultList();
            Number taken = (Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM tp_assignment WHERE org_id = ?1 AND dedupe_key = ?2")
                .setParameter(1, a.organization().value())
                .setParameter(2, a.dedupeKey())
                .getSingleResult();
            yield taken.intValue() == 0 && insertNative(a, "") == 1;
          }
        };
        if (inserted) {
          insertDueChanges(a.id().value(), a.dueChanges(), 0);
        }
        return inserted;
      });
    }

    private int insertNative(Assignment a, String suffix) {
      Object[] values = {
        bind(a.id().value()), bind(a.organization().value()), bind(a.member().value()), bind(a.course().value()),
        a.requirement() == null ? null : bind(a.requirement().value()), a.reason().name(),
        a.policyVersion() == null ? null : bind(a.policyVersion().value()), a.dedupeKey(), a.assignedOn(),
        a.assignedAt(), a.assignedBy(), a.anchorOn(), a.dueOn(), a.startedOn(),
        a.closure() == null ? null : a.closure().state().name(),
        a.closure() == null ? null : a.closure().on(),
        a.closure() == null ? null : a.closure().recordedAt(),
        a.closure() == null ? null : a.closure().by(),
        a.closure() == null ? null : a.closure().reason(),
        a.closure() == null || a.closure().completion() == null ? null : bind(a.closure().completion().value()),
        0L
      };
      return executeInsert("tp_assignment", ASSIGNMENT_COLUMNS, values, suffix);
    }

    private void insertDueChanges(UUID assignment, List<DueDateChange> changes, int from) {
      String[] columns = {"assignment_id", "seq", "granted_on", "new_due_on", "approved_by", "reason"};
      for (int i = from; i < changes.size(); i++) {
        DueDateChange c = changes.get(i);
        executeInsert("tp_assignment_due_change", columns,
            new Object[] {bind(assignment), i, c.grantedOn(), c.newDueOn(), c.approvedBy(), c.reason()}, "");
      }
    }

    /** Binds only non-null values: a null is written as the literal NULL, so no type guessing. */
    private int executeInsert(String table, String[] columns, @Nullable Object[] values, String suffix) {
      StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
          .append(String.join(", ", columns)).append(") VALUES (");
      int position = 0;
      List<Object> bound = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          sql.append(", ");
        }
        Object value = values[i];
        if (value == null) {
          sql.append("NULL");
        } else {
          sql.append('?').append(++position);
          bound.add(value);
        }
      }
      sql.append(')').append(suffix);
      Query query = em.createNativeQuery(sql.toString());
      for (int i = 0; i < bound.size(); i++) {
        query.setParameter(i + 1, bound.get(i));
      }
      return query.executeUpdate();
    }

    @Override
    public Assignment update(Assignment a) {
      AssignmentEntity e = em.find(AssignmentEntity.class, a.id().value());
      if (e == null || !e.orgId.equals(a.organization().value())) {
        throw new ConflictException("Assignment", a.id(), "does not exist");
      }
      if (e.version != a.version()) {
        throw stale("Assignment", a.id(), e.version, a.version());
      }
      Mapper.apply(a, e);
      flush("Assignment", a.id());
      return Mapper.assignment(e);
    }

    @Override
    public Optional<Assignment> find(Id<Organization> organization, Id<Assignment> id) {
      AssignmentEntity e = em.find(AssignmentEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(Mapper::assignment);
    }

    @Override
    public List<Assignment> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
      return em.createQuery(
              "select a from TpAssignment a where a.orgId = :org and a.memberId = :member"
                  + " order by a.assignedAt, a.id",
              AssignmentEntity.class)
          .setParameter("org", organization.value())
          .setParameter("member", member.value())
          .getResultStream().map(Mapper::assignment).toList();
    }

    @Override
    public List<Assignment> forRequirement(Id<Organization> organization, Id<Requirement> requirement) {
      return em.createQuery(
              "select a from TpAssignment a where a.orgId = :org and a.requirementId = :requirement"
                  + " order by a.assignedAt, a.id",
              AssignmentEntity.class)
          .setParameter("org", organization.value())
          .setParameter("requirement", requirement.value())
          .getResultStream().map(Mapper::assignment).toList();
    }

    @Override
    public List<Assignment> list(Id<Organization> organization) {
      return em.createQuery(
              "select a from TpAssignment a where a.orgId = :org order by a.assignedAt, a.id", AssignmentEntity.class)
          .setParameter("org", organization.value())
          .getResultStream().map(Mapper::assignment).toList();
    }
  }

  // --- completions -----------------------------------------------------------------------

  private final class Completions implements CompletionRepository {
    @Override
    public void insert(Completion completion) {
      if (em.find(CompletionEntity.class, completion.id().value()) != null) {
        throw new ConflictException("Completion", completion.id(), "id already exists");
      }
      // No flush: completions are immutable and keyed by id only; they join the batch.
      guard("Completion", completion.id(), () -> {
        em.persist(Mapper.toEntity(completion));
        return null;
      });
    }

    @Override
    public Optional<Completion> find(Id<Organization> organization, Id<Completion> id) {
      CompletionEntity e = em.find(CompletionEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(Mapper::completion);
    }

    @Override
    public List<Completion> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
      return em.createQuery(
              "select c from TpCompletion c where c.orgId = :org and c.memberId = :member"
                  + " order by c.completedOn, c.recordedAt, c.id",
              CompletionEntity.class)
          .setParameter("org", organization.value())
          .setParameter("member", member.value())
          .getResultStream().map(Mapper::completion).toList();
    }
  }
}
