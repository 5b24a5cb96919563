package io.trainproof.core.memory;

import io.trainproof.core.ConflictException;
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
import io.trainproof.core.spi.AttestationRepository;
import io.trainproof.core.spi.AuditRepository;
import io.trainproof.core.spi.CertificateRepository;
import io.trainproof.core.spi.DocumentationRepository;
import io.trainproof.core.spi.GrantRepository;
import io.trainproof.core.spi.OutboxRepository;
import io.trainproof.core.spi.RetentionRepository;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
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
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.StoreCapabilities;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe store that keeps everything in memory: for tests, demos and hosts that keep
 * their own durable copy. Transactions are serializable (one at a time, under a lock) and
 * atomic: every write records how to undo itself, and a transaction that throws is rolled
 * back before the exception propagates.
 */
public final class InMemoryStore implements Store {
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Runnable> undo = new ArrayDeque<>();

  private final Map<Id<Organization>, Organization> organizations = new HashMap<>();
  private final Map<Id<WorkforceMember>, WorkforceMember> members = new HashMap<>();
  private final Map<String, Id<WorkforceMember>> memberByExternalId = new HashMap<>();
  private final Map<Id<WorkforceMember>, LocalDate> memberSweptOn = new HashMap<>();
  /** Member ids per organization in id order, so a sweep walks them without sorting. */
  private final Map<Id<Organization>, java.util.NavigableSet<Id<WorkforceMember>>> memberIdsByOrg = new HashMap<>();
  /** Per organization: the sweep day and the last member claimed that day (a hint, undone with its transaction). */
  private final Map<Id<Organization>, Map.Entry<LocalDate, Id<WorkforceMember>>> sweepCursor = new HashMap<>();
  private final Map<Id<Policy>, Policy> policies = new HashMap<>();
  private final Map<Id<PolicyVersion>, PolicyVersion> policyVersions = new HashMap<>();
  private final Map<String, Id<PolicyVersion>> policyVersionByNumber = new HashMap<>();
  private final Map<String, Id<Policy>> policyByCode = new HashMap<>();
  private final Map<Id<Course>, Course> courses = new HashMap<>();
  private final Map<String, Id<Course>> courseByCode = new HashMap<>();
  private final Map<Id<CourseVersion>, CourseVersion> courseVersions = new HashMap<>();
  private final Map<String, Id<CourseVersion>> courseVersionByLabel = new HashMap<>();
  private final Map<Id<Requirement>, Requirement> requirements = new HashMap<>();
  private final Map<Id<Assignment>, Assignment> assignments = new HashMap<>();
  private final Map<String, Id<Assignment>> assignmentByDedupeKey = new HashMap<>();
  private final Map<Id<WorkforceMember>, List<Id<Assignment>>> assignmentsByMember = new HashMap<>();
  private final Map<Id<Completion>, Completion> completions = new HashMap<>();
  private final Map<Id<WorkforceMember>, List<Id<Completion>>> completionsByMember = new HashMap<>();

  private final Map<Id<Certificate>, Certificate> certificates = new HashMap<>();
  private final Map<String, Id<Certificate>> certificateByIndex = new HashMap<>();
  private final Map<Id<Attestation>, Attestation> attestations = new HashMap<>();
  private final Map<String, Id<Attestation>> attestationByMemberVersion = new HashMap<>();
  private final Map<Id<Organization>, List<AuditEntry>> auditChains = new HashMap<>();
  private final Map<Id<Notification>, Notification> notifications = new HashMap<>();
  private final Map<String, Id<Notification>> notificationByKey = new HashMap<>();
  private final Map<Id<LegalHold>, LegalHold> holds = new HashMap<>();
  private final Map<Id<Tombstone>, Tombstone> tombstones = new HashMap<>();
  private final Map<Id<PolicyReview>, PolicyReview> reviews = new HashMap<>();
  private final Map<String, AddressableDecision> decisions = new HashMap<>();
  private final Map<Id<SecurityReminder>, SecurityReminder> reminders = new HashMap<>();
  private final Map<Id<CrossOrganizationGrant>, CrossOrganizationGrant> grants = new HashMap<>();

  private final Map<String, io.trainproof.core.certification.CertificationKind> certificationKinds = new HashMap<>();
  private final Map<String, io.trainproof.core.certification.Certification> certifications = new HashMap<>();

  private final Tx tx = new Tx();

  /** Creates an empty store. */
  public InMemoryStore() {}

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        // why: a nested call joins the outer transaction, as a JTA REQUIRED boundary would.
        return work.apply(tx);
      }
      undo.clear();
      try {
        T result = work.apply(tx);
        undo.clear();
        return result;
      } catch (RuntimeException | Error e) {
        while (!undo.isEmpty()) {
          undo.pop().run();
        }
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public StoreCapabilities capabilities() {
    return new StoreCapabilities(false, false);
  }

  private <K, V> void put(Map<K, V> map, K key, V value) {
    V previous = map.put(key, value);
    undo.push(
        () -> {
          if (previous == null) {
            map.remove(key);
          } else {
            map.put(key, previous);
          }
        });
  }

  private <K, V> void remove(Map<K, V> map, K key) {
    V previous = map.remove(key);
    if (previous != null) {
      undo.push(() -> map.put(key, previous));
    }
  }

  private <K, V> void append(Map<K, List<V>> index, K key, V value) {
    List<V> list = index.computeIfAbsent(key, k -> new ArrayList<>());
    list.add(value);
    undo.push(() -> list.remove(list.size() - 1));
  }

  private static String key(Object... parts) {
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      sb.append(p).append('\u0000');
    }
    return sb.toString();
  }

  private static <T> @Nullable T inOrg(@Nullable T value, Id<Organization> org, Function<T, Id<Organization>> orgOf) {
    return value != null && orgOf.apply(value).equals(org) ? value : null;
  }

  private static <T, I extends Comparable<I>> List<T> pageOf(java.util.Collection<T> all, Function<T, Id<Organization>> orgOf,
      Function<T, I> idOf, Id<Organization> org, @Nullable I after, int limit) {
    return all.stream()
        .filter(x -> orgOf.apply(x).equals(org) && (after == null || idOf.apply(x).compareTo(after) > 0))
        .sorted(Comparator.comparing(idOf))
        .limit(Math.max(1, limit))
        .toList();
  }

  private static long checkVersion(String entity, Object id, long stored, long given) {
    if (stored != given) {
      throw new ConflictException(
          entity, id, "was changed concurrently (stored version " + stored + ", given " + given + ")");
    }
    return given + 1;
  }

  private final class Tx implements Transaction {
    private final OrganizationRepository orgRepo = new Orgs();
    private final MemberRepository memberRepo = new Members();
    private final PolicyRepository policyRepo = new Policies();
    private final CourseRepository courseRepo = new Courses();
    private final RequirementRepository requirementRepo = new Requirements();
    private final AssignmentRepository assignmentRepo = new Assignments();
    private final CompletionRepository completionRepo = new Completions();
    private final CertificateRepository certificateRepo = new Certificates();
    private final AttestationRepository attestationRepo = new Attestations();
    private final AuditRepository auditRepo = new Audit();
    private final OutboxRepository outboxRepo = new Outbox();
    private final RetentionRepository retentionRepo = new Retention();
    private final DocumentationRepository documentationRepo = new Documentation();
    private final GrantRepository grantRepo = new Grants();
    private final io.trainproof.core.spi.CertificationRepository certificationRepo = new Certifications();

    @Override
    public OrganizationRepository organizations() {
      return orgRepo;
    }

    @Override
    public MemberRepository members() {
      return memberRepo;
    }

    @Override
    public PolicyRepository policies() {
      return policyRepo;
    }

    @Override
    public CourseRepository courses() {
      return courseRepo;
    }

    @Override
    public RequirementRepository requirements() {
      return requirementRepo;
    }

    @Override
    public AssignmentRepository assignments() {
      return assignmentRepo;
    }

    @Override
    public CompletionRepository completions() {
      return completionRepo;
    }

    @Override
    public CertificateRepository certificates() {
      return certificateRepo;
    }

    @Override
    public AttestationRepository attestations() {
      return attestationRepo;
    }

    @Override
    public AuditRepository audit() {
      return auditRepo;
    }

    @Override
    public OutboxRepository outbox() {
      return outboxRepo;
    }

    @Override
    public RetentionRepository retention() {
      return retentionRepo;
    }

    @Override
    public DocumentationRepository documentation() {
      return documentationRepo;
    }

    @Override
    public GrantRepository grants() {
      return grantRepo;
    }

    @Override
    public io.trainproof.core.spi.CertificationRepository certifications() {
      return certificationRepo;
    }
  }

  private final class Orgs implements OrganizationRepository {
    @Override
    public void insert(Organization organization) {
      if (organizations.containsKey(organization.id())) {
        throw new ConflictException("Organization", organization.id(), "id already exists");
      }
      put(organizations, organization.id(), organization);
    }

    @Override
    public Optional<Organization> find(Id<Organization> id) {
      return Optional.ofNullable(organizations.get(id));
    }

    @Override
    public List<Id<Organization>> ids() {
      return organizations.keySet().stream().sorted().toList();
    }
  }

  private final class Members implements MemberRepository {
    @Override
    public WorkforceMember insert(WorkforceMember member) {
      String ext = key(member.organization(), member.externalId());
      if (memberByExternalId.containsKey(ext)) {
        throw new ConflictException("WorkforceMember", "externalId=" + member.externalId(), "external id already exists");
      }
      if (members.containsKey(member.id())) {
        throw new ConflictException("WorkforceMember", member.id(), "id already exists");
      }
      WorkforceMember stored = withVersion(member, 0);
      put(members, member.id(), stored);
      put(memberByExternalId, ext, member.id());
      java.util.NavigableSet<Id<WorkforceMember>> ids =
          memberIdsByOrg.computeIfAbsent(member.organization(), o -> new java.util.TreeSet<>());
      ids.add(member.id());
      undo.push(() -> ids.remove(member.id()));
      // A member added mid-day may sort before the cursor: the next claim starts from the top.
      remove(sweepCursor, member.organization());
      return stored;
    }

    @Override
    public WorkforceMember update(WorkforceMember member) {
      WorkforceMember current = inOrg(members.get(member.id()), member.organization(), WorkforceMember::organization);
      if (current == null) {
        throw new ConflictException("WorkforceMember", member.id(), "does not exist");
      }
      long next = checkVersion("WorkforceMember", member.id(), current.version(), member.version());
      WorkforceMember stored = withVersion(member, next);
      put(members, member.id(), stored);
      return stored;
    }

    private WorkforceMember withVersion(WorkforceMember m, long version) {
      return new WorkforceMember(m.id(), m.organization(), m.externalId(), m.displayName(), m.engagedOn(), m.history(), version);
    }

    @Override
    public Optional<WorkforceMember> find(Id<Organization> organization, Id<WorkforceMember> id) {
      return Optional.ofNullable(inOrg(members.get(id), organization, WorkforceMember::organization));
    }

    @Override
    public Optional<WorkforceMember> findByExternalId(Id<Organization> organization, String externalId) {
      Id<WorkforceMember> id = memberByExternalId.get(key(organization, externalId));
      return id == null ? Optional.empty() : find(organization, id);
    }

    @Override
    public List<WorkforceMember> list(Id<Organization> organization) {
      return members.values().stream()
          .filter(m -> m.organization().equals(organization))
          .sorted(Comparator.comparing(WorkforceMember::id))
          .toList();
    }

    @Override
    public List<WorkforceMember> page(Id<Organization> organization, @Nullable Id<WorkforceMember> after, int limit) {
      return pageOf(members.values(), WorkforceMember::organization, WorkforceMember::id, organization, after, limit);
    }

    @Override
    public List<WorkforceMember> claimForSweep(Id<Organization> organization, LocalDate day, int limit) {
      java.util.NavigableSet<Id<WorkforceMember>> ids = memberIdsByOrg.getOrDefault(organization, new java.util.TreeSet<>());
      Map.Entry<LocalDate, Id<WorkforceMember>> cursor = sweepCursor.get(organization);
      // why: claims go in id order, so everything before today's cursor was already visited today;
      // walking from it keeps a whole sweep linear in the number of members.
      Iterable<Id<WorkforceMember>> from = cursor != null && cursor.getKey().equals(day) ? ids.tailSet(cursor.getValue(), false) : ids;
      List<WorkforceMember> claimed = new ArrayList<>();
      for (Id<WorkforceMember> id : from) {
        if (claimed.size() >= limit) {
          break;
        }
        LocalDate swept = memberSweptOn.get(id);
        if (swept == null || swept.isBefore(day)) {
          claimed.add(members.get(id));
        }
      }
      for (WorkforceMember m : claimed) {
        put(memberSweptOn, m.id(), day);
      }
      if (!claimed.isEmpty()) {
        put(sweepCursor, organization, Map.entry(day, claimed.get(claimed.size() - 1).id()));
      }
      return claimed;
    }
  }

  private final class Policies implements PolicyRepository {
    @Override
    public void insert(Policy policy) {
      String code = key(policy.organization(), policy.code());
      if (policyByCode.containsKey(code)) {
        throw new ConflictException("Policy", "code=" + policy.code(), "code already exists");
      }
      put(policies, policy.id(), withVersion(policy, 0));
      put(policyByCode, code, policy.id());
    }

    @Override
    public Policy update(Policy policy) {
      Policy current = inOrg(policies.get(policy.id()), policy.organization(), Policy::organization);
      if (current == null) {
        throw new ConflictException("Policy", policy.id(), "does not exist");
      }
      Policy stored = withVersion(policy, checkVersion("Policy", policy.id(), current.version(), policy.version()));
      put(policies, policy.id(), stored);
      return stored;
    }

    private Policy withVersion(Policy p, long version) {
      return new Policy(p.id(), p.organization(), p.code(), p.title(), p.audience(), p.attestOn(), p.attestWithinDays(),
          p.reviewDueOn(), p.createdAt(), version);
    }

    @Override
    public Optional<Policy> find(Id<Organization> organization, Id<Policy> id) {
      return Optional.ofNullable(inOrg(policies.get(id), organization, Policy::organization));
    }

    @Override
    public List<Policy> list(Id<Organization> organization) {
      return policies.values().stream()
          .filter(p -> p.organization().equals(organization))
          .sorted(Comparator.comparing(Policy::code))
          .toList();
    }

    @Override
    public void insertVersion(PolicyVersion version) {
      String number = key(version.policy(), version.number());
      if (policyVersionByNumber.containsKey(number)) {
        throw new ConflictException("PolicyVersion", "policy=" + version.policy() + ",number=" + version.number(), "version number already exists");
      }
      put(policyVersions, version.id(), version);
      put(policyVersionByNumber, number, version.id());
    }

    @Override
    public void updateVersion(PolicyVersion version) {
      if (inOrg(policyVersions.get(version.id()), version.organization(), PolicyVersion::organization) == null) {
        throw new ConflictException("PolicyVersion", version.id(), "does not exist");
      }
      put(policyVersions, version.id(), version);
    }

    @Override
    public Optional<PolicyVersion> findVersion(Id<Organization> organization, Id<PolicyVersion> id) {
      return Optional.ofNullable(inOrg(policyVersions.get(id), organization, PolicyVersion::organization));
    }

    @Override
    public List<PolicyVersion> versions(Id<Organization> organization, Id<Policy> policy) {
      return policyVersions.values().stream()
          .filter(v -> v.organization().equals(organization) && v.policy().equals(policy))
          .sorted(Comparator.comparingInt(PolicyVersion::number))
          .toList();
    }
  }

  private final class Courses implements CourseRepository {
    @Override
    public void insert(Course course) {
      String code = key(course.organization(), course.code());
      if (courseByCode.containsKey(code)) {
        throw new ConflictException("Course", "code=" + course.code(), "code already exists");
      }
      put(courses, course.id(), course);
      put(courseByCode, code, course.id());
    }

    @Override
    public Optional<Course> find(Id<Organization> organization, Id<Course> id) {
      return Optional.ofNullable(inOrg(courses.get(id), organization, Course::organization));
    }

    @Override
    public List<Course> list(Id<Organization> organization) {
      return courses.values().stream()
          .filter(c -> c.organization().equals(organization))
          .sorted(Comparator.comparing(Course::code))
          .toList();
    }

    @Override
    public void insertVersion(CourseVersion version) {
      String label = key(version.course(), version.label());
      if (courseVersionByLabel.containsKey(label)) {
        throw new ConflictException("CourseVersion", "course=" + version.course() + ",label=" + version.label(), "label already exists");
      }
      put(courseVersions, version.id(), version);
      put(courseVersionByLabel, label, version.id());
    }

    @Override
    public Optional<CourseVersion> findVersion(Id<Organization> organization, Id<CourseVersion> id) {
      return Optional.ofNullable(inOrg(courseVersions.get(id), organization, CourseVersion::organization));
    }

    @Override
    public List<CourseVersion> versions(Id<Organization> organization, Id<Course> course) {
      return courseVersions.values().stream()
          .filter(v -> v.organization().equals(organization) && v.course().equals(course))
          .sorted(Comparator.comparing(CourseVersion::releasedAt).thenComparing(CourseVersion::id))
          .toList();
    }
  }

  private final class Requirements implements RequirementRepository {
    @Override
    public Requirement insert(Requirement r) {
      if (requirements.containsKey(r.id())) {
        throw new ConflictException("Requirement", r.id(), "id already exists");
      }
      Requirement stored = withVersion(r, 0);
      put(requirements, r.id(), stored);
      return stored;
    }

    @Override
    public Requirement update(Requirement r) {
      Requirement current = inOrg(requirements.get(r.id()), r.organization(), Requirement::organization);
      if (current == null) {
        throw new ConflictException("Requirement", r.id(), "does not exist");
      }
      Requirement stored = withVersion(r, checkVersion("Requirement", r.id(), current.version(), r.version()));
      put(requirements, r.id(), stored);
      return stored;
    }

    private Requirement withVersion(Requirement r, long version) {
      return new Requirement(r.id(), r.organization(), r.name(), r.rationale(), r.history(), r.createdAt(), version);
    }

    @Override
    public Optional<Requirement> find(Id<Organization> organization, Id<Requirement> id) {
      return Optional.ofNullable(inOrg(requirements.get(id), organization, Requirement::organization));
    }

    @Override
    public List<Requirement> list(Id<Organization> organization) {
      return requirements.values().stream()
          .filter(r -> r.organization().equals(organization))
          .sorted(Comparator.comparing(Requirement::createdAt).thenComparing(Requirement::id))
          .toList();
    }
  }

  private static final Comparator<Assignment> ASSIGNMENT_ORDER =
      Comparator.comparing(Assignment::assignedAt).thenComparing(Assignment::id);

  private final class Assignments implements AssignmentRepository {
    @Override
    public boolean insertIfAbsent(Assignment a) {
      String dedupe = key(a.organization(), a.dedupeKey());
      if (assignmentByDedupeKey.containsKey(dedupe)) {
        return false;
      }
      if (assignments.containsKey(a.id())) {
        throw new ConflictException("Assignment", a.id(), "id already exists");
      }
      put(assignments, a.id(), withVersion(a, 0));
      put(assignmentByDedupeKey, dedupe, a.id());
      append(assignmentsByMember, a.member(), a.id());
      return true;
    }

    @Override
    public Assignment update(Assignment a) {
      Assignment current = inOrg(assignments.get(a.id()), a.organization(), Assignment::organization);
      if (current == null) {
        throw new ConflictException("Assignment", a.id(), "does not exist");
      }
      Assignment stored = withVersion(a, checkVersion("Assignment", a.id(), current.version(), a.version()));
      put(assignments, a.id(), stored);
      return stored;
    }

    private Assignment withVersion(Assignment a, long version) {
      return new Assignment(a.id(), a.organization(), a.member(), a.course(), a.requirement(), a.reason(),
          a.policyVersion(), a.dedupeKey(), a.assignedOn(), a.assignedAt(), a.assignedBy(), a.anchorOn(),
          a.dueOn(), a.dueChanges(), a.startedOn(), a.closure(), version);
    }

    @Override
    public Optional<Assignment> find(Id<Organization> organization, Id<Assignment> id) {
      return Optional.ofNullable(inOrg(assignments.get(id), organization, Assignment::organization));
    }

    @Override
    public List<Assignment> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
      return assignmentsByMember.getOrDefault(member, List.of()).stream()
          .map(assignments::get)
          .filter(Objects::nonNull)
          .filter(a -> a.organization().equals(organization))
          .sorted(ASSIGNMENT_ORDER)
          .toList();
    }

    @Override
    public List<Assignment> forRequirement(Id<Organization> organization, Id<Requirement> requirement) {
      return assignments.values().stream()
          .filter(a -> a.organization().equals(organization) && requirement.equals(a.requirement()))
          .sorted(ASSIGNMENT_ORDER)
          .toList();
    }

    @Override
    public List<Assignment> list(Id<Organization> organization) {
      return assignments.values().stream()
          .filter(a -> a.organization().equals(organization))
          .sorted(ASSIGNMENT_ORDER)
          .toList();
    }

    @Override
    public List<Assignment> page(Id<Organization> organization, @Nullable Id<Assignment> after, int limit) {
      return pageOf(assignments.values(), Assignment::organization, Assignment::id, organization, after, limit);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<io.trainproof.core.status.AssignmentSummary> summarize(
        Id<Organization> organization, LocalDate asOf, int dueSoonDays) {
      LocalDate soon = asOf.plusDays(dueSoonDays);
      // key: department, type -> members, mOverdue, mDueSoon, mPending, pending, dueSoon, overdue, completed, waived
      Map<List<Object>, long[]> groups = new HashMap<>();
      for (WorkforceMember m : members.values()) {
        if (!m.organization().equals(organization)) {
          continue;
        }
        var terms = m.termsOn(asOf).orElse(null);
        if (terms == null || terms.status() != io.trainproof.core.domain.MemberStatus.ACTIVE) {
          continue;
        }
        long[] c = groups.computeIfAbsent(List.of(terms.department(), terms.type(), terms.roles()), k -> new long[9]);
        long pending = 0;
        long dueSoon = 0;
        long overdue = 0;
        for (Id<Assignment> id : assignmentsByMember.getOrDefault(m.id(), List.of())) {
          Assignment a = assignments.get(id);
          if (a == null || !a.organization().equals(organization) || a.assignedOn().isAfter(asOf)) {
            continue;
          }
          if (a.closure() != null && !a.closure().on().isAfter(asOf)) {
            switch (a.closure().state()) {
              case COMPLETED -> c[7]++;
              case WAIVED -> c[8]++;
              default -> { }
            }
            continue;
          }
          LocalDate due = a.dueOn(asOf);
          if (asOf.isAfter(due)) {
            overdue++;
          } else if (!due.isAfter(soon)) {
            dueSoon++;
          } else {
            pending++;
          }
        }
        c[0]++;
        c[1] += overdue > 0 ? 1 : 0;
        c[2] += overdue == 0 && dueSoon > 0 ? 1 : 0;
        c[3] += overdue == 0 && dueSoon == 0 && pending > 0 ? 1 : 0;
        c[4] += pending;
        c[5] += dueSoon;
        c[6] += overdue;
      }
      List<io.trainproof.core.status.AssignmentSummary> rows = new ArrayList<>();
      groups.forEach((k, c) -> rows.add(new io.trainproof.core.status.AssignmentSummary((String) k.get(0),
          (io.trainproof.core.domain.WorkforceType) k.get(1), (java.util.Set<String>) k.get(2), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8])));
      rows.sort(io.trainproof.core.status.AssignmentSummary.ORDER);
      return rows;
    }

    @Override
    public void delete(Id<Organization> organization, Id<Assignment> id) {
      Assignment a = inOrg(assignments.get(id), organization, Assignment::organization);
      if (a != null) {
        // The dedupe key stays taken: a purged cycle is never recreated.
        remove(assignments, id);
      }
    }
  }

  private final class Completions implements CompletionRepository {
    @Override
    public void insert(Completion c) {
      if (completions.containsKey(c.id())) {
        throw new ConflictException("Completion", c.id(), "id already exists");
      }
      put(completions, c.id(), c);
      append(completionsByMember, c.member(), c.id());
    }

    @Override
    public Optional<Completion> find(Id<Organization> organization, Id<Completion> id) {
      return Optional.ofNullable(inOrg(completions.get(id), organization, Completion::organization));
    }

    @Override
    public List<Completion> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
      return completionsByMember.getOrDefault(member, List.of()).stream()
          .map(completions::get)
          .filter(Objects::nonNull)
          .filter(c -> c.organization().equals(organization))
          .sorted(Comparator.comparing(Completion::completedOn).thenComparing(Completion::recordedAt).thenComparing(Completion::id))
          .toList();
    }

    @Override
    public List<Completion> page(Id<Organization> organization, @Nullable Id<Completion> after, int limit) {
      return pageOf(completions.values(), Completion::organization, Completion::id, organization, after, limit);
    }

    @Override
    public Optional<Completion> findBySource(Id<Organization> organization, String source, String sourceRef) {
      return completions.values().stream()
          .filter(c -> c.organization().equals(organization) && source.equals(c.provenance().source())
              && sourceRef.equals(c.provenance().sourceRef()))
          .findFirst();
    }

    @Override
    public void delete(Id<Organization> organization, Id<Completion> id) {
      if (inOrg(completions.get(id), organization, Completion::organization) != null) {
        remove(completions, id);
      }
    }
  }

  private final class Certificates implements CertificateRepository {
    @Override
    public void insert(Certificate c) {
      String index = key(c.organization(), c.statusIndex());
      if (certificates.containsKey(c.id()) || certificateByIndex.containsKey(index)) {
        throw new ConflictException("Certificate", "statusIndex=" + c.statusIndex(), "id or status index already taken");
      }
      put(certificates, c.id(), withVersion(c, 0));
      put(certificateByIndex, index, c.id());
    }

    @Override
    public Certificate update(Certificate c) {
      Certificate current = inOrg(certificates.get(c.id()), c.organization(), Certificate::organization);
      if (current == null) {
        throw new ConflictException("Certificate", c.id(), "does not exist");
      }
      Certificate stored = withVersion(c, checkVersion("Certificate", c.id(), current.version(), c.version()));
      put(certificates, c.id(), stored);
      return stored;
    }

    private Certificate withVersion(Certificate c, long version) {
      return new Certificate(c.id(), c.organization(), c.member(), c.completion(), c.course(), c.courseVersion(),
          c.credentialId(), c.verificationCode(), c.credentialJson(), c.statusIndex(), c.issuedAt(), c.validFrom(),
          c.validUntil(), c.status(), c.statusReason(), c.statusChangedAt(), version);
    }

    @Override
    public Optional<Certificate> find(Id<Organization> organization, Id<Certificate> id) {
      return Optional.ofNullable(inOrg(certificates.get(id), organization, Certificate::organization));
    }

    @Override
    public Optional<Certificate> findByCode(Id<Organization> organization, String code) {
      return certificates.values().stream()
          .filter(c -> c.organization().equals(organization) && c.verificationCode().equals(code))
          .findFirst();
    }

    @Override
    public List<Certificate> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
      return certificates.values().stream()
          .filter(c -> c.organization().equals(organization) && c.member().equals(member))
          .sorted(Comparator.comparing(Certificate::issuedAt).thenComparing(Certificate::id))
          .toList();
    }

    @Override
    public boolean statusIndexTaken(Id<Organization> organization, int index) {
      return certificateByIndex.containsKey(key(organization, index));
    }

    @Override
    public List<Integer> statusIndexes(Id<Organization> organization, Certificate.Status status) {
      return certificates.values().stream()
          .filter(c -> c.organization().equals(organization) && c.status() == status)
          .map(Certificate::statusIndex)
          .sorted()
          .toList();
    }
  }

  private static final Comparator<Attestation> ATTESTATION_ORDER =
      Comparator.comparing(Attestation::requestedOn).thenComparing(Attestation::id);

  private final class Attestations implements AttestationRepository {
    @Override
    public boolean insertIfAbsent(Attestation a) {
      String k = key(a.organization(), a.member(), a.policyVersion());
      if (attestationByMemberVersion.containsKey(k)) {
        return false;
      }
      put(attestations, a.id(), withVersion(a, 0));
      put(attestationByMemberVersion, k, a.id());
      return true;
    }

    @Override
    public Attestation update(Attestation a) {
      Attestation current = inOrg(attestations.get(a.id()), a.organization(), Attestation::organization);
      if (current == null) {
        throw new ConflictException("Attestation", a.id(), "does not exist");
      }
      Attestation stored = withVersion(a, checkVersion("Attestation", a.id(), current.version(), a.version()));
      put(attestations, a.id(), stored);
      return stored;
    }

    private Attestation withVersion(Attestation a, long version) {
      return new Attestation(a.id(), a.organization(), a.member(), a.policy(), a.policyVersion(), a.requestedOn(),
          a.dueOn(), a.requestedBy(), a.automatic(), a.evidence(), version);
    }

    @Override
    public Optional<Attestation> find(Id<Organization> organization, Id<Attestation> id) {
      return Optional.ofNullable(inOrg(attestations.get(id), organization, Attestation::organization));
    }

    @Override
    public Optional<Attestation> find(Id<Organization> organization, Id<WorkforceMember> member, Id<PolicyVersion> version) {
      Id<Attestation> id = attestationByMemberVersion.get(key(organization, member, version));
      return id == null ? Optional.empty() : find(organization, id);
    }

    @Override
    public List<Attestation> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
      return attestations.values().stream()
          .filter(a -> a.organization().equals(organization) && a.member().equals(member))
          .sorted(ATTESTATION_ORDER).toList();
    }

    @Override
    public List<Attestation> forVersion(Id<Organization> organization, Id<PolicyVersion> version) {
      return attestations.values().stream()
          .filter(a -> a.organization().equals(organization) && a.policyVersion().equals(version))
          .sorted(ATTESTATION_ORDER).toList();
    }

    @Override
    public void delete(Id<Organization> organization, Id<Attestation> id) {
      Attestation a = inOrg(attestations.get(id), organization, Attestation::organization);
      if (a != null) {
        remove(attestations, id);
      }
    }
  }

  private final class Audit implements AuditRepository {
    private List<AuditEntry> chain(Id<Organization> organization) {
      return auditChains.getOrDefault(organization, List.of());
    }

    @Override
    public Optional<AuditEntry> lockHead(Id<Organization> organization) {
      List<AuditEntry> chain = chain(organization);
      return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
    }

    @Override
    public void append(AuditEntry entry) {
      long expected = chain(entry.organization()).size() + 1L;
      if (entry.sequence() != expected) {
        throw new ConflictException("AuditEntry", entry.organization() + "#" + entry.sequence(),
            "sequence taken or out of order (next is " + expected + ")");
      }
      InMemoryStore.this.append(auditChains, entry.organization(), entry);
    }

    @Override
    public void replaceWithTombstone(AuditEntry tombstone) {
      List<AuditEntry> chain = auditChains.get(tombstone.organization());
      int index = (int) tombstone.sequence() - 1;
      if (chain == null || index < 0 || index >= chain.size()) {
        throw new ConflictException("AuditEntry", tombstone.organization() + "#" + tombstone.sequence(), "does not exist");
      }
      AuditEntry previous = chain.set(index, tombstone);
      undo.push(() -> chain.set(index, previous));
    }

    @Override
    public List<AuditEntry> range(Id<Organization> organization, long fromSequence, long toSequence) {
      return chain(organization).stream()
          .filter(e -> e.sequence() >= fromSequence && e.sequence() <= toSequence).toList();
    }

    @Override
    public List<AuditEntry> between(Id<Organization> organization, Instant from, Instant to) {
      return chain(organization).stream()
          .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).toList();
    }
  }

  private final class Outbox implements OutboxRepository {
    @Override
    public boolean enqueue(Notification n) {
      String k = key(n.organization(), n.idempotencyKey());
      if (notificationByKey.containsKey(k)) {
        return false;
      }
      put(notifications, n.id(), n);
      put(notificationByKey, k, n.id());
      return true;
    }

    @Override
    public List<Notification> claimDue(Instant now, Instant leaseUntil, int limit) {
      List<Notification> due = notifications.values().stream()
          .filter(n -> n.deliveredAt() == null && !n.nextAttemptAt().isAfter(now))
          .sorted(Comparator.comparing(Notification::createdAt).thenComparing(Notification::id))
          .limit(limit)
          .toList();
      List<Notification> claimed = new ArrayList<>();
      for (Notification n : due) {
        Notification leased = new Notification(n.id(), n.organization(), n.idempotencyKey(), n.kind(), n.recipient(),
            n.channel(), n.payload(), n.createdAt(), n.attempts(), leaseUntil, n.lastError(), null);
        put(notifications, n.id(), leased);
        claimed.add(leased);
      }
      return claimed;
    }

    @Override
    public void update(Notification n) {
      if (!notifications.containsKey(n.id())) {
        throw new ConflictException("Notification", n.id(), "does not exist");
      }
      put(notifications, n.id(), n);
    }

    @Override
    public List<Notification> between(Id<Organization> organization, Instant from, Instant to) {
      return notifications.values().stream()
          .filter(n -> n.organization().equals(organization) && !n.createdAt().isBefore(from) && n.createdAt().isBefore(to))
          .sorted(Comparator.comparing(Notification::createdAt).thenComparing(Notification::id))
          .toList();
    }

    @Override
    public void delete(Id<Organization> organization, Id<Notification> id) {
      Notification n = inOrg(notifications.get(id), organization, Notification::organization);
      if (n != null) {
        remove(notifications, id);
      }
    }
  }

  private final class Retention implements RetentionRepository {
    @Override
    public void saveHold(LegalHold hold) {
      put(holds, hold.id(), hold);
    }

    @Override
    public List<LegalHold> holds(Id<Organization> organization) {
      return holds.values().stream().filter(h -> h.organization().equals(organization))
          .sorted(Comparator.comparing(LegalHold::placedAt).thenComparing(LegalHold::id)).toList();
    }

    @Override
    public void insertTombstone(Tombstone tombstone) {
      put(tombstones, tombstone.id(), tombstone);
    }

    @Override
    public List<Tombstone> tombstones(Id<Organization> organization) {
      return tombstones.values().stream().filter(t -> t.organization().equals(organization))
          .sorted(Comparator.comparing(Tombstone::purgedAt).thenComparing(Tombstone::id)).toList();
    }
  }

  private final class Documentation implements DocumentationRepository {
    @Override
    public void insertReview(PolicyReview review) {
      put(reviews, review.id(), review);
    }

    @Override
    public List<PolicyReview> reviews(Id<Organization> organization, Id<Policy> policy) {
      return reviews.values().stream()
          .filter(r -> r.organization().equals(organization) && r.policy().equals(policy))
          .sorted(Comparator.comparing(PolicyReview::reviewedOn).thenComparing(PolicyReview::recordedAt)).toList();
    }

    @Override
    public void insertDecision(AddressableDecision d) {
      String k = key(d.organization(), d.topic(), d.number());
      if (decisions.containsKey(k)) {
        throw new ConflictException("AddressableDecision", d.topic() + "#" + d.number(), "version number already exists");
      }
      put(decisions, k, d);
    }

    @Override
    public List<AddressableDecision> decisions(Id<Organization> organization) {
      return decisions.values().stream().filter(d -> d.organization().equals(organization))
          .sorted(Comparator.comparing(AddressableDecision::topic).thenComparingInt(AddressableDecision::number)).toList();
    }

    @Override
    public void saveReminder(SecurityReminder reminder) {
      put(reminders, reminder.id(), reminder);
    }

    @Override
    public Optional<SecurityReminder> findReminder(Id<Organization> organization, Id<SecurityReminder> id) {
      return Optional.ofNullable(inOrg(reminders.get(id), organization, SecurityReminder::organization));
    }

    @Override
    public List<SecurityReminder> reminders(Id<Organization> organization) {
      return reminders.values().stream().filter(r -> r.organization().equals(organization))
          .sorted(Comparator.comparing(SecurityReminder::sentAt).thenComparing(SecurityReminder::id)).toList();
    }
  }

  private final class Certifications implements io.trainproof.core.spi.CertificationRepository {
    @Override
    public void insertKind(io.trainproof.core.certification.CertificationKind kind) {
      String k = key(kind.organization(), kind.code());
      if (certificationKinds.containsKey(k)) {
        throw new ConflictException("CertificationKind", "code=" + kind.code(), "code already exists");
      }
      put(certificationKinds, k, kind);
    }

    @Override
    public List<io.trainproof.core.certification.CertificationKind> kinds(Id<Organization> organization) {
      return certificationKinds.values().stream().filter(k -> k.organization().equals(organization))
          .sorted(Comparator.comparing(io.trainproof.core.certification.CertificationKind::code)).toList();
    }

    @Override
    public void insert(io.trainproof.core.certification.Certification c) {
      String k = key(c.organization(), c.issuer(), c.credentialId());
      if (certifications.containsKey(k)) {
        throw new ConflictException("Certification", c.issuer() + "/" + c.credentialId(), "already recorded");
      }
      put(certifications, k, c);
    }

    @Override
    public List<io.trainproof.core.certification.Certification> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
      return certifications.values().stream()
          .filter(c -> c.organization().equals(organization) && c.member().equals(member))
          .sorted(Comparator.comparing(io.trainproof.core.certification.Certification::issuedOn)
              .thenComparing(io.trainproof.core.certification.Certification::id))
          .toList();
    }

    @Override
    public Map<Id<WorkforceMember>, List<io.trainproof.core.certification.Certification>> forMembers(
        Id<Organization> organization, java.util.Collection<Id<WorkforceMember>> members) {
      Map<Id<WorkforceMember>, List<io.trainproof.core.certification.Certification>> result = new LinkedHashMap<>();
      for (Id<WorkforceMember> member : members) {
        result.put(member, new ArrayList<>());
      }
      // why: one pass over the certifications instead of one per member.
      for (io.trainproof.core.certification.Certification c : certifications.values()) {
        List<io.trainproof.core.certification.Certification> mine = result.get(c.member());
        if (mine != null && c.organization().equals(organization)) {
          mine.add(c);
        }
      }
      result.replaceAll((member, list) -> list.stream()
          .sorted(Comparator.comparing(io.trainproof.core.certification.Certification::issuedOn)
              .thenComparing(io.trainproof.core.certification.Certification::id))
          .toList());
      return result;
    }
  }

  private final class Grants implements GrantRepository {
    @Override
    public void save(CrossOrganizationGrant grant) {
      put(grants, grant.id(), grant);
    }

    @Override
    public List<CrossOrganizationGrant> forActor(Id<Organization> organization, String actorId) {
      return grants.values().stream()
          .filter(g -> g.organization().equals(organization) && g.actorId().equals(actorId))
          .sorted(Comparator.comparing(CrossOrganizationGrant::grantedAt)).toList();
    }
  }
}
