package io.trainproof.reporting;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.core.spi.Store;
import io.trainproof.reporting.report.DateRange;
import io.trainproof.reporting.report.Report;
import io.trainproof.reporting.report.ReportService;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small clinic whose history is played forward day by day with a settable clock, so every record
 * carries the date it really happened on and reports as of past dates see what was true then. Not
 * thread-safe; one per test.
 */
final class Clinic {
  static final ZoneId ZONE = ZoneId.of("America/Chicago");
  static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

  final SettableClock clock =
      SettableClock.at(LocalDate.of(2025, 12, 1).atTime(9, 0).atZone(ZONE).toInstant());
  final Trainproof tp;
  final Fixtures fx;
  final Actor officer;
  final Actor auditor;
  final Actor manager;
  final WorkforceMember mgr;
  final WorkforceMember a;
  final WorkforceMember b;
  final WorkforceMember c;
  final WorkforceMember d;
  final WorkforceMember e;
  final WorkforceMember f;
  final Course course;
  final Policy policy;
  final PolicyVersion change;

  Clinic() {
    this(null);
  }

  Clinic(CredentialIssuer issuer) {
    this(issuer, new InMemoryStore());
  }

  Clinic(CredentialIssuer issuer, Store store) {
    Trainproof.Builder builder = Trainproof.builder().store(store).clock(clock);
    if (issuer != null) {
      builder.credentialIssuer(issuer);
    }
    tp = builder.build();
    fx = Fixtures.organization(tp, ZONE);
    officer = fx.officer();
    Organization org = fx.org();
    auditor = new Actor("auditor-1", ActorRole.AUDITOR, org.id(), null);

    mgr = fx.hire(LocalDate.of(2025, 11, 1), "ICU", "manager");
    manager = new Actor("mgr-1", ActorRole.MANAGER, org.id(), mgr.id());
    e = fx.hire(LocalDate.of(2025, 6, 1), "ICU", "nurse");
    f = fx.hire(LocalDate.of(2025, 7, 1), "Front", "clerk");
    policy = fx.policy("PRIV", LocalDate.of(2025, 12, 1));
    course = fx.course("PRIV-101", policy);

    on(2026, 1, 1);
    fx.requirement(
        "HIPAA privacy basics",
        Fixtures.terms(course, LocalDate.of(2026, 1, 1))
            .recurrence(
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(30))
            .retrainWithinDays(30)
            .build());
    on(2026, 1, 5);
    a = fx.hire(LocalDate.of(2026, 1, 5), "ICU", "nurse");
    on(2026, 1, 10);
    tp.assignments()
        .waive(
            officer,
            open(e, AssignmentReason.NEW_REQUIREMENT).id(),
            "Agency nurse trained by agency");
    on(2026, 1, 15);
    complete(mgr, AssignmentReason.NEW_REQUIREMENT, 2026, 1, 15);
    on(2026, 1, 20);
    tp.assignments()
        .extend(
            officer,
            open(f, AssignmentReason.NEW_REQUIREMENT).id(),
            LocalDate.of(2026, 8, 15),
            "=HYPERLINK(\"http://x\") on medical leave");
    on(2026, 2, 1);
    complete(a, AssignmentReason.ONBOARDING, 2026, 2, 1);
    on(2026, 2, 10);
    b = fx.hire(LocalDate.of(2026, 2, 10), "ICU", "nurse");
    on(2026, 3, 1);
    c = fx.hire(LocalDate.of(2026, 3, 1), "Front", "clerk");
    on(2026, 3, 20);
    complete(b, AssignmentReason.ONBOARDING, 2026, 3, 20);
    on(2026, 4, 1);
    change = fx.materialChange(policy, LocalDate.of(2026, 4, 15), "nurse");
    on(2026, 5, 1);
    // why: retraining counts only on content that teaches the change (issue 20), released after it
    fx.reviseCourse(course, "2", policy);
    complete(a, AssignmentReason.POLICY_CHANGE, 2026, 5, 1);
    on(2026, 6, 1);
    tp.securityReminders()
        .send(
            officer,
            "Phishing season",
            "Do not click links in unexpected mail.",
            "email",
            Audience.everyone(),
            true);
    var request =
        tp.attestations().request(officer, a.id(), change.id(), LocalDate.of(2026, 6, 15));
    tp.attestations()
        .record(
            officer,
            new AttestationService.Submission(
                request.id(),
                "I have read PRIV version 2.",
                AttestationMethod.ON_BEHALF,
                null,
                "Signed on paper, scanned"));
    on(2026, 6, 20);
    d = fx.hire(LocalDate.of(2026, 6, 20), "Front", "clerk");
    clock.set(TODAY.atTime(15, 0).atZone(ZONE).toInstant());
  }

  void on(int year, int month, int day) {
    clock.set(LocalDate.of(year, month, day).atTime(9, 0).atZone(ZONE).toInstant());
  }

  Assignment open(WorkforceMember m, AssignmentReason reason) {
    List<Assignment> found =
        tp.assignments().forMember(officer, m.id()).stream()
            .filter(x -> x.reason() == reason && x.isOpen())
            .toList();
    if (found.size() != 1) {
      throw new IllegalStateException(
          "expected one open " + reason + " assignment, found " + found);
    }
    return found.get(0);
  }

  void complete(WorkforceMember m, AssignmentReason reason, int year, int month, int day) {
    tp.completions()
        .record(
            officer,
            CompletionService.Request.inApp(
                open(m, reason).id(), LocalDate.of(year, month, day), 95, officer.id()));
  }

  /**
   * Every report the service offers, as of {@link #TODAY} for the officer (periods: the first half
   * of 2026), each under a stable name: the report's observed name, and for transcripts the
   * member's letter in this clinic. In the service's order, so tests and golden files list them
   * alike.
   */
  Map<String, Report> everyReport(ReportService r) {
    LocalDate asOf = TODAY;
    DateRange half = DateRange.of(LocalDate.of(2026, 1, 1), asOf);
    Map<String, Report> all = new LinkedHashMap<>();
    all.put("organization-summary", r.organizationSummary(officer, asOf));
    all.put("member-transcript-a", r.memberTranscript(officer, a.id(), asOf));
    all.put("member-transcript-b", r.memberTranscript(officer, b.id(), asOf));
    all.put("member-transcript-f", r.memberTranscript(officer, f.id(), asOf));
    all.put("overdue-and-expiring", r.overdueAndExpiring(officer, asOf));
    all.put("new-hire-timeliness", r.newHireTimeliness(officer, half, asOf));
    all.put("retraining", r.retraining(officer, asOf));
    all.put("acknowledgement-matrix", r.acknowledgementMatrix(officer, asOf));
    all.put("security-reminder-log", r.securityReminderLog(officer, half, asOf));
    all.put("waivers-and-extensions", r.waiversAndExtensions(officer, asOf));
    all.put("role-content-matrix", r.roleContentMatrix(officer, asOf));
    all.put("renewal-forecast", r.renewalForecast(officer, asOf));
    all.put("policy-versions-in-force", r.policyVersionsInForce(officer, asOf));
    all.put("addressable-decisions", r.addressableDecisions(officer, asOf));
    all.put("dashboard", r.dashboard(officer, asOf));
    return all;
  }

  Id<WorkforceMember> id(WorkforceMember m) {
    return m.id();
  }
}
