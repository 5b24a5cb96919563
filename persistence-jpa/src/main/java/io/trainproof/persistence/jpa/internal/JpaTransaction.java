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
import io.trainproof.core.access.CrossOrganizationGrant;
import io.trainproof.core.attestation.Attestation;
import io.trainproof.core.audit.AuditEntry;
import io.trainproof.core.documentation.AddressableDecision;
import io.trainproof.core.documentation.PolicyReview;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.notification.Notification;
import io.trainproof.core.notification.SecurityReminder;
import io.trainproof.core.retention.LegalHold;
import io.trainproof.core.retention.Tombstone;
import io.trainproof.core.spi.AssignmentRepository;
import io.trainproof.core.spi.AttestationRepository;
import io.trainproof.core.spi.AuditRepository;
import io.trainproof.core.spi.CertificateRepository;
import io.trainproof.core.spi.CertificationRepository;
import io.trainproof.core.spi.DocumentationRepository;
import io.trainproof.core.spi.GrantRepository;
import io.trainproof.core.spi.OutboxRepository;
import io.trainproof.core.spi.RetentionRepository;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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
  private final CertificateRepository certificates = new Certificates();
  private final AttestationRepository attestations = new Attestations();
  private final AuditRepository audit = new Audit();
  private final OutboxRepository outbox = new Outbox();
  private final RetentionRepository retention = new Retention();
  private final DocumentationRepository documentation = new Documentation();
  private final GrantRepository grants = new Grants();
  private final CertificationRepository certifications = new Certifications();

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

  @Override
  public CertificateRepository certificates() {
    return certificates;
  }

  @Override
  public AttestationRepository attestations() {
    return attestations;
  }

  @Override
  public AuditRepository audit() {
    return audit;
  }

  @Override
  public OutboxRepository outbox() {
    return outbox;
  }

  @Override
  public RetentionRepository retention() {
    return retention;
  }

  @Override
  public DocumentationRepository documentation() {
    return documentation;
  }

  @Override
  public GrantRepository grants() {
    return grants;
  }

  @Override
  public CertificationRepository certifications() {
    return certifications;
  }

  // --- helpers -------------------------------------------------------------------------

  /**
   * Maps an entity read by a query to its domain value and detaches it. why: every value this
   * store returns is an immutable domain record, and writes find their entity again by id, so a
   * read entity is never needed after mapping; left managed, each one is dirty-checked by every
   * later flush of the transaction (and Hibernate flushes before each query), which made a
   * sweep batch of 100 members cost the square of the entities it read (JFR: DirtyHelper,
   * cascade and collection checks under flush were most of a PostgreSQL sweep).
   */
  private <E, T> Function<E, T> detached(Function<E, T> mapper) {
    return entity -> {
      T value = mapper.apply(entity);
      em.detach(entity);
      return value;
    };
  }

  /**
   * {@link EntityManager#find}, but never a silent null. Hibernate answers a find whose statement
   * failed with null once the failure has marked the transaction rollback-only (its HHH-12472
   * behaviour, logged as HHH90010102): the record would read as absent, the work would go on, and
   * the commit would be turned into a silent rollback. This throws instead.
   */
  private <T> @Nullable T findEntity(Class<T> type, Object id) {
    T found = em.find(type, id);
    if (found == null && em.getTransaction().getRollbackOnly()) {
      throw new PersistenceException("reading " + type.getSimpleName() + " " + id
          + " failed and the transaction is marked rollback-only (the provider logged the cause); nothing is committed");
    }
    return found;
  }

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
  /**
   * The assignment aggregate ({@link io.trainproof.core.status.AssignmentSummary} has the rules)
   * as one statement in the SQL all three databases share, so no dialect variant is needed:
   * ?1 the organization, ?2 the as-of date, ?3 the as-of date plus the due-soon window (date
   * arithmetic is done in Java). The innermost query gives each assignment that exists on ?2
   * its due date that day (the last extension granted by then, else the original); the middle
   * one counts each active member's assignments by status; the outer one sums them per
   * department, workforce type and role set (tp_member_terms.roles is the sorted JSON array
   * JsonText writes, so equal sets group together). Member terms in effect on ?2 are the row with the highest
   * seq whose effective_from is not after it (terms are appended in date order).
   */
  static final String SUMMARY_SQL = """
      SELECT s.department, s.workforce_type, s.roles, COUNT(*),
        SUM(CASE WHEN s.overdue > 0 THEN 1 ELSE 0 END),
        SUM(CASE WHEN s.overdue = 0 AND s.due_soon > 0 THEN 1 ELSE 0 END),
        SUM(CASE WHEN s.overdue = 0 AND s.due_soon = 0 AND s.pending > 0 THEN 1 ELSE 0 END),
        SUM(s.pending), SUM(s.due_soon), SUM(s.overdue), SUM(s.completed), SUM(s.waived)
      FROM (
        SELECT m.id AS member_id, t.department AS department, t.workforce_type AS workforce_type, t.roles AS roles,
          SUM(CASE WHEN a.closed = 0 AND a.due_now > ?3 THEN 1 ELSE 0 END) AS pending,
          SUM(CASE WHEN a.closed = 0 AND a.due_now <= ?3 AND a.due_now >= ?2 THEN 1 ELSE 0 END) AS due_soon,
          SUM(CASE WHEN a.closed = 0 AND a.due_now < ?2 THEN 1 ELSE 0 END) AS overdue,
          SUM(CASE WHEN a.closed = 1 AND a.closure_state = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,
          SUM(CASE WHEN a.closed = 1 AND a.closure_state = 'WAIVED' THEN 1 ELSE 0 END) AS waived
        FROM tp_member m
        JOIN tp_member_terms t ON t.member_id = m.id
          AND t.seq = (SELECT MAX(t2.seq) FROM tp_member_terms t2
                       WHERE t2.member_id = m.id AND t2.effective_from <= ?2)
        LEFT JOIN (
          SELECT x.member_id, x.closure_state,
            CASE WHEN x.closure_state IS NOT NULL AND x.closure_on <= ?2 THEN 1 ELSE 0 END AS closed,
            COALESCE((SELECT c.new_due_on FROM tp_assignment_due_change c
                      WHERE c.assignment_id = x.id
                        AND c.seq = (SELECT MAX(c2.seq) FROM tp_assignment_due_change c2
                                     WHERE c2.assignment_id = x.id AND c2.granted_on <= ?2)),
                     x.due_on) AS due_now
          FROM tp_assignment x
          WHERE x.org_id = ?1 AND x.assigned_on <= ?2
        ) a ON a.member_id = m.id
        WHERE m.org_id = ?1 AND t.status = 'ACTIVE'
        GROUP BY m.id, t.department, t.workforce_type, t.roles
      ) s
      GROUP BY s.department, s.workforce_type, s.roles
      """;

  private static long count(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

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
      if (findEntity(OrganizationEntity.class, organization.id().value()) != null) {
        throw new ConflictException("Organization", organization.id(), "id already exists");
      }
      persistAndFlush(MemberMapper.toEntity(organization), "Organization", organization.id());
      guard("Organization", organization.id(), () -> em.createNativeQuery(
              "INSERT INTO tp_audit_head (org_id) VALUES (?1)")
          .setParameter(1, bind(organization.id().value()))
          .executeUpdate());
    }

    @Override
    public Optional<Organization> find(Id<Organization> id) {
      return Optional.ofNullable(findEntity(OrganizationEntity.class, id.value())).map(MemberMapper::organization);
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
      if (findEntity(MemberEntity.class, member.id().value()) != null) {
        throw new ConflictException("WorkforceMember", member.id(), "id already exists");
      }
      MemberEntity e = MemberMapper.toEntity(member);
      persistAndFlush(e, "WorkforceMember", "externalId=" + member.externalId());
      return MemberMapper.member(e);
    }

    @Override
    public List<WorkforceMember> insertAll(List<WorkforceMember> members) {
      if (members.isEmpty()) {
        return List.of();
      }
      java.util.Map<UUID, List<String>> externalIds = new java.util.LinkedHashMap<>();
      java.util.Set<String> given = new java.util.HashSet<>();
      List<UUID> ids = new ArrayList<>(members.size());
      for (WorkforceMember m : members) {
        if (!given.add(m.organization() + "/" + m.externalId())) {
          throw new ConflictException("WorkforceMember", "externalId=" + m.externalId(), "given twice");
        }
        externalIds.computeIfAbsent(m.organization().value(), o -> new ArrayList<>()).add(m.externalId());
        ids.add(m.id().value());
      }
      return guard("WorkforceMember", members.size() + " new members", () -> {
        em.flush();
        for (var group : externalIds.entrySet()) {
          java.util.Set<String> taken = keysIn("tp_member", "external_id", group.getKey(), group.getValue());
          if (!taken.isEmpty()) {
            throw new ConflictException("WorkforceMember", "externalId=" + taken.iterator().next(), "external id already exists");
          }
        }
        for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
          List<UUID> taken = em.createQuery("select m.id from TpMember m where m.id in :ids", UUID.class)
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK)))
              .setMaxResults(1)
              .getResultList();
          if (!taken.isEmpty()) {
            throw new ConflictException("WorkforceMember", taken.get(0), "id already exists");
          }
        }
        // why: multi-row INSERTs of the member and terms rows, not a persisted entity per member
        // (the provider batches those 50 at a time and keeps every one in the session)
        List<@Nullable Object[]> memberRows = new ArrayList<>(members.size());
        List<@Nullable Object[]> termRows = new ArrayList<>(members.size());
        List<WorkforceMember> stored = new ArrayList<>(members.size());
        for (WorkforceMember m : members) {
          MemberEntity e = MemberMapper.toEntity(m);
          memberRows.add(new @Nullable Object[] {bind(e.id), bind(e.orgId), e.externalId, e.idOrder, e.displayName,
              e.engagedOn, 0L});
          for (int seq = 0; seq < e.history.size(); seq++) {
            MemberEntity.Terms t = e.history.get(seq);
            termRows.add(new @Nullable Object[] {bind(e.id), seq, t.effectiveFrom(), t.type(), t.roles(), t.department(),
                t.manager() == null ? null : bind(t.manager()), t.status()});
          }
          stored.add(MemberMapper.member(e));
        }
        insertRows("tp_member", new String[] {"id", "org_id", "external_id", "id_order", "display_name", "engaged_on",
            "version"}, memberRows, "", false);
        insertRows("tp_member_terms", new String[] {"member_id", "seq", "effective_from", "workforce_type", "roles",
            "department", "manager_id", "status"}, termRows, "", false);
        return stored;
      });
    }

    @Override
    public WorkforceMember update(WorkforceMember member) {
      MemberEntity e = findEntity(MemberEntity.class, member.id().value());
      if (e == null || !e.orgId.equals(member.organization().value())) {
        throw new ConflictException("WorkforceMember", member.id(), "does not exist");
      }
      if (e.version != member.version()) {
        throw stale("WorkforceMember", member.id(), e.version, member.version());
      }
      MemberMapper.apply(member, e);
      flush("WorkforceMember", member.id());
      return MemberMapper.member(e);
    }

    @Override
    public Optional<WorkforceMember> find(Id<Organization> organization, Id<WorkforceMember> id) {
      MemberEntity e = findEntity(MemberEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(MemberMapper::member);
    }

    @Override
    public Optional<WorkforceMember> findByExternalId(Id<Organization> organization, String externalId) {
      return em.createQuery("select m from TpMember m where m.orgId = :org and m.externalId = :ext", MemberEntity.class)
          .setParameter("org", organization.value())
          .setParameter("ext", externalId)
          .getResultStream().findFirst().map(detached(MemberMapper::member));
    }

    @Override
    public List<WorkforceMember> list(Id<Organization> organization) {
      return em.createQuery("select m from TpMember m where m.orgId = :org order by m.id", MemberEntity.class)
          .setParameter("org", organization.value())
          .getResultList().stream().map(detached(MemberMapper::member)).toList();
    }

    @Override
    public List<WorkforceMember> page(Id<Organization> organization, @Nullable Id<WorkforceMember> after, int limit) {
      return em.createQuery("select m from TpMember m where m.orgId = :org and m.idOrder > :after"
              + " order by m.idOrder", MemberEntity.class)
          .setParameter("org", organization.value())
          .setParameter("after", after == null ? "" : Mapper.idOrder(after.value()))
          .setMaxResults(Math.max(1, limit))
          .getResultList().stream().map(detached(MemberMapper::member)).toList();
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
        // why (PostgreSQL, MariaDB): ordered by (swept_on, id), nulls first, the claim walks
        // ix_tp_member_sweep from the members still to visit instead of past every member
        // already swept today, which made a sweep of N members read O(N^2) rows.
        String order = switch (dialect) {
          case H2 -> "";
          case POSTGRESQL -> " ORDER BY swept_on NULLS FIRST, id";
          case MARIADB -> " ORDER BY swept_on, id";
        };
        if (dialect == SqlDialect.POSTGRESQL) {
          return claimOnConnection(organization.value(), day, order, limit);
        }
        List<?> rows = em.createNativeQuery(
                "SELECT id FROM tp_member WHERE org_id = ?1 AND (swept_on IS NULL OR swept_on < ?2)"
                    + order + " LIMIT ?3 " + rowLock() + " SKIP LOCKED")
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
            .getResultList().stream().map(detached(MemberMapper::member)).toList();
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
      persistAndFlush(CatalogMapper.toEntity(policy), "Policy", "code=" + policy.code());
    }

    @Override
    public Policy update(Policy policy) {
      PolicyEntity e = findEntity(PolicyEntity.class, policy.id().value());
      if (e == null || !e.orgId.equals(policy.organization().value())) {
        throw new ConflictException("Policy", policy.id(), "does not exist");
      }
      if (e.version != policy.version()) {
        throw stale("Policy", policy.id(), e.version, policy.version());
      }
      CatalogMapper.apply(policy, e);
      flush("Policy", policy.id());
      return CatalogMapper.policy(e);
    }

    @Override
    public Optional<Policy> find(Id<Organization> organization, Id<Policy> id) {
      PolicyEntity e = findEntity(PolicyEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(CatalogMapper::policy);
    }

    @Override
    public List<Policy> list(Id<Organization> organization) {
      return em.createQuery("select p from TpPolicy p where p.orgId = :org order by p.code", PolicyEntity.class)
          .setParameter("org", organization.value())
          .getResultList().stream().map(detached(CatalogMapper::policy)).toList();
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
      persistAndFlush(CatalogMapper.toEntity(version), "PolicyVersion", key);
    }

    @Override
    public void updateVersion(PolicyVersion version) {
      PolicyVersionEntity e = findEntity(PolicyVersionEntity.class, version.id().value());
      if (e == null || !e.orgId.equals(version.organization().value())) {
        throw new ConflictException("PolicyVersion", version.id(), "does not exist");
      }
      CatalogMapper.apply(version, e);
      flush("PolicyVersion", version.id());
    }

    @Override
    public Optional<PolicyVersion> findVersion(Id<Organization> organization, Id<PolicyVersion> id) {
      PolicyVersionEntity e = findEntity(PolicyVersionEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(CatalogMapper::policyVersion);
    }

    @Override
    public List<PolicyVersion> versions(Id<Organization> organization, Id<Policy> policy) {
      return em.createQuery(
              "select v from TpPolicyVersion v where v.orgId = :org and v.policyId = :policy order by v.number",
              PolicyVersionEntity.class)
          .setParameter("org", organization.value())
          .setParameter("policy", policy.value())
          .getResultList().stream().map(detached(CatalogMapper::policyVersion)).toList();
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
      persistAndFlush(CatalogMapper.toEntity(course), "Course", "code=" + course.code());
    }

    @Override
    public Optional<Course> find(Id<Organization> organization, Id<Course> id) {
      CourseEntity e = findEntity(CourseEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(CatalogMapper::course);
    }

    @Override
    public List<Course> list(Id<Organization> organization) {
      return em.createQuery("select c from TpCourse c where c.orgId = :org order by c.code", CourseEntity.class)
          .setParameter("org", organization.value())
          .getResultList().stream().map(detached(CatalogMapper::course)).toList();
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
      persistAndFlush(CatalogMapper.toEntity(version), "CourseVersion", key);
    }

    @Override
    public Optional<CourseVersion> findVersion(Id<Organization> organization, Id<CourseVersion> id) {
      CourseVersionEntity e = findEntity(CourseVersionEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(CatalogMapper::courseVersion);
    }

    @Override
    public List<CourseVersion> versions(Id<Organization> organization, Id<Course> course) {
      return em.createQuery(
              "select v from TpCourseVersion v where v.orgId = :org and v.courseId = :course"
                  + " order by v.releasedAt, v.id",
              CourseVersionEntity.class)
          .setParameter("org", organization.value())
          .setParameter("course", course.value())
          .getResultList().stream().map(detached(CatalogMapper::courseVersion)).toList();
    }
  }

  // --- requirements ----------------------------------------------------------------------

  private final class Requirements implements RequirementRepository {
    @Override
    public Requirement insert(Requirement requirement) {
      if (findEntity(RequirementEntity.class, requirement.id().value()) != null) {
        throw new ConflictException("Requirement", requirement.id(), "id already exists");
      }
      RequirementEntity e = CatalogMapper.toEntity(requirement);
      // No flush: nothing but the id is unique, so the insert joins the batch at commit.
      guard("Requirement", requirement.id(), () -> {
        em.persist(e);
        return null;
      });
      return CatalogMapper.requirement(e);
    }

    @Override
    public Requirement update(Requirement requirement) {
      RequirementEntity e = findEntity(RequirementEntity.class, requirement.id().value());
      if (e == null || !e.orgId.equals(requirement.organization().value())) {
        throw new ConflictException("Requirement", requirement.id(), "does not exist");
      }
      if (e.version != requirement.version()) {
        throw stale("Requirement", requirement.id(), e.version, requirement.version());
      }
      CatalogMapper.apply(requirement, e);
      flush("Requirement", requirement.id());
      return CatalogMapper.requirement(e);
    }

    @Override
    public Optional<Requirement> find(Id<Organization> organization, Id<Requirement> id) {
      RequirementEntity e = findEntity(RequirementEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(CatalogMapper::requirement);
    }

    @Override
    public List<Requirement> list(Id<Organization> organization) {
      return em.createQuery(
              "select r from TpRequirement r where r.orgId = :org order by r.createdAt, r.id", RequirementEntity.class)
          .setParameter("org", organization.value())
          .getResultList().stream().map(detached(CatalogMapper::requirement)).toList();
    }
  }

  // --- assignments -----------------------------------------------------------------------

  private static final String[] ASSIGNMENT_COLUMNS = {
    "id", "org_id", "member_id", "course_id", "requirement_id", "reason", "policy_version_id", "dedupe_key",
    "assigned_on", "assigned_at", "assigned_by", "anchor_on", "due_on", "started_on", "closure_state",
    "closure_on", "closure_recorded_at", "closure_by", "closure_reason", "closure_completion_id", "version",
    "id_order"
  };

  private final class Assignments implements AssignmentRepository {
    @Override
    public boolean insertIfAbsent(Assignment a) {
      String key = "dedupeKey=" + a.dedupeKey();
      return guard("Assignment", key, () -> {
        em.flush();
        Number purged = (Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM tp_purged_dedupe_key WHERE org_id = ?1 AND dedupe_key = ?2")
            .setParameter(1, bind(a.organization().value()))
            .setParameter(2, a.dedupeKey())
            .getSingleResult();
        if (purged.intValue() > 0) {
          return false;
        }
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

    @Override
    public java.util.Set<Id<Assignment>> insertAllIfAbsent(List<Assignment> assignments) {
      if (assignments.isEmpty()) {
        return java.util.Set.of();
      }
      return guard("Assignment", assignments.size() + " new assignments", () -> {
        em.flush();
        java.util.Set<UUID> added = new java.util.HashSet<>();
        for (var group : firstPerKey(assignments, a -> a.organization().value(), Assignment::dedupeKey).entrySet()) {
          UUID org = group.getKey();
          java.util.Set<String> purged = keysIn("tp_purged_dedupe_key", "dedupe_key", org, List.copyOf(group.getValue().keySet()));
          List<Assignment> candidates = new ArrayList<>();
          for (Assignment a : group.getValue().values()) {
            if (!purged.contains(a.dedupeKey())) {
              candidates.add(a);
            }
          }
          if (candidates.isEmpty()) {
            continue;
          }
          added.addAll(insertUnlessKeyTaken("tp_assignment", ASSIGNMENT_COLUMNS, "dedupe_key", org, candidates,
              Assignment::dedupeKey, a -> a.id().value(), this::row, () -> {
                // why (H2): as insertIfAbsent: writers queue on the members' rows (in id order, so
                // two writers never wait for each other), then look before inserting
                List<UUID> members = candidates.stream().map(a -> a.member().value()).distinct().sorted().toList();
                for (int from = 0; from < members.size(); from += IN_LIST_CHUNK) {
                  em.createNativeQuery("SELECT id FROM tp_member WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                      .setParameter("ids", members.subList(from, Math.min(members.size(), from + IN_LIST_CHUNK)))
                      .getResultList();
                }
              }));
        }
        java.util.Set<Id<Assignment>> result = new java.util.LinkedHashSet<>();
        for (Assignment a : assignments) {
          if (added.contains(a.id().value()) && result.add(a.id()) && !a.dueChanges().isEmpty()) {
            insertDueChanges(a.id().value(), a.dueChanges(), 0);
          }
        }
        return result;
      });
    }

    private int insertNative(Assignment a, String suffix) {
      return executeInsert("tp_assignment", ASSIGNMENT_COLUMNS, row(a), suffix);
    }

    private @Nullable Object[] row(Assignment a) {
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
        0L, Mapper.idOrder(a.id().value())
      };
      return values;
    }

    private void insertDueChanges(UUID assignment, List<DueDateChange> changes, int from) {
      String[] columns = {"assignment_id", "seq", "granted_on", "new_due_on", "approved_by", "reason"};
      for (int i = from; i < changes.size(); i++) {
        DueDateChange c = changes.get(i);
        executeInsert("tp_assignment_due_change", columns,
            new Object[] {bind(assignment), i, c.grantedOn(), c.newDueOn(), c.approvedBy(), c.reason()}, "");
      }
    }

    @Override
    public Assignment update(Assignment a) {
      AssignmentEntity e = findEntity(AssignmentEntity.class, a.id().value());
      if (e == null || !e.orgId.equals(a.organization().value())) {
        throw new ConflictException("Assignment", a.id(), "does not exist");
      }
      if (e.version != a.version()) {
        throw stale("Assignment", a.id(), e.version, a.version());
      }
      TrainingMapper.apply(a, e);
      flush("Assignment", a.id());
      return TrainingMapper.assignment(e);
    }

    @Override
    public Optional<Assignment> find(Id<Organization> organization, Id<Assignment> id) {
      AssignmentEntity e = findEntity(AssignmentEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(TrainingMapper::assignment);
    }

    @Override
    public List<Assignment> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
      return em.createQuery(
              "select a from TpAssignment a where a.orgId = :org and a.memberId = :member"
                  + " order by a.assignedAt, a.id",
              AssignmentEntity.class)
          .setParameter("org", organization.value())
          .setParameter("member", member.value())
          .getResultList().stream().map(detached(TrainingMapper::assignment)).toList();
    }

    @Override
    public java.util.Map<Id<WorkforceMember>, List<Assignment>> forMembers(
        Id<Organization> organization, java.util.Collection<Id<WorkforceMember>> members) {
      if (dialect == SqlDialect.POSTGRESQL) {
        return byMember(members, ids -> assignmentsOnConnection(organization.value(), ids), Assignment::member);
      }
      return byMember(members, ids -> em.createQuery(
              "select a from TpAssignment a where a.orgId = :org and a.memberId in :members"
                  + " order by a.assignedAt, a.id",
              AssignmentEntity.class)
          .setParameter("org", organization.value())
          .setParameter("members", ids)
          .getResultList().stream().map(detached(TrainingMapper::assignment)).toList(), Assignment::member);
    }

    @Override
    public List<Assignment> forRequirement(Id<Organization> organization, Id<Requirement> requirement) {
      return em.createQuery(
              "select a from TpAssignment a where a.orgId = :org and a.requirementId = :requirement"
                  + " order by a.assignedAt, a.id",
              AssignmentEntity.class)
          .setParameter("org", organization.value())
          .setParameter("requirement", requirement.value())
          .getResultList().stream().map(detached(TrainingMapper::assignment)).toList();
    }

    @Override
    public List<Assignment> page(Id<Organization> organization, @Nullable Id<Assignment> after, int limit) {
      return em.createQuery("select a from TpAssignment a where a.orgId = :org and a.idOrder > :after"
              + " order by a.idOrder", AssignmentEntity.class)
          .setParameter("org", organization.value())
          .setParameter("after", after == null ? "" : Mapper.idOrder(after.value()))
          .setMaxResults(Math.max(1, limit))
          .getResultList().stream().map(detached(TrainingMapper::assignment)).toList();
    }

    @Override
    public List<io.trainproof.core.status.AssignmentSummary> summarize(
        Id<Organization> organization, LocalDate asOf, int dueSoonDays) {
      List<?> rows = em.createNativeQuery(SUMMARY_SQL)
          .setParameter(1, bind(organization.value()))
          .setParameter(2, asOf)
          .setParameter(3, asOf.plusDays(dueSoonDays))
          .getResultList();
      List<io.trainproof.core.status.AssignmentSummary> out = new ArrayList<>();
      for (Object o : rows) {
        Object[] r = (Object[]) o;
        out.add(new io.trainproof.core.status.AssignmentSummary((String) r[0],
            io.trainproof.core.domain.WorkforceType.valueOf((String) r[1]),
            java.util.Set.copyOf(JsonText.parseStrings((String) r[2])), count(r[3]), count(r[4]), count(r[5]),
            count(r[6]), count(r[7]), count(r[8]), count(r[9]), count(r[10]), count(r[11])));
      }
      // sorted here, not in SQL, so the order never depends on a database's collation
      out.sort(io.trainproof.core.status.AssignmentSummary.ORDER);
      return out;
    }

    @Override
    public void delete(Id<Organization> organization, Id<Assignment> id) {
      AssignmentEntity e = findEntity(AssignmentEntity.class, id.value());
      if (e != null && e.orgId.equals(organization.value())) {
        String dedupeKey = e.dedupeKey;
        em.remove(e);
        flush("Assignment", id);
        guard("Assignment", id, () -> em.createNativeQuery(
                "INSERT INTO tp_purged_dedupe_key (org_id, dedupe_key) VALUES (?1, ?2)")
            .setParameter(1, bind(organization.value()))
            .setParameter(2, dedupeKey)
            .executeUpdate());
      }
    }

    @Override
    public List<Assignment> list(Id<Organization> organization) {
      return em.createQuery(
              "select a from TpAssignment a where a.orgId = :org order by a.assignedAt, a.id", AssignmentEntity.class)
          .setParameter("org", organization.value())
          .getResultList().stream().map(detached(TrainingMapper::assignment)).toList();
    }
  }

  // --- completions -----------------------------------------------------------------------

  private final class Completions implements CompletionRepository {
    @Override
    public void insert(Completion completion) {
      if (findEntity(CompletionEntity.class, completion.id().value()) != null) {
        throw new ConflictException("Completion", completion.id(), "id already exists");
      }
      // No flush: completions are immutable and keyed by id only; they join the batch.
      guard("Completion", completion.id(), () -> {
        em.persist(TrainingMapper.toEntity(completion));
        return null;
      });
    }

    @Override
    public Optional<Completion> find(Id<Organization> organization, Id<Completion> id) {
      CompletionEntity e = findEntity(CompletionEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(TrainingMapper::completion);
    }

    @Override
    public List<Completion> page(Id<Organization> organization, @Nullable Id<Completion> after, int limit) {
      return em.createQuery("select c from TpCompletion c where c.orgId = :org and c.idOrder > :after"
              + " order by c.idOrder", CompletionEntity.class)
          .setParameter("org", organization.value())
          .setParameter("after", after == null ? "" : Mapper.idOrder(after.value()))
          .setMaxResults(Math.max(1, limit))
          .getResultList().stream().map(detached(TrainingMapper::completion)).toList();
    }

    @Override
    public Optional<Completion> findBySource(Id<Organization> organization, String source, String sourceRef) {
      return em.createQuery("select c from TpCompletion c where c.orgId = :org and c.source = :source"
              + " and c.sourceRef = :ref order by c.recordedAt, c.id", CompletionEntity.class)
          .setParameter("org", organization.value())
          .setParameter("source", source)
          .setParameter("ref", sourceRef)
          .setMaxResults(1)
          .getResultStream().findFirst().map(TrainingMapper::completion);
    }

    @Override
    public void delete(Id<Organization> organization, Id<Completion> id) {
      CompletionEntity e = findEntity(CompletionEntity.class, id.value());
      if (e != null && e.orgId.equals(organization.value())) {
        em.remove(e);
        flush("Completion", id);
      }
    }

    @Override
    public List<Completion> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
      return em.createQuery(
              "select c from TpCompletion c where c.orgId = :org and c.memberId = :member"
                  + " order by c.completedOn, c.recordedAt, c.id",
              CompletionEntity.class)
          .setParameter("org", organization.value())
          .setParameter("member", member.value())
          .getResultList().stream().map(detached(TrainingMapper::completion)).toList();
    }

    @Override
    public java.util.Map<Id<WorkforceMember>, List<Completion>> forMembers(
        Id<Organization> organization, java.util.Collection<Id<WorkforceMember>> members) {
      if (dialect == SqlDialect.POSTGRESQL) {
        return byMember(members, ids -> completionsOnConnection(organization.value(), ids), Completion::member);
      }
      return byMember(members, ids -> em.createQuery(
              "select c from TpCompletion c where c.orgId = :org and c.memberId in :members"
                  + " order by c.completedOn, c.recordedAt, c.id",
              CompletionEntity.class)
          .setParameter("org", organization.value())
          .setParameter("members", ids)
          .getResultList().stream().map(detached(TrainingMapper::completion)).toList(), Completion::member);
    }
  }

  /**
   * Reads rows for many members with one query per 500 ids and groups them by member, keeping
   * the query's order within each member; every member asked about is a key.
   */
  private static <T> java.util.Map<Id<WorkforceMember>, List<T>> byMember(
      java.util.Collection<Id<WorkforceMember>> members, java.util.function.Function<List<UUID>, List<T>> query,
      java.util.function.Function<T, Id<WorkforceMember>> memberOf) {
    java.util.Map<Id<WorkforceMember>, List<T>> result = new java.util.LinkedHashMap<>();
    List<UUID> ids = new ArrayList<>(members.size());
    for (Id<WorkforceMember> member : members) {
      if (result.putIfAbsent(member, new ArrayList<>()) == null) {
        ids.add(member.value());
      }
    }
    for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
      for (T row : query.apply(ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK)))) {
        result.get(memberOf.apply(row)).add(row);
      }
    }
    result.replaceAll((member, rows) -> List.copyOf(rows));
    return result;
  }

  // --- many members' rows read on the connection (PostgreSQL) ---------------------------
  //
  // why: the sweep reads every member's facts each day. Built as managed entities (persistence
  // context entries, snapshots for dirty checking, a batch load per element collection) they
  // cost several times what PostgreSQL spent returning the rows. These read on the transaction's
  // connection into the entities the mapper knows, never managed, one statement per batch. Each
  // member's rows come from a LATERAL subquery fenced with OFFSET 0, and each element collection
  // as an array from a correlated subquery, so PostgreSQL probes the member index once per
  // member and the collection's primary key once per row. Plain joins from the unnested ids were
  // planned as hash joins over a sequential scan of the whole table when the table was small
  // (and for the collection tables at any size): a scan per batch, so a sweep grew as the square
  // of the organization.

  /** Reads one row of a result into what it builds. */
  @FunctionalInterface
  private interface RowReader {
    void read(java.sql.ResultSet row) throws java.sql.SQLException;
  }

  /**
   * Runs a query whose first parameter is the members' ids ({@code unnest(?) AS k(v)}) and whose
   * second is the organization, and hands each row to the reader.
   */
  private static void eachRow(java.sql.Connection connection, String sql, List<UUID> members, UUID organization,
      RowReader reader) throws java.sql.SQLException {
    try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("uuid", members.toArray()));
      statement.setObject(2, organization);
      try (java.sql.ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }

  /** Maps one row of a result to a value. */
  @FunctionalInterface
  private interface RowMapper<T> {
    T map(java.sql.ResultSet row) throws java.sql.SQLException;
  }

  /**
   * Many members' rows of one kind, as a query would give them (pending changes are flushed
   * first), read with {@link #eachRow} on the transaction's connection; a failure is translated
   * as the entity's.
   */
  private <T> List<T> readOnConnection(String entity, UUID organization, List<UUID> members, String sql,
      RowMapper<T> mapper) {
    return guard(entity, "members of " + organization, () -> {
      em.flush();
      return onConnection(entity + " read", connection -> {
        List<T> read = new ArrayList<>();
        eachRow(connection, sql, members, organization, row -> read.add(mapper.map(row)));
        return read;
      });
    });
  }

  private static @Nullable UUID uuidAt(java.sql.ResultSet row, int column) throws java.sql.SQLException {
    return row.getObject(column, UUID.class);
  }

  private static @Nullable LocalDate dateAt(java.sql.ResultSet row, int column) throws java.sql.SQLException {
    return row.getObject(column, LocalDate.class);
  }

  private static @Nullable Instant instantAt(java.sql.ResultSet row, int column) throws java.sql.SQLException {
    java.time.OffsetDateTime at = row.getObject(column, java.time.OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  /** The elements of an array column built with {@code ARRAY(SELECT ...)}, never null. */
  private static Object[] arrayAt(java.sql.ResultSet row, int column) throws java.sql.SQLException {
    return (Object[]) row.getArray(column).getArray();
  }

  /**
   * The rows of a two-dimensional text array column, built with {@code ARRAY(SELECT ARRAY[...]
   * ...)}: one string array per collection element, nulls kept; dates are ISO text (the driver
   * runs sessions with DateStyle ISO).
   */
  private static List<@Nullable String[]> textRowsAt(java.sql.ResultSet row, int column) throws java.sql.SQLException {
    List<@Nullable String[]> rows = new ArrayList<>();
    for (Object element : arrayAt(row, column)) {
      rows.add((String[]) element);
    }
    return rows;
  }

  private static @Nullable UUID uuidOrNull(@Nullable String text) {
    return text == null ? null : UUID.fromString(text);
  }

  /**
   * PostgreSQL's sweep claim in one statement (the members still to visit, ordered by
   * (swept_on, id), nulls first, skipping rows another node holds, marked as visited), then the
   * claimed members read in one more.
   */
  private List<WorkforceMember> claimOnConnection(UUID organization, LocalDate day, String order, int limit) {
    List<MemberEntity> claimed = onConnection("sweep claim", connection -> {
      List<UUID> ids = new ArrayList<>();
      try (java.sql.PreparedStatement statement = connection.prepareStatement("UPDATE tp_member m SET swept_on = ?"
          + " FROM (SELECT id FROM tp_member WHERE org_id = ? AND (swept_on IS NULL OR swept_on < ?)" + order
          + " LIMIT ? " + rowLock() + " SKIP LOCKED) c WHERE m.id = c.id RETURNING m.id")) {
        statement.setObject(1, day);
        statement.setObject(2, organization);
        statement.setObject(3, day);
        statement.setInt(4, Math.max(1, limit));
        try (java.sql.ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            ids.add(Objects.requireNonNull(uuidAt(rows, 1)));
          }
        }
      }
      List<MemberEntity> read = new ArrayList<>();
      if (ids.isEmpty()) {
        return read;
      }
      eachRow(connection, "SELECT m.id, m.external_id, m.display_name, m.engaged_on, m.version, m.id_order,"
          + " ARRAY(SELECT ARRAY[t.effective_from::text, t.workforce_type, t.roles, t.department, t.manager_id::text,"
          + " t.status] FROM tp_member_terms t WHERE t.member_id = m.id ORDER BY t.seq)"
          + " FROM unnest(?) AS k(v), LATERAL (SELECT * FROM tp_member m WHERE m.id = k.v AND m.org_id = ? OFFSET 0) m"
          + " ORDER BY m.id",
          ids, organization, row -> {
            MemberEntity e = new MemberEntity(Objects.requireNonNull(uuidAt(row, 1)));
            e.orgId = organization;
            e.externalId = row.getString(2);
            e.displayName = row.getString(3);
            e.engagedOn = Objects.requireNonNull(dateAt(row, 4));
            e.version = row.getLong(5);
            e.idOrder = row.getString(6);
            for (String[] t : textRowsAt(row, 7)) {
              e.history.add(new MemberEntity.Terms(LocalDate.parse(t[0]), t[1], t[2], t[3], uuidOrNull(t[4]), t[5]));
            }
            read.add(e);
          });
      return read;
    });
    return claimed.stream().map(MemberMapper::member).toList();
  }

  /** The members' assignments in the query's order (assigned_at, id), in one statement (why: above). */
  private List<Assignment> assignmentsOnConnection(UUID organization, List<UUID> members) {
    return readOnConnection("Assignment", organization, members,
        "SELECT a.id, a.member_id, a.course_id, a.requirement_id, a.reason, a.policy_version_id,"
        + " a.dedupe_key, a.assigned_on, a.assigned_at, a.assigned_by, a.anchor_on, a.due_on, a.started_on,"
        + " a.closure_state, a.closure_on, a.closure_recorded_at, a.closure_by, a.closure_reason,"
        + " a.closure_completion_id, a.version, a.id_order,"
        + " ARRAY(SELECT ARRAY[d.granted_on::text, d.new_due_on::text, d.approved_by, d.reason]"
        + " FROM tp_assignment_due_change d WHERE d.assignment_id = a.id ORDER BY d.seq)"
        + " FROM unnest(?) AS k(v), LATERAL (SELECT * FROM tp_assignment a WHERE a.member_id = k.v AND a.org_id = ?"
        + " OFFSET 0) a"
        + " ORDER BY a.assigned_at, a.id", row -> {
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
            e.dueChanges.add(new AssignmentEntity.DueChange(LocalDate.parse(d[0]), LocalDate.parse(d[1]), d[2], d[3]));
          }
          return TrainingMapper.assignment(e);
    });
  }

  /**
   * The members' completions in the query's order (completed_on, recorded_at, id), as
   * {@link #assignmentsOnConnection} reads assignments.
   */
  private List<Completion> completionsOnConnection(UUID organization, List<UUID> members) {
    return readOnConnection("Completion", organization, members,
        "SELECT c.id, c.member_id, c.workforce_type, c.assignment_id, c.course_id,"
        + " c.course_version_id, c.content_sha256, c.reason, c.change_version_id, c.change_effective_on,"
        + " c.assigned_on, c.due_on, c.completed_on, c.recorded_at, c.score, c.passed, c.method, c.recorded_by,"
        + " c.source, c.source_ref, c.justification, c.retention_until, c.id_order,"
        + " ARRAY(SELECT r.role FROM tp_completion_role r WHERE r.completion_id = c.id),"
        + " ARRAY(SELECT p.policy_version_id FROM tp_completion_policy_version p WHERE p.completion_id = c.id),"
        + " ARRAY(SELECT ARRAY[v.name, v.sha256] FROM tp_completion_evidence v WHERE v.completion_id = c.id"
        + " ORDER BY v.seq)"
        + " FROM unnest(?) AS k(v), LATERAL (SELECT * FROM tp_completion c WHERE c.member_id = k.v AND c.org_id = ?"
        + " OFFSET 0) c"
        + " ORDER BY c.completed_on, c.recorded_at, c.id", row -> {
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

  /** Ids per IN list: well under every database's parameter limit. */
  private static final int IN_LIST_CHUNK = 500;

  // --- row locks for insert-if-absent and the audit chain ---------------------------------

  /** Binds only non-null values: a null is written as the literal NULL, so no type guessing. */
  private int executeInsert(String table, String[] columns, @Nullable Object[] values, String suffix) {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
        .append(String.join(", ", columns)).append(") VALUES ");
    List<Object> bound = new ArrayList<>();
    appendRow(sql, values, bound, true);
    sql.append(suffix);
    Query query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < bound.size(); i++) {
      query.setParameter(i + 1, bound.get(i));
    }
    return query.executeUpdate();
  }

  /**
   * Appends one parenthesized VALUES row: a null inlined as NULL, anything else a parameter added
   * to {@code bound} (numbered for JPA's positional parameters, bare for JDBC's).
   */
  private static void appendRow(StringBuilder sql, @Nullable Object[] values, List<Object> bound, boolean numbered) {
    sql.append('(');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sql.append(", ");
      }
      Object value = values[i];
      if (value == null) {
        sql.append("NULL");
      } else {
        bound.add(value);
        sql.append('?');
        if (numbered) {
          sql.append(bound.size());
        }
      }
    }
    sql.append(')');
  }

  /** Bound values per multi-row INSERT: well under every database's parameter limit. */
  private static final int VALUES_PER_STATEMENT = 8_000;

  /**
   * Inserts rows with multi-row INSERT statements, each ending in {@code suffix}. Nulls are
   * inlined (as {@link #executeInsert} does: a typeless null parameter is refused by some
   * databases), so rows are grouped by which of their values are null, and each statement holds
   * a power of two rows of one group: a table's bulk inserts use a handful of distinct statement
   * texts (the provider and the database cache plans by text; texts that varied with the data
   * would fill those caches). With {@code returning} each statement's result rows are read (the
   * suffix ends in PostgreSQL's {@code RETURNING id}) and the ids they name are returned;
   * otherwise the list is empty.
   */
  private List<UUID> insertRows(String table, String[] columns, List<@Nullable Object[]> rows, String suffix,
      boolean returning) {
    java.util.Map<java.util.BitSet, List<@Nullable Object[]>> byNulls = new java.util.LinkedHashMap<>();
    for (Object[] values : rows) {
      java.util.BitSet nulls = new java.util.BitSet(values.length);
      for (int i = 0; i < values.length; i++) {
        nulls.set(i, values[i] == null);
      }
      byNulls.computeIfAbsent(nulls, n -> new ArrayList<>()).add(values);
    }
    List<UUID> ids = new ArrayList<>();
    boolean onConnection = dialect == SqlDialect.POSTGRESQL;
    int most = Integer.highestOneBit(Math.max(1, VALUES_PER_STATEMENT / columns.length));
    for (var group : byNulls.entrySet()) {
      java.util.BitSet nulls = group.getKey();
      List<@Nullable Object[]> all = group.getValue();
      int from = 0;
      while (from < all.size()) {
        int size = Integer.highestOneBit(Math.min(most, all.size() - from));
        List<@Nullable Object[]> chunk = all.subList(from, from + size);
        from += size;
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
            .append(String.join(", ", columns)).append(") VALUES ");
        List<Object> bound = new ArrayList<>(size * columns.length);
        for (int r = 0; r < size; r++) {
          if (r > 0) {
            sql.append(", ");
          }
          appendRow(sql, chunk.get(r), bound, !onConnection);
        }
        sql.append(suffix);
        if (onConnection) {
          ids.addAll(insertOnConnection(sql.toString(), bound, returning));
          continue;
        }
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < bound.size(); i++) {
          query.setParameter(i + 1, bound.get(i));
        }
        if (returning) {
          for (Object id : query.getResultList()) {
            ids.add(toUuid(id));
          }
        } else {
          query.executeUpdate();
        }
      }
    }
    return ids;
  }

  /**
   * Runs one multi-row INSERT on the transaction's own JDBC connection (PostgreSQL): for
   * thousands of bound values the provider's native-query machinery (parsing the text for
   * parameters, binding each value through its type system, reading result metadata) cost more
   * CPU than the database spent on the rows. Instants bind as UTC offset date-times, as the
   * provider binds them to {@code timestamp with time zone}.
   */
  private List<UUID> insertOnConnection(String sql, List<Object> bound, boolean returning) {
    return onConnection("bulk insert", connection -> {
      try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < bound.size(); i++) {
          Object value = bound.get(i);
          statement.setObject(i + 1, value instanceof Instant instant
              ? java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC) : value);
        }
        List<UUID> ids = new ArrayList<>();
        if (returning) {
          try (java.sql.ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              ids.add(toUuid(rows.getObject(1)));
            }
          }
        } else {
          statement.executeUpdate();
        }
        return ids;
      }
    });
  }

  /** JDBC work on the transaction's own connection. */
  @FunctionalInterface
  private interface ConnectionWork<T> {
    T apply(java.sql.Connection connection) throws java.sql.SQLException;
  }

  /**
   * Runs JDBC work on the transaction's connection (JPA 3.2 {@code callWithConnection}). The
   * provider wraps whatever the function throws in a bare RuntimeException, so the driver's
   * failure is carried out as a value and thrown here as a {@link PersistenceException}, as the
   * provider throws its own (so {@link #guard} translates it).
   */
  private <T> T onConnection(String what, ConnectionWork<T> work) {
    java.sql.SQLException[] failure = new java.sql.SQLException[1];
    T result = em.callWithConnection((java.sql.Connection connection) -> {
      try {
        return work.apply(connection);
      } catch (java.sql.SQLException e) {
        failure[0] = e;
        return null;
      }
    });
    if (failure[0] != null) {
      throw new PersistenceException(what + " failed: " + failure[0].getMessage(), failure[0]);
    }
    return result;
  }

  /**
   * Inserts one organization's rows, each unless its key (unique with the organization) is
   * taken, and returns the ids of those inserted: PostgreSQL inserts or ignores and returns what
   * it inserted; MariaDB inserts or ignores, then the rows that hold the keys say who won (its
   * update count cannot tell a no-op duplicate from an insert); H2, which has no insert-or-ignore
   * outside its compatibility modes, takes {@code h2Lock} so writers of these keys queue, then
   * looks before inserting.
   */
  private <T> java.util.Set<UUID> insertUnlessKeyTaken(String table, String[] columns, String keyColumn, UUID org,
      List<T> candidates, Function<T, String> keyOf, Function<T, UUID> idOf, Function<T, @Nullable Object[]> rowOf,
      Runnable h2Lock) {
    java.util.Set<UUID> added = new java.util.HashSet<>();
    List<String> keys = candidates.stream().map(keyOf).toList();
    switch (dialect) {
      case POSTGRESQL -> added.addAll(insertRows(table, columns, candidates.stream().map(rowOf).toList(),
          " ON CONFLICT (org_id, " + keyColumn + ") DO NOTHING RETURNING id", true));
      case MARIADB -> {
        insertRows(table, columns, candidates.stream().map(rowOf).toList(), " ON DUPLICATE KEY UPDATE id = id", false);
        java.util.Set<UUID> owners = ownersOf(table, keyColumn, org, keys);
        candidates.stream().map(idOf).filter(owners::contains).forEach(added::add);
      }
      case H2 -> {
        h2Lock.run();
        java.util.Set<String> taken = keysIn(table, keyColumn, org, keys);
        List<T> fresh = candidates.stream().filter(c -> !taken.contains(keyOf.apply(c))).toList();
        insertRows(table, columns, fresh.stream().map(rowOf).toList(), "", false);
        fresh.forEach(c -> added.add(idOf.apply(c)));
      }
    }
    return added;
  }

  /** Which of the keys a table holds in an organization (one query per 500 keys). */
  private java.util.Set<String> keysIn(String table, String keyColumn, UUID organization, List<String> keys) {
    java.util.Set<String> found = new java.util.HashSet<>();
    if (dialect == SqlDialect.POSTGRESQL && !keys.isEmpty()) {
      // why: an IN list of hundreds of keys on a table without statistics yet (a tenant's first
      // bulk load, before autovacuum analyzes it) is planned as a sequential scan per call, which
      // made a roster load quadratic; a join from the unnested keys probes the unique index once
      // per key whatever the statistics say
      return onConnection("key look-up", connection -> {
        try (java.sql.PreparedStatement statement = connection.prepareStatement("SELECT t." + keyColumn
            + " FROM unnest(?) AS k(v) JOIN " + table + " t ON t.org_id = ? AND t." + keyColumn + " = k.v")) {
          statement.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
          statement.setObject(2, organization);
          try (java.sql.ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              found.add(rows.getString(1));
            }
          }
        }
        return found;
      });
    }
    for (int from = 0; from < keys.size(); from += IN_LIST_CHUNK) {
      for (Object key : em.createNativeQuery("SELECT " + keyColumn + " FROM " + table
              + " WHERE org_id = :org AND " + keyColumn + " IN (:keys)")
          .setParameter("org", bind(organization))
          .setParameter("keys", keys.subList(from, Math.min(keys.size(), from + IN_LIST_CHUNK)))
          .getResultList()) {
        found.add(String.valueOf(key));
      }
    }
    return found;
  }

  /**
   * The ids of the rows that hold the keys in an organization, each row locked (MariaDB's
   * insert-or-ignore: the row that holds a key says who won it).
   */
  private java.util.Set<UUID> ownersOf(String table, String keyColumn, UUID organization, List<String> keys) {
    java.util.Set<UUID> owners = new java.util.HashSet<>();
    for (int from = 0; from < keys.size(); from += IN_LIST_CHUNK) {
      for (Object id : em.createNativeQuery("SELECT id FROM " + table + " WHERE org_id = :org AND " + keyColumn
              + " IN (:keys) FOR UPDATE")
          .setParameter("org", bind(organization))
          .setParameter("keys", keys.subList(from, Math.min(keys.size(), from + IN_LIST_CHUNK)))
          .getResultList()) {
        owners.add(toUuid(id));
      }
    }
    return owners;
  }

  /**
   * Groups items by organization, keeping the first of each key (the outcome of adding them one
   * by one, where a later item with a taken key is not added).
   */
  private static <T> java.util.Map<UUID, java.util.LinkedHashMap<String, T>> firstPerKey(List<T> items,
      Function<T, UUID> organization, Function<T, String> key) {
    java.util.Map<UUID, java.util.LinkedHashMap<String, T>> result = new java.util.LinkedHashMap<>();
    for (T item : items) {
      result.computeIfAbsent(organization.apply(item), o -> new java.util.LinkedHashMap<>())
          .putIfAbsent(key.apply(item), item);
    }
    return result;
  }


  /**
   * The row lock for writers. On PostgreSQL, FOR NO KEY UPDATE: it still queues writers, but
   * does not conflict with the KEY SHARE locks that foreign-key checks take, so a transaction
   * that inserted a child row can still take its parent's lock without an upgrade deadlock.
   */
  private String rowLock() {
    return dialect == SqlDialect.POSTGRESQL ? "FOR NO KEY UPDATE" : "FOR UPDATE";
  }

  /**
   * Takes a row lock until the transaction ends, so writers of one key queue instead of
   * racing; a look-then-insert after it is safe on every database (READ COMMITTED).
   */
  private void lockRow(String table, String keyColumn, UUID id) {
    em.createNativeQuery("SELECT " + keyColumn + " FROM " + table + " WHERE " + keyColumn + " = ?1 " + rowLock())
        .setParameter(1, bind(id))
        .getResultList();
  }

  // --- certificates ----------------------------------------------------------------------

  private final class Certificates implements CertificateRepository {
    @Override
    public void insert(Certificate certificate) {
      if (statusIndexTaken(certificate.organization(), certificate.statusIndex())) {
        throw new ConflictException("Certificate", "statusIndex=" + certificate.statusIndex(), "status index already taken");
      }
      if (findEntity(CertificateEntity.class, certificate.id().value()) != null) {
        throw new ConflictException("Certificate", certificate.id(), "id already exists");
      }
      CertificateEntity e = new CertificateEntity(certificate.id().value());
      TrainingMapper.apply(certificate, e);
      persistAndFlush(e, "Certificate", "statusIndex=" + certificate.statusIndex());
    }

    @Override
    public Certificate update(Certificate certificate) {
      CertificateEntity e = findEntity(CertificateEntity.class, certificate.id().value());
      if (e == null || !e.orgId.equals(certificate.organization().value())) {
        throw new ConflictException("Certificate", certificate.id(), "does not exist");
      }
      if (e.version != certificate.version()) {
        throw stale("Certificate", certificate.id(), e.version, certificate.version());
      }
      TrainingMapper.apply(certificate, e);
      flush("Certificate", certificate.id());
      return TrainingMapper.certificate(e);
    }

    @Override
    public Optional<Certificate> find(Id<Organization> organization, Id<Certificate> id) {
      CertificateEntity e = findEntity(CertificateEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(TrainingMapper::certificate);
    }

    @Override
    public Optional<Certificate> findByCode(Id<Organization> organization, String code) {
      return em.createQuery("select c from TpCertificate c where c.orgId = :org and c.verificationCode = :code",
              CertificateEntity.class)
          .setParameter("org", organization.value())
          .setParameter("code", code)
          .getResultStream().findFirst().map(TrainingMapper::certificate);
    }

    @Override
    public List<Certificate> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
      return em.createQuery("select c from TpCertificate c where c.orgId = :org and c.memberId = :member"
              + " order by c.issuedAt, c.id", CertificateEntity.class)
          .setParameter("org", organization.value())
          .setParameter("member", member.value())
          .getResultList().stream().map(detached(TrainingMapper::certificate)).toList();
    }

    @Override
    public boolean statusIndexTaken(Id<Organization> organization, int index) {
      return !em.createQuery("select c.id from TpCertificate c where c.orgId = :org and c.statusIndex = :index",
              UUID.class)
          .setParameter("org", organization.value())
          .setParameter("index", index)
          .getResultList().isEmpty();
    }

    @Override
    public List<Integer> statusIndexes(Id<Organization> organization, Certificate.Status status) {
      return em.createQuery("select c.statusIndex from TpCertificate c where c.orgId = :org and c.status = :status"
              + " order by c.statusIndex", Integer.class)
          .setParameter("org", organization.value())
          .setParameter("status", status.name())
          .getResultList();
    }
  }

  // --- attestations ----------------------------------------------------------------------

  private final class Attestations implements AttestationRepository {
    @Override
    public boolean insertIfAbsent(Attestation attestation) {
      return guard("Attestation", "member=" + attestation.member() + ",version=" + attestation.policyVersion(), () -> {
        em.flush();
        lockRow("tp_member", "id", attestation.member().value());
        if (find(attestation.organization(), attestation.member(), attestation.policyVersion()).isPresent()) {
          return false;
        }
        AttestationEntity e = new AttestationEntity(attestation.id().value());
        TrainingMapper.apply(attestation, e);
        em.persist(e);
        em.flush();
        return true;
      });
    }

    @Override
    public Attestation update(Attestation attestation) {
      AttestationEntity e = findEntity(AttestationEntity.class, attestation.id().value());
      if (e == null || !e.orgId.equals(attestation.organization().value())) {
        throw new ConflictException("Attestation", attestation.id(), "does not exist");
      }
      if (e.version != attestation.version()) {
        throw stale("Attestation", attestation.id(), e.version, attestation.version());
      }
      TrainingMapper.apply(attestation, e);
      flush("Attestation", attestation.id());
      return TrainingMapper.attestation(e);
    }

    @Override
    public Optional<Attestation> find(Id<Organization> organization, Id<Attestation> id) {
      AttestationEntity e = findEntity(AttestationEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(TrainingMapper::attestation);
    }

    @Override
    public Optional<Attestation> find(Id<Organization> organization, Id<WorkforceMember> member, Id<PolicyVersion> version) {
      return em.createQuery("select a from TpAttestation a where a.orgId = :org and a.memberId = :member"
              + " and a.policyVersionId = :version", AttestationEntity.class)
          .setParameter("org", organization.value())
          .setParameter("member", member.value())
          .setParameter("version", version.value())
          .getResultStream().findFirst().map(TrainingMapper::attestation);
    }

    @Override
    public List<Attestation> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
      return em.createQuery("select a from TpAttestation a where a.orgId = :org and a.memberId = :member"
              + " order by a.requestedOn, a.id", AttestationEntity.class)
          .setParameter("org", organization.value())
          .setParameter("member", member.value())
          .getResultList().stream().map(detached(TrainingMapper::attestation)).toList();
    }

    @Override
    public List<Attestation> forVersion(Id<Organization> organization, Id<PolicyVersion> version) {
      return em.createQuery("select a from TpAttestation a where a.orgId = :org and a.policyVersionId = :version"
              + " order by a.requestedOn, a.id", AttestationEntity.class)
          .setParameter("org", organization.value())
          .setParameter("version", version.value())
          .getResultList().stream().map(detached(TrainingMapper::attestation)).toList();
    }

    @Override
    public void delete(Id<Organization> organization, Id<Attestation> id) {
      AttestationEntity e = findEntity(AttestationEntity.class, id.value());
      if (e != null && e.orgId.equals(organization.value())) {
        em.remove(e);
        flush("Attestation", id);
      }
    }
  }

  // --- audit -----------------------------------------------------------------------------

  private final class Audit implements AuditRepository {
    @Override
    public Optional<AuditEntry> lockHead(Id<Organization> organization) {
      return guard("AuditEntry", "head of " + organization, () -> {
        // why: a row of its own is the chain lock (tp_audit_head, which no foreign key
        // references, so child inserts never hold a share lock on it): appends to one chain
        // queue, other organizations' chains never wait (no table or global lock).
        lockRow("tp_audit_head", "org_id", organization.value());
        return em.createQuery("select a from TpAuditEntry a where a.orgId = :org order by a.sequence desc",
                AuditEntryEntity.class)
            .setParameter("org", organization.value())
            .setMaxResults(1)
            .getResultStream().findFirst().map(RecordMapper::auditEntry);
      });
    }

    @Override
    public void append(AuditEntry entry) {
      String key = entry.organization() + "#" + entry.sequence();
      if (entity(entry.organization(), entry.sequence()).isPresent()) {
        throw new ConflictException("AuditEntry", key, "sequence already taken");
      }
      AuditEntryEntity e = new AuditEntryEntity(UUID.randomUUID());
      RecordMapper.apply(entry, e);
      persistAndFlush(e, "AuditEntry", key);
    }

    @Override
    public void appendAll(List<AuditEntry> entries) {
      if (entries.isEmpty()) {
        return;
      }
      String key = entries.get(0).organization() + "#" + entries.get(0).sequence() + ".." + entries.size() + " entries";
      java.util.Map<UUID, List<Long>> sequences = new java.util.LinkedHashMap<>();
      java.util.Set<String> given = new java.util.HashSet<>();
      List<@Nullable Object[]> rows = new ArrayList<>(entries.size());
      for (AuditEntry entry : entries) {
        if (!given.add(entry.organization() + "#" + entry.sequence())) {
          throw new ConflictException("AuditEntry", entry.organization() + "#" + entry.sequence(), "sequence given twice");
        }
        sequences.computeIfAbsent(entry.organization().value(), o -> new ArrayList<>()).add(entry.sequence());
        AuditEntryEntity e = new AuditEntryEntity(UUID.randomUUID());
        RecordMapper.apply(entry, e);
        rows.add(new @Nullable Object[] {bind(e.id), bind(e.orgId), e.sequence, e.at, e.actorId, e.actorRole, e.action,
            e.subjectType, e.subjectId, e.details, e.previousHash, e.hash, e.tombstone});
      }
      guard("AuditEntry", key, () -> {
        em.flush();
        for (var group : sequences.entrySet()) {
          List<Long> seqs = group.getValue();
          if (consecutive(seqs)) {
            // why: one probe of the (org_id, seq_no) index for the whole range (an IN list of
            // hundreds of sequences cost a sixth of a second per call on PostgreSQL)
            List<?> taken = em.createNativeQuery("SELECT seq_no FROM tp_audit_entry WHERE org_id = ?1"
                    + " AND seq_no >= ?2 AND seq_no <= ?3")
                .setParameter(1, bind(group.getKey()))
                .setParameter(2, seqs.get(0))
                .setParameter(3, seqs.get(seqs.size() - 1))
                .setMaxResults(1)
                .getResultList();
            if (!taken.isEmpty()) {
              throw new ConflictException("AuditEntry", group.getKey() + "#" + taken.get(0), "sequence already taken");
            }
            continue;
          }
          for (int from = 0; from < seqs.size(); from += IN_LIST_CHUNK) {
            List<?> taken = em.createNativeQuery("SELECT seq_no FROM tp_audit_entry WHERE org_id = :org AND seq_no IN (:seqs)")
                .setParameter("org", bind(group.getKey()))
                .setParameter("seqs", seqs.subList(from, Math.min(seqs.size(), from + IN_LIST_CHUNK)))
                .setMaxResults(1)
                .getResultList();
            if (!taken.isEmpty()) {
              throw new ConflictException("AuditEntry", group.getKey() + "#" + taken.get(0), "sequence already taken");
            }
          }
        }
        insertRows("tp_audit_entry", AUDIT_COLUMNS, rows, "", false);
        return null;
      });
    }

    private static boolean consecutive(List<Long> seqs) {
      for (int i = 1; i < seqs.size(); i++) {
        if (seqs.get(i) != seqs.get(i - 1) + 1) {
          return false;
        }
      }
      return true;
    }

    private static final String[] AUDIT_COLUMNS = {"id", "org_id", "seq_no", "occurred_at", "actor_id", "actor_role",
        "action", "subject_type", "subject_id", "details", "previous_hash", "hash", "tombstone"};

    @Override
    public void replaceWithTombstone(AuditEntry tombstone) {
      AuditEntryEntity e = entity(tombstone.organization(), tombstone.sequence()).orElseThrow(() ->
          new ConflictException("AuditEntry", tombstone.organization() + "#" + tombstone.sequence(), "does not exist"));
      RecordMapper.apply(tombstone, e);
      flush("AuditEntry", tombstone.organization() + "#" + tombstone.sequence());
    }

    private Optional<AuditEntryEntity> entity(Id<Organization> organization, long sequence) {
      return em.createQuery("select a from TpAuditEntry a where a.orgId = :org and a.sequence = :seq",
              AuditEntryEntity.class)
          .setParameter("org", organization.value())
          .setParameter("seq", sequence)
          .getResultStream().findFirst();
    }

    @Override
    public List<AuditEntry> range(Id<Organization> organization, long fromSequence, long toSequence) {
      return em.createQuery("select a from TpAuditEntry a where a.orgId = :org and a.sequence >= :from"
              + " and a.sequence <= :to order by a.sequence", AuditEntryEntity.class)
          .setParameter("org", organization.value())
          .setParameter("from", fromSequence)
          .setParameter("to", toSequence)
          .getResultList().stream().map(detached(RecordMapper::auditEntry)).toList();
    }

    @Override
    public List<AuditEntry> between(Id<Organization> organization, Instant from, Instant to) {
      return em.createQuery("select a from TpAuditEntry a where a.orgId = :org and a.at >= :from and a.at < :to"
              + " order by a.sequence", AuditEntryEntity.class)
          .setParameter("org", organization.value())
          .setParameter("from", from)
          .setParameter("to", to)
          .getResultList().stream().map(detached(RecordMapper::auditEntry)).toList();
    }
  }

  // --- outbox ----------------------------------------------------------------------------

  private final class Outbox implements OutboxRepository {
    @Override
    public boolean enqueue(Notification notification) {
      return guard("Notification", "idempotencyKey=" + notification.idempotencyKey(), () -> {
        em.flush();
        switch (dialect) {
          case POSTGRESQL -> {
            return insertNotification(notification, " ON CONFLICT (org_id, idempotency_key) DO NOTHING") == 1;
          }
          case MARIADB -> {
            insertNotification(notification, " ON DUPLICATE KEY UPDATE id = id");
            List<?> owner = em.createNativeQuery(
                    "SELECT id FROM tp_outbox WHERE org_id = ?1 AND idempotency_key = ?2 FOR UPDATE")
                .setParameter(1, bind(notification.organization().value()))
                .setParameter(2, notification.idempotencyKey())
                .getResultList();
            return !owner.isEmpty() && toUuid(owner.get(0)).equals(notification.id().value());
          }
          case H2 -> {
            // why (H2): no insert-or-ignore; writers of one key queue on the organization's
            // chain row, then look before inserting (H2 is single-process).
            lockRow("tp_audit_head", "org_id", notification.organization().value());
          }
        }
        boolean taken = !em.createQuery("select n.id from TpNotification n where n.orgId = :org"
                + " and n.idempotencyKey = :key", UUID.class)
            .setParameter("org", notification.organization().value())
            .setParameter("key", notification.idempotencyKey())
            .getResultList().isEmpty();
        if (taken) {
          return false;
        }
        NotificationEntity e = new NotificationEntity(notification.id().value());
        RecordMapper.apply(notification, e);
        em.persist(e);
        em.flush();
        return true;
      });
    }

    @Override
    public java.util.Set<Id<Notification>> enqueueAll(List<Notification> notifications) {
      if (notifications.isEmpty()) {
        return java.util.Set.of();
      }
      return guard("Notification", notifications.size() + " new messages", () -> {
        em.flush();
        java.util.Set<UUID> added = new java.util.HashSet<>();
        for (var group : firstPerKey(notifications, n -> n.organization().value(), Notification::idempotencyKey)
            .entrySet()) {
          UUID org = group.getKey();
          // why (H2): as enqueue: writers queue on the organization's chain row, then look
          added.addAll(insertUnlessKeyTaken("tp_outbox", OUTBOX_COLUMNS, "idempotency_key", org,
              List.copyOf(group.getValue().values()), Notification::idempotencyKey, n -> n.id().value(), this::row,
              () -> lockRow("tp_audit_head", "org_id", org)));
        }
        java.util.Set<Id<Notification>> result = new java.util.LinkedHashSet<>();
        for (Notification n : notifications) {
          if (added.contains(n.id().value())) {
            result.add(n.id());
          }
        }
        return result;
      });
    }

    private int insertNotification(Notification n, String suffix) {
      return executeInsert("tp_outbox", OUTBOX_COLUMNS, row(n), suffix);
    }

    private static final String[] OUTBOX_COLUMNS = {"id", "org_id", "idempotency_key", "kind", "recipient_id", "channel",
        "payload", "created_at", "attempts", "next_attempt_at", "last_error", "delivered_at"};

    private @Nullable Object[] row(Notification n) {
      return new @Nullable Object[] {bind(n.id().value()), bind(n.organization().value()), n.idempotencyKey(),
          n.kind().name(), n.recipient() == null ? null : bind(n.recipient().value()), n.channel(),
          JsonText.object(n.payload()), n.createdAt(), n.attempts(), n.nextAttemptAt(), n.lastError(), n.deliveredAt()};
    }

    @Override
    public List<Notification> claimDue(Instant now, Instant leaseUntil, int limit) {
      return guard("Notification", "claim at " + now, () -> {
        em.flush();
        String order = dialect == SqlDialect.H2 ? "" : " ORDER BY created_at, id";
        List<?> rows = em.createNativeQuery("SELECT id FROM tp_outbox WHERE delivered_at IS NULL"
                + " AND next_attempt_at <= ?1" + order + " LIMIT ?2 " + rowLock() + " SKIP LOCKED")
            .setParameter(1, now)
            .setParameter(2, Math.max(1, limit))
            .getResultList();
        if (rows.isEmpty()) {
          return List.<Notification>of();
        }
        List<UUID> ids = rows.stream().map(JpaTransaction::toUuid).toList();
        List<NotificationEntity> claimed = em.createQuery(
                "select n from TpNotification n where n.id in :ids order by n.createdAt, n.id", NotificationEntity.class)
            .setParameter("ids", ids)
            .getResultList();
        claimed.forEach(n -> n.nextAttemptAt = leaseUntil);
        em.flush();
        return claimed.stream().map(RecordMapper::notification).toList();
      });
    }

    @Override
    public void update(Notification notification) {
      NotificationEntity e = findEntity(NotificationEntity.class, notification.id().value());
      if (e == null || !e.orgId.equals(notification.organization().value())) {
        throw new ConflictException("Notification", notification.id(), "does not exist");
      }
      RecordMapper.apply(notification, e);
      flush("Notification", notification.id());
    }

    @Override
    public List<Notification> between(Id<Organization> organization, Instant from, Instant to) {
      return em.createQuery("select n from TpNotification n where n.orgId = :org and n.createdAt >= :from"
              + " and n.createdAt < :to order by n.createdAt, n.id", NotificationEntity.class)
          .setParameter("org", organization.value())
          .setParameter("from", from)
          .setParameter("to", to)
          .getResultList().stream().map(detached(RecordMapper::notification)).toList();
    }

    @Override
    public void delete(Id<Organization> organization, Id<Notification> id) {
      NotificationEntity e = findEntity(NotificationEntity.class, id.value());
      if (e != null && e.orgId.equals(organization.value())) {
        em.remove(e);
        flush("Notification", id);
      }
    }
  }

  // --- retention -------------------------------------------------------------------------

  private final class Retention implements RetentionRepository {
    @Override
    public void saveHold(LegalHold hold) {
      LegalHoldEntity e = findEntity(LegalHoldEntity.class, hold.id().value());
      if (e == null) {
        e = new LegalHoldEntity(hold.id().value());
        RecordMapper.apply(hold, e);
        em.persist(e);
      } else if (!e.orgId.equals(hold.organization().value())) {
        throw new ConflictException("LegalHold", hold.id(), "belongs to another organization");
      } else {
        RecordMapper.apply(hold, e);
      }
      flush("LegalHold", hold.id());
    }

    @Override
    public List<LegalHold> holds(Id<Organization> organization) {
      return em.createQuery("select h from TpLegalHold h where h.orgId = :org order by h.placedAt, h.id",
              LegalHoldEntity.class)
          .setParameter("org", organization.value())
          .getResultList().stream().map(detached(RecordMapper::hold)).toList();
    }

    @Override
    public void insertTombstone(Tombstone tombstone) {
      TombstoneEntity e = new TombstoneEntity(tombstone.id().value());
      RecordMapper.apply(tombstone, e);
      persistAndFlush(e, "Tombstone", tombstone.id());
    }

    @Override
    public List<Tombstone> tombstones(Id<Organization> organization) {
      return em.createQuery("select t from TpTombstone t where t.orgId = :org order by t.purgedAt, t.id",
              TombstoneEntity.class)
          .setParameter("org", organization.value())
          .getResultList().stream().map(detached(RecordMapper::tombstone)).toList();
    }
  }

  // --- documentation ---------------------------------------------------------------------

  private final class Documentation implements DocumentationRepository {
    @Override
    public void insertReview(PolicyReview review) {
      PolicyReviewEntity e = new PolicyReviewEntity(review.id().value());
      RecordMapper.apply(review, e);
      persistAndFlush(e, "PolicyReview", review.id());
    }

    @Override
    public List<PolicyReview> reviews(Id<Organization> organization, Id<Policy> policy) {
      return em.createQuery("select r from TpPolicyReview r where r.orgId = :org and r.policyId = :policy"
              + " order by r.reviewedOn, r.recordedAt, r.id", PolicyReviewEntity.class)
          .setParameter("org", organization.value())
          .setParameter("policy", policy.value())
          .getResultList().stream().map(detached(RecordMapper::review)).toList();
    }

    @Override
    public void insertDecision(AddressableDecision decision) {
      String key = "topic=" + decision.topic() + ",number=" + decision.number();
      boolean taken = !em.createQuery("select d.id from TpDecision d where d.orgId = :org and d.topic = :topic"
              + " and d.number = :number", UUID.class)
          .setParameter("org", decision.organization().value())
          .setParameter("topic", decision.topic().name())
          .setParameter("number", decision.number())
          .getResultList().isEmpty();
      if (taken) {
        throw new ConflictException("AddressableDecision", key, "number already taken for the topic");
      }
      DecisionEntity e = new DecisionEntity(decision.id().value());
      RecordMapper.apply(decision, e);
      persistAndFlush(e, "AddressableDecision", key);
    }

    @Override
    public List<AddressableDecision> decisions(Id<Organization> organization) {
      return em.createQuery("select d from TpDecision d where d.orgId = :org", DecisionEntity.class)
          .setParameter("org", organization.value())
          .getResultList().stream().map(detached(RecordMapper::decision))
          // why: "by topic" means the enum's order, which the topic's text does not follow.
          .sorted(Comparator.comparing(AddressableDecision::topic).thenComparingInt(AddressableDecision::number))
          .toList();
    }

    @Override
    public void saveReminder(SecurityReminder reminder) {
      ReminderEntity e = findEntity(ReminderEntity.class, reminder.id().value());
      if (e == null) {
        e = new ReminderEntity(reminder.id().value());
        RecordMapper.apply(reminder, e);
        em.persist(e);
      } else if (!e.orgId.equals(reminder.organization().value())) {
        throw new ConflictException("SecurityReminder", reminder.id(), "belongs to another organization");
      } else {
        RecordMapper.apply(reminder, e);
      }
      flush("SecurityReminder", reminder.id());
    }

    @Override
    public Optional<SecurityReminder> findReminder(Id<Organization> organization, Id<SecurityReminder> id) {
      ReminderEntity e = findEntity(ReminderEntity.class, id.value());
      return e == null ? Optional.empty() : inOrg(e, e.orgId, organization).map(RecordMapper::reminder);
    }

    @Override
    public List<SecurityReminder> reminders(Id<Organization> organization) {
      return em.createQuery("select r from TpSecurityReminder r where r.orgId = :org order by r.sentAt, r.id",
              ReminderEntity.class)
          .setParameter("org", organization.value())
          .getResultList().stream().map(detached(RecordMapper::reminder)).toList();
    }
  }

  // --- grants ----------------------------------------------------------------------------

  private final class Grants implements GrantRepository {
    @Override
    public void save(CrossOrganizationGrant grant) {
      GrantEntity e = findEntity(GrantEntity.class, grant.id().value());
      if (e == null) {
        e = new GrantEntity(grant.id().value());
        RecordMapper.apply(grant, e);
        em.persist(e);
      } else if (!e.orgId.equals(grant.organization().value())) {
        throw new ConflictException("CrossOrganizationGrant", grant.id(), "belongs to another organization");
      } else {
        RecordMapper.apply(grant, e);
      }
      flush("CrossOrganizationGrant", grant.id());
    }

    @Override
    public List<CrossOrganizationGrant> forActor(Id<Organization> organization, String actorId) {
      return em.createQuery("select g from TpGrant g where g.orgId = :org and g.actorId = :actor"
              + " order by g.grantedAt, g.id", GrantEntity.class)
          .setParameter("org", organization.value())
          .setParameter("actor", actorId)
          .getResultList().stream().map(detached(RecordMapper::grant)).toList();
    }
  }

  // --- outside certifications --------------------------------------------------------------

  private final class Certifications implements CertificationRepository {
    @Override
    public void insertKind(io.trainproof.core.certification.CertificationKind kind) {
      String key = "code=" + kind.code();
      boolean taken = !em.createQuery("select k.id from TpCertificationKind k where k.orgId = :org and k.code = :code",
              UUID.class)
          .setParameter("org", kind.organization().value())
          .setParameter("code", kind.code())
          .getResultList().isEmpty();
      if (taken) {
        throw new ConflictException("CertificationKind", key, "code already exists");
      }
      persistAndFlush(RecordMapper.toEntity(kind), "CertificationKind", key);
    }

    @Override
    public List<io.trainproof.core.certification.CertificationKind> kinds(Id<Organization> organization) {
      return em.createQuery("select k from TpCertificationKind k where k.orgId = :org order by k.code",
              CertificationKindEntity.class)
          .setParameter("org", organization.value())
          .getResultList().stream().map(detached(RecordMapper::kind)).toList();
    }

    @Override
    public void insert(io.trainproof.core.certification.Certification certification) {
      String key = certification.issuer() + "/" + certification.credentialId();
      boolean taken = !em.createQuery("select c.id from TpCertification c where c.orgId = :org"
              + " and c.issuer = :issuer and c.credentialId = :credential", UUID.class)
          .setParameter("org", certification.organization().value())
          .setParameter("issuer", certification.issuer())
          .setParameter("credential", certification.credentialId())
          .getResultList().isEmpty();
      if (taken) {
        throw new ConflictException("Certification", key, "already recorded");
      }
      persistAndFlush(RecordMapper.toEntity(certification), "Certification", key);
    }

    @Override
    public List<io.trainproof.core.certification.Certification> forMember(
        Id<Organization> organization, Id<WorkforceMember> member) {
      return em.createQuery("select c from TpCertification c where c.orgId = :org and c.memberId = :member",
              CertificationEntity.class)
          .setParameter("org", organization.value())
          .setParameter("member", member.value())
          .getResultList().stream().map(detached(RecordMapper::certification))
          // why: ties on the issue date break by id in Id.compareTo order, as in every store.
          .sorted(Comparator.comparing(io.trainproof.core.certification.Certification::issuedOn)
              .thenComparing(io.trainproof.core.certification.Certification::id))
          .toList();
    }

    @Override
    public java.util.Map<Id<WorkforceMember>, List<io.trainproof.core.certification.Certification>> forMembers(
        Id<Organization> organization, java.util.Collection<Id<WorkforceMember>> members) {
      return byMember(members, ids -> em.createQuery(
              "select c from TpCertification c where c.orgId = :org and c.memberId in :members",
              CertificationEntity.class)
          .setParameter("org", organization.value())
          .setParameter("members", ids)
          .getResultList().stream().map(detached(RecordMapper::certification))
          // why: ties on the issue date break by id in Id.compareTo order, as in every store.
          .sorted(Comparator.comparing(io.trainproof.core.certification.Certification::issuedOn)
              .thenComparing(io.trainproof.core.certification.Certification::id))
          .toList(), io.trainproof.core.certification.Certification::member);
    }
  }
}
