package io.trainproof.testkit;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.organization.OrganizationService;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.workforce.WorkforceService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Fixture builders over a running {@link Trainproof}: an organization with a compliance officer,
 * then members, policies, courses and requirements with sensible defaults that a test overrides
 * where it matters. Not thread-safe; one per test.
 */
public final class Fixtures {
  private final Trainproof trainproof;
  private final Organization organization;
  private final Actor officer;
  private final AtomicInteger counter = new AtomicInteger();

  private Fixtures(Trainproof trainproof, Organization organization) {
    this.trainproof = trainproof;
    this.organization = organization;
    this.officer = Actor.complianceOfficer("officer-1", organization.id());
  }

  /**
   * Creates an organization in a zone and returns fixtures for it.
   *
   * @param trainproof the instance under test
   * @param zone the organization's zone
   * @return the fixtures
   */
  public static Fixtures organization(Trainproof trainproof, ZoneId zone) {
    Organization org =
        trainproof
            .organizations()
            .create(
                Actor.platform("platform"),
                OrganizationService.NewOrganization.of("Clinic " + zone, zone));
    return new Fixtures(trainproof, org);
  }

  /**
   * Fixtures for an organization created elsewhere.
   *
   * @param trainproof the instance under test
   * @param organization the organization
   * @return the fixtures
   */
  public static Fixtures organizationFor(Trainproof trainproof, Organization organization) {
    return new Fixtures(trainproof, organization);
  }

  /**
   * @return the organization
   */
  public Organization org() {
    return organization;
  }

  /**
   * @return its compliance officer
   */
  public Actor officer() {
    return officer;
  }

  /**
   * @return the instance under test
   */
  public Trainproof trainproof() {
    return trainproof;
  }

  /**
   * SHA-256 of a text, in lowercase hex, for policy and content hashes.
   *
   * @param text the text
   * @return its hash
   */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /**
   * Hires an employee.
   *
   * @param engagedOn engagement date
   * @param department department
   * @param roles roles
   * @return the member
   */
  public WorkforceMember hire(LocalDate engagedOn, String department, String... roles) {
    return hire(engagedOn, department, WorkforceType.EMPLOYEE, null, roles);
  }

  /**
   * Hires a member.
   *
   * @param engagedOn engagement date
   * @param department department
   * @param type workforce type
   * @param manager manager, or null
   * @param roles roles
   * @return the member
   */
  public WorkforceMember hire(
      LocalDate engagedOn,
      String department,
      WorkforceType type,
      @Nullable Id<WorkforceMember> manager,
      String... roles) {
    int n = counter.incrementAndGet();
    return trainproof
        .workforce()
        .hire(
            officer,
            new WorkforceService.NewMember(
                "EMP-" + n, "Member " + n, type, Set.of(roles), department, manager, engagedOn));
  }

  /**
   * Creates a policy with a first, non-material version.
   *
   * @param code policy code
   * @param effectiveFrom when version 1 takes effect
   * @return the policy
   */
  public Policy policy(String code, LocalDate effectiveFrom) {
    Policy policy =
        trainproof.policies().create(officer, PolicyService.NewPolicy.of(code, code + " policy"));
    trainproof
        .policies()
        .publish(
            officer,
            policy.id(),
            new PolicyService.NewVersion(
                effectiveFrom, sha256(code + " v1"), "Initial version", false, Set.of()));
    return policy;
  }

  /**
   * Publishes a material change of a policy.
   *
   * @param policy the policy
   * @param effectiveFrom when it takes effect
   * @param affectedRoles roles affected; none means all
   * @return the version
   */
  public PolicyVersion materialChange(
      Policy policy, LocalDate effectiveFrom, String... affectedRoles) {
    return trainproof
        .policies()
        .publish(
            officer,
            policy.id(),
            new PolicyService.NewVersion(
                effectiveFrom,
                sha256(policy.code() + " " + effectiveFrom + " " + counter.incrementAndGet()),
                "Material change",
                true,
                Set.of(affectedRoles)));
  }

  /**
   * Creates a course with one released version covering policies.
   *
   * @param code course code
   * @param policies the policies it teaches
   * @return the course
   */
  public Course course(String code, Policy... policies) {
    Course course =
        trainproof.courses().create(officer, new CourseService.NewCourse(code, code + " course"));
    Set<Id<Policy>> ids = new HashSet<>();
    for (Policy p : policies) {
      ids.add(p.id());
    }
    trainproof
        .courses()
        .release(
            officer,
            course.id(),
            new CourseService.NewVersion(
                "1",
                ids,
                Set.of(RegulatoryTopic.PRIVACY_RULE),
                80,
                true,
                sha256(code + " content")));
    return course;
  }

  /**
   * Releases a new version of a course's content teaching policies (after a policy change, the
   * content that covers the new version; completions from now on use it).
   *
   * @param course the course
   * @param label the version label, unique per course
   * @param policies the policies it teaches
   * @return the released version
   */
  public CourseVersion reviseCourse(Course course, String label, Policy... policies) {
    Set<Id<Policy>> ids = new HashSet<>();
    for (Policy p : policies) {
      ids.add(p.id());
    }
    return trainproof
        .courses()
        .release(
            officer,
            course.id(),
            new CourseService.NewVersion(
                label,
                ids,
                Set.of(RegulatoryTopic.PRIVACY_RULE),
                80,
                true,
                sha256(course.code() + " content " + label)));
  }

  /**
   * Starts terms for a requirement with defaults: everyone, due 30 days after engagement, no
   * recurrence, no window, no grace, no retraining, standard reminders.
   *
   * @param course the course
   * @param effectiveFrom when the rule starts
   * @return a terms builder
   */
  public static TermsBuilder terms(Course course, LocalDate effectiveFrom) {
    return new TermsBuilder(course.id(), effectiveFrom);
  }

  /**
   * Creates a requirement.
   *
   * @param name its name
   * @param terms its terms
   * @return the requirement
   */
  public Requirement requirement(String name, RequirementTerms terms) {
    return trainproof.requirements().create(officer, name, "Needed for " + name, terms);
  }

  /** Builds {@link RequirementTerms} with defaults. Not thread-safe. */
  public static final class TermsBuilder {
    private final Id<Course> course;
    private LocalDate effectiveFrom;
    private Audience audience = Audience.everyone();
    private int initialDueDays = 30;
    private Recurrence recurrence = Recurrence.none();
    private Period window = Period.ZERO;
    private Period minimumActive = Period.ZERO;
    private int graceDays;
    private @Nullable Integer retrainWithinDays;

    private TermsBuilder(Id<Course> course, LocalDate effectiveFrom) {
      this.course = course;
      this.effectiveFrom = effectiveFrom;
    }

    /**
     * @param value the audience
     * @return this
     */
    public TermsBuilder audience(Audience value) {
      this.audience = value;
      return this;
    }

    /**
     * @param days days after engagement or rule start
     * @return this
     */
    public TermsBuilder initialDueDays(int days) {
      this.initialDueDays = days;
      return this;
    }

    /**
     * @param value the recurrence
     * @param renewalWindow its window
     * @return this
     */
    public TermsBuilder recurrence(Recurrence value, Period renewalWindow) {
      this.recurrence = value;
      this.window = renewalWindow;
      return this;
    }

    /**
     * @param value the minimum active period
     * @return this
     */
    public TermsBuilder minimumActive(Period value) {
      this.minimumActive = value;
      return this;
    }

    /**
     * @param days grace days
     * @return this
     */
    public TermsBuilder graceDays(int days) {
      this.graceDays = days;
      return this;
    }

    /**
     * @param days retraining due this many days after a material change
     * @return this
     */
    public TermsBuilder retrainWithinDays(int days) {
      this.retrainWithinDays = days;
      return this;
    }

    /**
     * @param date the effective date
     * @return this
     */
    public TermsBuilder effectiveFrom(LocalDate date) {
      this.effectiveFrom = date;
      return this;
    }

    /**
     * @return the terms
     */
    public RequirementTerms build() {
      return new RequirementTerms(
          effectiveFrom,
          audience,
          course,
          initialDueDays,
          recurrence,
          window,
          minimumActive,
          graceDays,
          retrainWithinDays,
          ReminderSchedule.standard(),
          true);
    }
  }
}
