package io.trainproof.examples;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.organization.OrganizationService;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.status.RequirementStatus;
import io.trainproof.core.workforce.WorkforceService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A small clinic on the in-memory store: policies, a course, an onboarding and annual rule, hires,
 * completions, a material policy change and a year of renewals, then a status report. Run it with
 * the README's demo command.
 */
public final class Quickstart {
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");

  private Quickstart() {}

  /**
   * Runs the quickstart.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    MovableClock clock =
        new MovableClock(LocalDate.of(2026, 1, 5).atTime(9, 0).atZone(ZONE).toInstant());
    Trainproof tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();

    Organization clinic =
        tp.organizations()
            .create(
                Actor.platform("vendor-admin"),
                OrganizationService.NewOrganization.of("Lakeside Family Clinic", ZONE));
    Actor officer = Actor.complianceOfficer("u-privacy-officer", clinic.id());
    say(
        "Organization %s (dates in %s; records kept %d years)",
        clinic.name(), clinic.zone(), clinic.retention().getYears());

    Policy privacy =
        tp.policies()
            .create(officer, PolicyService.NewPolicy.of("PRIV-01", "Uses and disclosures of PHI"));
    tp.policies()
        .publish(
            officer,
            privacy.id(),
            new PolicyService.NewVersion(
                LocalDate.of(2025, 1, 1),
                sha256("Privacy policy text v1"),
                "Initial version",
                false,
                Set.of()));
    Course course =
        tp.courses()
            .create(
                officer,
                new CourseService.NewCourse("HIPAA-101", "HIPAA Privacy and Security basics"));
    tp.courses()
        .release(
            officer,
            course.id(),
            new CourseService.NewVersion(
                "2026.1",
                Set.of(privacy.id()),
                Set.of(RegulatoryTopic.PRIVACY_RULE, RegulatoryTopic.SECURITY_AWARENESS),
                80,
                true,
                sha256("course package")));
    tp.requirements()
        .create(
            officer,
            "HIPAA annual",
            "Every workforce member handles or may see PHI",
            new RequirementTerms(
                LocalDate.of(2025, 1, 1),
                Audience.everyone(),
                course.id(),
                30,
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(30),
                Period.ZERO,
                7,
                30,
                ReminderSchedule.standard(),
                true));
    say(
        "Policy %s, course %s, rule: due 30 days after hire, then yearly, retraining 30 days after a material change",
        privacy.code(), course.code());

    List<WorkforceMember> staff =
        List.of(
            hire(tp, officer, "HR-100", "Nurse A", "nurse", "Clinic", clock.today()),
            hire(tp, officer, "HR-101", "Front desk B", "front-desk", "Reception", clock.today()),
            hire(tp, officer, "HR-102", "Physician C", "physician", "Clinic", clock.today()));
    say(
        "Hired %d people; each has an onboarding assignment due %s",
        staff.size(), clock.today().plusDays(30));

    clock.advanceDays(12);
    for (WorkforceMember m : staff.subList(0, 2)) {
      Assignment a = open(tp, officer, m).get(0);
      tp.completions()
          .record(
              officer, CompletionService.Request.inApp(a.id(), clock.today(), 92, officer.id()));
    }
    say("%s: two of three completed onboarding (score 92)", clock.today());

    clock.advanceDays(60);
    PolicyVersion change =
        tp.policies()
            .publish(
                officer,
                privacy.id(),
                new PolicyService.NewVersion(
                    clock.today().plusDays(14),
                    sha256("Privacy policy text v2"),
                    "New patient-portal disclosure rules",
                    true,
                    Set.of("front-desk")));
    say(
        "%s: material change to %s v%d, effective %s, affects front-desk -> retraining assigned",
        clock.today(), privacy.code(), change.number(), change.effectiveFrom());

    clock.advanceDays(300);
    var sweep = tp.scheduler().sweep();
    say(
        "%s: renewal sweep created %d %s",
        clock.today(), sweep.created(), sweep.created() == 1 ? "assignment" : "assignments");

    say("%nStatus on %s:", clock.today());
    Map<ComplianceStatus, Integer> totals = new EnumMap<>(ComplianceStatus.class);
    for (WorkforceMember m : staff) {
      for (RequirementStatus s : tp.status().forMember(officer, m.id(), clock.today())) {
        totals.merge(s.status(), 1, Integer::sum);
        say(
            "  %-14s %-10s due %s, %s",
            m.displayName(),
            s.status().description(),
            s.dueOn(),
            s.lastCompletedOn() == null
                ? "never completed"
                : "last completed " + s.lastCompletedOn());
      }
    }
    // One line per status, most urgent first, in words: "2 overdue, 1 due soon".
    say(
        "Totals: %s",
        totals.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey().description())
            .collect(Collectors.joining(", ")));
  }

  private static WorkforceMember hire(
      Trainproof tp,
      Actor officer,
      String id,
      String name,
      String role,
      String dept,
      LocalDate on) {
    return tp.workforce()
        .hire(
            officer,
            new WorkforceService.NewMember(
                id, name, WorkforceType.EMPLOYEE, Set.of(role), dept, null, on));
  }

  private static List<Assignment> open(Trainproof tp, Actor officer, WorkforceMember m) {
    return tp.assignments().forMember(officer, m.id()).stream().filter(Assignment::isOpen).toList();
  }

  @SuppressWarnings("AnnotateFormatMethod") // why: a local printf helper; its callers pass literals
  private static void say(String format, @Nullable Object... args) {
    System.out.println(String.format(format, args));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock the demo moves forward by whole days. Not thread-safe; the demo is single-threaded. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advanceDays(int days) {
      now = now.atZone(ZONE).plusDays(days).toInstant();
    }

    LocalDate today() {
      return LocalDate.ofInstant(now, ZONE);
    }

    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the demo clock has one zone");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
