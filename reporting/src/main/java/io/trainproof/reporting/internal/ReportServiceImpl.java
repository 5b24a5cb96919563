package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.attestation.AttestationState;
import io.trainproof.core.attestation.AttestationStatus;
import io.trainproof.core.documentation.AddressableDecision;
import io.trainproof.core.documentation.PolicyReview;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.notification.SecurityReminder;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.status.MemberStanding;
import io.trainproof.core.status.RequirementStatus;
import io.trainproof.reporting.report.AcknowledgementMatrix;
import io.trainproof.reporting.report.AddressableDecisions;
import io.trainproof.reporting.report.Dashboard;
import io.trainproof.reporting.report.DateRange;
import io.trainproof.reporting.report.Dimension;
import io.trainproof.reporting.report.MemberTranscript;
import io.trainproof.reporting.report.NewHireTimeliness;
import io.trainproof.reporting.report.OrganizationSummary;
import io.trainproof.reporting.report.OverdueAndExpiring;
import io.trainproof.reporting.report.PolicyVersionsInForce;
import io.trainproof.reporting.report.RenewalForecast;
import io.trainproof.reporting.report.ReportService;
import io.trainproof.reporting.report.RetrainingReport;
import io.trainproof.reporting.report.RoleContentMatrix;
import io.trainproof.reporting.report.SecurityReminderLog;
import io.trainproof.reporting.report.WaiversAndExtensions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Computes every report through core's services as the calling actor. Stateless and
 * thread-safe; each call builds its own {@link Lookups}.
 *
 * <p>Why per-member status calls and not an aggregate query: core's status service answers per
 * member, requirement or course only. Over very large organizations the summary should come
 * from an aggregate query in the store (see the module's notes); the report model would not
 * change.
 */
public final class ReportServiceImpl implements ReportService {
  private final Trainproof tp;
  private final Clock clock;
  private final int pageSize;

  /**
   * Creates the service.
   *
   * @param trainproof the instance whose services are read
   * @param clock the clock (the as-of date may not be after today)
   * @param pageSize how many records one page read asks for
   */
  public ReportServiceImpl(Trainproof trainproof, Clock clock, int pageSize) {
    this.tp = trainproof;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * Opens a run.
   *
   * @param actor the caller
   * @param asOf the date
   * @param period the period, if any
   * @return the scope
   */
  public Scope scope(Actor actor, LocalDate asOf, @Nullable DateRange period) {
    return Scope.open(tp, clock, actor, asOf, period);
  }

  // ---------------------------------------------------------------- organization summary

  @Override
  public OrganizationSummary organizationSummary(Actor actor, LocalDate asOf) {
    Scope s = scope(actor, asOf, null);
    return summary(s);
  }

  private OrganizationSummary summary(Scope s) {
    SummaryCounts counts = new SummaryCounts();
    eachStanding(s.actor(), s.asOf(), counts);
    return counts.report(s);
  }

  /** Counts members by their worst status per group, one standing at a time. */
  private static final class SummaryCounts implements java.util.function.Consumer<MemberStanding> {
    private final Map<Dimension, Map<String, int[]>> counts = new EnumMap<>(Dimension.class);

    SummaryCounts() {
      for (Dimension d : Dimension.values()) {
        counts.put(d, new TreeMap<>());
      }
    }

    @Override
    public void accept(MemberStanding standing) {
      MemberTerms t = standing.terms();
      ComplianceStatus worst = standing.worst();
      count(counts.get(Dimension.ALL), "all", worst);
      for (String role : new TreeSet<>(t.roles())) {
        count(counts.get(Dimension.ROLE), role, worst);
      }
      count(counts.get(Dimension.DEPARTMENT), t.department(), worst);
      count(counts.get(Dimension.WORKFORCE_TYPE), t.type().name(), worst);
    }

    OrganizationSummary report(Scope s) {
      if (counts.get(Dimension.ALL).isEmpty()) {
        counts.get(Dimension.ALL).put("all", new int[ComplianceStatus.values().length + 1]);
      }
      List<OrganizationSummary.Row> rows = new ArrayList<>();
      counts.forEach((dim, groups) -> groups.forEach((group, c) -> rows.add(new OrganizationSummary.Row(dim, group,
          c[0], at(c, ComplianceStatus.COMPLIANT), at(c, ComplianceStatus.DUE_SOON), at(c, ComplianceStatus.PENDING),
          at(c, ComplianceStatus.OVERDUE), at(c, ComplianceStatus.EXPIRED), at(c, ComplianceStatus.UNASSIGNED),
          at(c, ComplianceStatus.WAIVED)))));
      return new OrganizationSummary(
          s.header("Organization summary", "164.308(a)(5)(i), 164.530(b)(1)", null), rows);
    }
  }

  /**
   * Walks the standing of every member the actor may see who is active on a date, reading the
   * store a page of members at a time (a fixed number of queries per page).
   */
  private void eachStanding(Actor actor, LocalDate on, java.util.function.Consumer<MemberStanding> each) {
    String cursor = null;
    do {
      Page<MemberStanding> page = tp.status().standings(actor, on, cursor, Math.min(pageSize, STANDINGS_PAGE));
      page.items().forEach(each);
      cursor = page.next();
    } while (cursor != null);
  }

  /** The most members one standings page may read. */
  private static final int STANDINGS_PAGE = 1_000;

  private static void count(Map<String, int[]> groups, String group, ComplianceStatus status) {
    int[] c = groups.computeIfAbsent(group, g -> new int[ComplianceStatus.values().length + 1]);
    c[0]++;
    c[status.ordinal() + 1]++;
  }

  private static int at(int[] c, ComplianceStatus status) {
    return c[status.ordinal() + 1];
  }

  // ---------------------------------------------------------------- member transcript

  @Override
  public MemberTranscript memberTranscript(Actor actor, Id<WorkforceMember> memberId, LocalDate asOf) {
    Scope s = scope(actor, asOf, null);
    return transcript(s, new Lookups(tp, s, pageSize), memberId);
  }

  /**
   * A member's transcript inside a run.
   *
   * @param s the run
   * @param l its lookups
   * @param memberId the member
   * @return the transcript
   */
  MemberTranscript transcript(Scope s, Lookups l, Id<WorkforceMember> memberId) {
    WorkforceMember m = tp.workforce().get(s.actor(), memberId);
    LocalDate asOf = s.asOf();
    MemberTerms t = m.termsOn(asOf).orElse(m.history().get(0));
    String status = m.termsOn(asOf).map(x -> x.status().name()).orElse("NOT_YET_ENGAGED");

    List<MemberTranscript.AssignmentEntry> assignments = new ArrayList<>();
    for (Assignment a : tp.assignments().forMember(s.actor(), memberId)) {
      if (!a.existsOn(asOf)) {
        continue;
      }
      boolean closed = a.closure() != null && !a.closure().on().isAfter(asOf);
      List<MemberTranscript.Extension> ext = a.dueChanges().stream().filter(c -> !c.grantedOn().isAfter(asOf))
          .map(c -> new MemberTranscript.Extension(c.grantedOn(), c.newDueOn(), c.approvedBy(), c.reason())).toList();
      assignments.add(new MemberTranscript.AssignmentEntry(a.id().toString(), l.courseCode(a.course()),
          l.requirementName(a.requirement()), a.reason(),
          a.policyVersion() == null ? null : l.policyVersionLabel(a.policyVersion()), a.assignedOn(), a.assignedBy(),
          a.dueOn(), a.dueOn(asOf), a.stateOn(asOf), ext, closed ? a.closure().on() : null,
          closed ? a.closure().by() : null, closed ? a.closure().reason() : null));
    }

    List<MemberTranscript.CompletionEntry> completions = new ArrayList<>();
    for (Completion c : tp.completions().forMember(s.actor(), memberId)) {
      if (c.completedOn().isAfter(asOf) || !s.knownBy(c.recordedAt())) {
        continue;
      }
      CourseVersion cv = l.courseVersions().get(c.courseVersion());
      completions.add(new MemberTranscript.CompletionEntry(c.id().toString(), l.courseCode(c.course()),
          cv == null ? c.courseVersion().toString() : cv.label(), c.contentSha256(),
          c.policyVersions().stream().map(l::policyVersionLabel).sorted().toList(), c.reason(),
          c.changeVersion() == null ? null : l.policyVersionLabel(c.changeVersion()), c.changeEffectiveOn(), c.roles(),
          c.assignedOn(), c.dueOn(), c.completedOn(), c.score(), c.passed(), c.provenance().method(),
          c.provenance().recordedBy(), c.provenance().source(), c.provenance().sourceRef(),
          c.provenance().justification(), c.evidence().stream().map(e -> e.name() + " " + e.sha256()).toList(),
          c.retentionUntil()));
    }

    List<MemberTranscript.AttestationEntry> attestations = new ArrayList<>();
    for (AttestationStatus st : tp.attestations().forMember(s.actor(), memberId, asOf)) {
      var a = st.attestation();
      var e = st.state() == AttestationState.ATTESTED ? a.evidence() : null;
      attestations.add(new MemberTranscript.AttestationEntry(a.id().toString(), l.policyVersionLabel(a.policyVersion()),
          a.requestedOn(), a.dueOn(), st.state(), e == null ? null : e.attestedOn(),
          e == null ? null : e.method().name(), e == null ? null : e.actorId(), e == null ? null : e.statementSha256(),
          e == null ? null : e.policyTextSha256(), e == null ? null : e.credentialId()));
    }

    List<MemberTranscript.CertificateEntry> certificates = new ArrayList<>();
    for (Certificate c : tp.certificates().forMember(s.actor(), memberId)) {
      if (!s.knownBy(c.issuedAt())) {
        continue;
      }
      boolean changed = c.status() != Certificate.Status.VALID && c.statusChangedAt() != null
          && s.knownBy(c.statusChangedAt());
      certificates.add(new MemberTranscript.CertificateEntry(c.id().toString(), l.courseCode(c.course()),
          c.verificationCode(), c.credentialId(), c.validFrom(), c.validUntil(), certificateStatus(c, s),
          changed ? c.statusReason() : null));
    }
    return new MemberTranscript(s.header("Member transcript: " + m.externalId(), "164.530(b)(2)(ii), 164.530(j)(1)",
        null), m.id().toString(), m.externalId(), m.displayName(), m.engagedOn(), t.type(), t.roles(), t.department(),
        status, assignments, completions, attestations, certificates);
  }

  /**
   * A certificate's status on the run's date: revoked or superseded once that was recorded,
   * expired after its last valid date, otherwise valid.
   *
   * @param c the certificate
   * @param s the run
   * @return the status name
   */
  static String certificateStatus(Certificate c, Scope s) {
    if (c.status() != Certificate.Status.VALID && c.statusChangedAt() != null && s.knownBy(c.statusChangedAt())) {
      return c.status().name();
    }
    if (c.validUntil() != null && c.validUntil().isBefore(s.asOf())) {
      return "EXPIRED";
    }
    return "VALID";
  }

  // ---------------------------------------------------------------- overdue and expiring

  @Override
  public OverdueAndExpiring overdueAndExpiring(Actor actor, LocalDate asOf) {
    Scope s = scope(actor, asOf, null);
    Lookups l = new Lookups(tp, s, pageSize);
    List<OverdueAndExpiring.Row> rows = new ArrayList<>();
    eachStanding(actor, asOf, standing -> {
      WorkforceMember m = standing.member();
      String department = standing.terms().department();
      for (RequirementStatus st : standing.statuses()) {
        OverdueAndExpiring.Bucket bucket;
        LocalDate date;
        if (st.status() == ComplianceStatus.OVERDUE) {
          bucket = OverdueAndExpiring.Bucket.OVERDUE;
          date = st.dueOn() == null ? asOf : st.dueOn();
        } else if (st.status() == ComplianceStatus.EXPIRED) {
          bucket = OverdueAndExpiring.Bucket.EXPIRED;
          date = st.validUntil() == null ? asOf : st.validUntil();
        } else {
          if (st.openAssignment() != null && st.dueOn() != null) {
            date = st.dueOn();
          } else if (st.validUntil() != null) {
            date = st.validUntil();
          } else {
            continue;
          }
          long days = ChronoUnit.DAYS.between(asOf, date);
          if (days <= 30) {
            bucket = OverdueAndExpiring.Bucket.WITHIN_30_DAYS;
          } else if (days <= 60) {
            bucket = OverdueAndExpiring.Bucket.WITHIN_60_DAYS;
          } else if (days <= 90) {
            bucket = OverdueAndExpiring.Bucket.WITHIN_90_DAYS;
          } else {
            continue;
          }
        }
        rows.add(new OverdueAndExpiring.Row(m.externalId(), m.displayName(), department, l.courseCode(st.course()),
            l.requirementName(st.requirement()), st.status(), bucket, date, ChronoUnit.DAYS.between(asOf, date)));
      }
    });
    rows.sort(Comparator.comparing(OverdueAndExpiring.Row::bucket).thenComparing(OverdueAndExpiring.Row::date)
        .thenComparing(OverdueAndExpiring.Row::externalId));
    return new OverdueAndExpiring(s.header("Overdue and expiring in 30 / 60 / 90 days", "164.308(a)(5)(i)", null),
        rows);
  }

  // ---------------------------------------------------------------- new hires

  @Override
  public NewHireTimeliness newHireTimeliness(Actor actor, DateRange period, LocalDate asOf) {
    Scope s = scope(actor, asOf, period);
    Lookups l = new Lookups(tp, s, pageSize);
    List<WorkforceMember> hires = newHires(l, period);
    return newHires(s, l, period, hires.size(), hires);
  }

  /**
   * The new hires the actor may see, engaged in a period, in id order.
   *
   * @param l the run's lookups
   * @param period the engagement period
   * @return the members
   */
  List<WorkforceMember> newHires(Lookups l, DateRange period) {
    return l.members().values().stream().filter(m -> period.contains(m.engagedOn())).toList();
  }

  /**
   * The timeliness report over chosen new hires.
   *
   * @param s the run
   * @param l its lookups
   * @param period the engagement period
   * @param population how many new hires there were
   * @param sample the ones to report on
   * @return the report
   */
  NewHireTimeliness newHires(Scope s, Lookups l, DateRange period, int population, List<WorkforceMember> sample) {
    LocalDate asOf = s.asOf();
    List<NewHireTimeliness.Row> rows = new ArrayList<>();
    for (WorkforceMember m : sample) {
      String department = m.termsOn(m.engagedOn()).map(MemberTerms::department).orElse("");
      List<Assignment> onboarding = tp.assignments().forMember(s.actor(), m.id()).stream()
          .filter(a -> a.reason() == AssignmentReason.ONBOARDING && a.existsOn(asOf)).toList();
      if (onboarding.isEmpty()) {
        rows.add(new NewHireTimeliness.Row(m.externalId(), m.displayName(), department, m.engagedOn(), null, null,
            null, null, NewHireTimeliness.Outcome.NOTHING_REQUIRED, 0));
      }
      for (Assignment a : onboarding) {
        LocalDate due = a.dueOn(asOf);
        AssignmentState state = a.stateOn(asOf);
        LocalDate completed = state == AssignmentState.COMPLETED ? a.closure().on() : null;
        NewHireTimeliness.Outcome outcome;
        long late = 0;
        if (state == AssignmentState.COMPLETED) {
          late = Math.max(0, ChronoUnit.DAYS.between(due, completed));
          outcome = late > 0 ? NewHireTimeliness.Outcome.LATE : NewHireTimeliness.Outcome.ON_TIME;
        } else if (state == AssignmentState.WAIVED) {
          outcome = NewHireTimeliness.Outcome.WAIVED;
        } else if (state == AssignmentState.CANCELLED) {
          outcome = NewHireTimeliness.Outcome.CANCELLED;
        } else {
          outcome = asOf.isAfter(due) ? NewHireTimeliness.Outcome.OPEN_OVERDUE : NewHireTimeliness.Outcome.OPEN;
        }
        rows.add(new NewHireTimeliness.Row(m.externalId(), m.displayName(), department, m.engagedOn(),
            l.courseCode(a.course()), a.assignedOn(), due, completed, outcome, late));
      }
    }
    return new NewHireTimeliness(s.header("New-hire training timeliness", "164.530(b)(2)(i)(B)", period), population,
        sample.size(), rows);
  }

  // ---------------------------------------------------------------- retraining

  @Override
  public RetrainingReport retraining(Actor actor, LocalDate asOf) {
    Scope s = scope(actor, asOf, null);
    return retraining(s, new Lookups(tp, s, pageSize));
  }

  RetrainingReport retraining(Scope s, Lookups l) {
    LocalDate asOf = s.asOf();
    Map<Id<PolicyVersion>, List<Assignment>> byVersion = new HashMap<>();
    l.eachAssignment(a -> {
      if (a.reason() == AssignmentReason.POLICY_CHANGE && a.policyVersion() != null) {
        byVersion.computeIfAbsent(a.policyVersion(), v -> new ArrayList<>()).add(a);
      }
    });
    List<RetrainingReport.Change> changes = new ArrayList<>();
    List<PolicyVersion> material = l.policyVersions().values().stream()
        .filter(v -> v.material() && !v.effectiveFrom().isAfter(asOf))
        .sorted(Comparator.comparing(PolicyVersion::effectiveFrom).thenComparing(PolicyVersion::number)).toList();
    for (PolicyVersion v : material) {
      List<RetrainingReport.Affected> affected = new ArrayList<>();
      for (Assignment a : byVersion.getOrDefault(v.id(), List.of())) {
        WorkforceMember m = l.members().get(a.member());
        LocalDate due = a.dueOn(asOf);
        AssignmentState state = a.stateOn(asOf);
        LocalDate completed = state == AssignmentState.COMPLETED ? a.closure().on() : null;
        RetrainingReport.Outcome outcome;
        if (completed != null) {
          outcome = completed.isAfter(due) ? RetrainingReport.Outcome.COMPLETED_LATE
              : RetrainingReport.Outcome.COMPLETED_ON_TIME;
        } else if (state == AssignmentState.WAIVED) {
          outcome = RetrainingReport.Outcome.WAIVED;
        } else if (state == AssignmentState.CANCELLED) {
          outcome = RetrainingReport.Outcome.CANCELLED;
        } else {
          outcome = asOf.isAfter(due) ? RetrainingReport.Outcome.OPEN_OVERDUE : RetrainingReport.Outcome.OPEN;
        }
        affected.add(new RetrainingReport.Affected(m == null ? a.member().toString() : m.externalId(),
            m == null ? "" : m.displayName(), l.courseCode(a.course()), a.assignedOn(), due, completed, outcome));
      }
      affected.sort(Comparator.comparing(RetrainingReport.Affected::externalId));
      Policy p = l.policies().get(v.policy());
      changes.add(new RetrainingReport.Change(p == null ? v.policy().toString() : p.code(), v.number(),
          v.effectiveFrom(), v.changeNotes(), v.affectedRoles(), affected));
    }
    return new RetrainingReport(s.header("Retraining after material policy changes", "164.530(b)(2)(i)(C)", null),
        changes);
  }

  // ---------------------------------------------------------------- acknowledgement matrix

  @Override
  public AcknowledgementMatrix acknowledgementMatrix(Actor actor, LocalDate asOf) {
    Scope s = scope(actor, asOf, null);
    return acknowledgements(s, new Lookups(tp, s, pageSize), m -> true);
  }

  AcknowledgementMatrix acknowledgements(Scope s, Lookups l, Predicate<WorkforceMember> include) {
    LocalDate asOf = s.asOf();
    List<PolicyVersion> versions = l.policyVersions().values().stream()
        .filter(v -> !v.effectiveFrom().isAfter(asOf)).toList();
    List<AcknowledgementMatrix.Version> columns = versions.stream().map(v -> new AcknowledgementMatrix.Version(
        v.id().toString(), l.policies().get(v.policy()).code(), v.number(), v.effectiveFrom(), v.inForceOn(asOf)))
        .toList();
    List<AcknowledgementMatrix.MemberRow> rows = new ArrayList<>();
    for (WorkforceMember m : l.members().values()) {
      if (m.termsOn(asOf).isEmpty() || !include.test(m)) {
        continue;
      }
      Map<Id<PolicyVersion>, AttestationStatus> byVersion = new HashMap<>();
      for (AttestationStatus st : tp.attestations().forMember(s.actor(), m.id(), asOf)) {
        byVersion.put(st.attestation().policyVersion(), st);
      }
      List<AcknowledgementMatrix.Cell> cells = new ArrayList<>();
      for (PolicyVersion v : versions) {
        AttestationStatus st = byVersion.get(v.id());
        if (st == null) {
          cells.add(new AcknowledgementMatrix.Cell("NOT_REQUESTED", null));
        } else {
          LocalDate on = st.state() == AttestationState.ATTESTED ? st.attestation().evidence().attestedOn() : null;
          cells.add(new AcknowledgementMatrix.Cell(st.state().name(), on));
        }
      }
      rows.add(new AcknowledgementMatrix.MemberRow(m.externalId(), m.displayName(), cells));
    }
    return new AcknowledgementMatrix(s.header("Policy acknowledgement matrix", "164.530(b)(1), 164.530(j)(1)", null),
        columns, rows);
  }

  // ---------------------------------------------------------------- security reminders

  @Override
  public SecurityReminderLog securityReminderLog(Actor actor, DateRange period, LocalDate asOf) {
    Scope s = scope(actor, asOf, period);
    List<SecurityReminderLog.Row> rows = new ArrayList<>();
    for (SecurityReminder r : tp.securityReminders().log(actor, period.from(), period.to())) {
      int acknowledged = (int) r.recipients().stream()
          .filter(x -> x.acknowledgedAt() != null && s.knownBy(x.acknowledgedAt())).count();
      rows.add(new SecurityReminderLog.Row(r.id().toString(), r.sentOn(), r.sentAt(), r.sentBy(), r.title(),
          r.channel(), r.contentSha256(), r.acknowledgementRequired(), r.recipients().size(), acknowledged));
    }
    return new SecurityReminderLog(s.header("Security reminder log", "164.308(a)(5)(ii)(A)", period), rows);
  }

  // ---------------------------------------------------------------- waivers and extensions

  @Override
  public WaiversAndExtensions waiversAndExtensions(Actor actor, LocalDate asOf) {
    Scope s = scope(actor, asOf, null);
    Lookups l = new Lookups(tp, s, pageSize);
    List<WaiversAndExtensions.Row> rows = new ArrayList<>();
    l.eachAssignment(a -> {
      WorkforceMember m = l.members().get(a.member());
      String ext = m == null ? a.member().toString() : m.externalId();
      String name = m == null ? "" : m.displayName();
      LocalDate previous = a.dueOn();
      for (DueDateChange c : a.dueChanges()) {
        if (!c.grantedOn().isAfter(asOf)) {
          rows.add(new WaiversAndExtensions.Row(WaiversAndExtensions.Kind.EXTENSION, c.grantedOn(), ext, name,
              l.courseCode(a.course()), a.id().toString(), previous, c.newDueOn(), c.approvedBy(), c.reason()));
        }
        previous = c.newDueOn();
      }
      if (a.closure() != null && a.closure().state() == AssignmentState.WAIVED && !a.closure().on().isAfter(asOf)) {
        rows.add(new WaiversAndExtensions.Row(WaiversAndExtensions.Kind.WAIVER, a.closure().on(), ext, name,
            l.courseCode(a.course()), a.id().toString(), a.dueOn(a.closure().on()), null, a.closure().by(),
            a.closure().reason()));
      }
    });
    rows.sort(Comparator.comparing(WaiversAndExtensions.Row::on).thenComparing(WaiversAndExtensions.Row::externalId));
    return new WaiversAndExtensions(s.header("Waivers and extensions", "164.530(j)(1)", null), rows);
  }

  // ---------------------------------------------------------------- role -> content

  @Override
  public RoleContentMatrix roleContentMatrix(Actor actor, LocalDate asOf) {
    Scope s = scope(actor, asOf, null);
    Lookups l = new Lookups(tp, s, pageSize);
    List<RoleContentMatrix.Row> rows = new ArrayList<>();
    for (Requirement r : l.requirements().values()) {
      RequirementTerms t = r.termsOn(asOf).orElse(null);
      if (t == null || !t.active()) {
        continue;
      }
      CourseVersion cv = l.latestReleased(t.course());
      Set<String> citations = cv == null ? Set.of()
          : cv.topics().stream().map(RegulatoryTopic::citation).collect(Collectors.toCollection(TreeSet::new));
      String courseTitle = l.courses().containsKey(t.course()) ? l.courses().get(t.course()).title() : "";
      List<String> roles = t.audience().roles().isEmpty() ? List.of(RoleContentMatrix.ALL_ROLES)
          : new ArrayList<>(new TreeSet<>(t.audience().roles()));
      for (String role : roles) {
        rows.add(new RoleContentMatrix.Row(role, r.name(), audience(t.audience()), l.courseCode(t.course()),
            courseTitle, cv == null ? null : cv.label(), citations, t.initialDueDays(), recurrence(t.recurrence()),
            t.retrainWithinDays(), r.rationale()));
      }
    }
    rows.sort(Comparator.comparing(RoleContentMatrix.Row::role).thenComparing(RoleContentMatrix.Row::requirement));
    return new RoleContentMatrix(s.header("Role to required content", "164.530(b)(1), 164.308(a)(5)", null), rows);
  }

  private static String audience(Audience a) {
    if (a.isEveryone()) {
      return "everyone";
    }
    List<String> parts = new ArrayList<>();
    if (!a.roles().isEmpty()) {
      parts.add("roles " + String.join(", ", new TreeSet<>(a.roles())));
    }
    if (!a.departments().isEmpty()) {
      parts.add("departments " + String.join(", ", new TreeSet<>(a.departments())));
    }
    if (!a.types().isEmpty()) {
      parts.add("types " + a.types().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
    }
    return String.join("; ", parts);
  }

  private static String recurrence(Recurrence r) {
    if (r instanceof Recurrence.Every e) {
      return "every " + e.period() + " from " + e.from().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (r instanceof Recurrence.FixedDate f) {
      return "every year on " + f.date();
    }
    return "once";
  }

  // ---------------------------------------------------------------- renewal forecast

  @Override
  public RenewalForecast renewalForecast(Actor actor, LocalDate asOf) {
    Scope s = scope(actor, asOf, null);
    return forecast(s);
  }

  private RenewalForecast forecast(Scope s) {
    ForecastCounts counts = new ForecastCounts(s.asOf());
    eachStanding(s.actor(), s.asOf(), counts);
    return counts.report(s);
  }

  /** Counts what comes due in each of the twelve months from the as-of date, one standing at a time. */
  private static final class ForecastCounts implements java.util.function.Consumer<MemberStanding> {
    private final LocalDate asOf;
    private final YearMonth last;
    private final Map<YearMonth, int[]> months = new LinkedHashMap<>();

    ForecastCounts(LocalDate asOf) {
      this.asOf = asOf;
      YearMonth first = YearMonth.from(asOf);
      this.last = first.plusMonths(11);
      for (int i = 0; i < 12; i++) {
        months.put(first.plusMonths(i), new int[2]);
      }
    }

    @Override
    public void accept(MemberStanding standing) {
      for (RequirementStatus st : standing.statuses()) {
        if (st.openAssignment() != null && st.dueOn() != null) {
          if (!st.dueOn().isBefore(asOf) && !YearMonth.from(st.dueOn()).isAfter(last)) {
            months.get(YearMonth.from(st.dueOn()))[0]++;
          }
        } else if (st.validUntil() != null && !st.validUntil().isBefore(asOf)
            && !YearMonth.from(st.validUntil()).isAfter(last)) {
          months.get(YearMonth.from(st.validUntil()))[1]++;
        }
      }
    }

    RenewalForecast report(Scope s) {
      List<RenewalForecast.Month> out = new ArrayList<>();
      months.forEach((ym, c) -> out.add(new RenewalForecast.Month(ym, c[0], c[1])));
      return new RenewalForecast(s.header("Renewal forecast, next 12 months", "164.308(a)(5)(i)", null), out);
    }
  }

  // ---------------------------------------------------------------- policies in force

  @Override
  public PolicyVersionsInForce policyVersionsInForce(Actor actor, LocalDate asOf) {
    Scope s = scope(actor, asOf, null);
    Lookups l = new Lookups(tp, s, pageSize);
    List<PolicyVersionsInForce.Row> rows = new ArrayList<>();
    for (PolicyVersion v : tp.policies().inForceOn(actor, asOf)) {
      if (!s.knownBy(v.publishedAt())) {
        continue;
      }
      Policy p = l.policies().get(v.policy());
      PolicyReview last = null;
      for (PolicyReview r : tp.documentation().reviews(actor, v.policy())) {
        if (!r.reviewedOn().isAfter(asOf) && (last == null || !r.reviewedOn().isBefore(last.reviewedOn()))) {
          last = r;
        }
      }
      // why: a later version's publication sets this one's last-in-effect date; not yet known on asOf
      LocalDate lastInEffect = v.lastInEffectOn() != null && !v.lastInEffectOn().isAfter(asOf) ? v.lastInEffectOn()
          : null;
      rows.add(new PolicyVersionsInForce.Row(p.code(), p.title(), v.id().toString(), v.number(), v.effectiveFrom(),
          lastInEffect, v.textSha256(), v.material(), v.affectedRoles(), v.changeNotes(),
          last == null ? null : last.reviewedOn(), last == null ? null : last.nextReviewDueOn()));
    }
    rows.sort(Comparator.comparing(PolicyVersionsInForce.Row::policy));
    return new PolicyVersionsInForce(s.header("Policy versions in force", "164.316(b)(2)(i), 164.316(b)(2)(iii)",
        null), rows);
  }

  // ---------------------------------------------------------------- addressable decisions

  @Override
  public AddressableDecisions addressableDecisions(Actor actor, LocalDate asOf) {
    Scope s = scope(actor, asOf, null);
    List<AddressableDecision> known = tp.documentation().decisions(actor).stream()
        .filter(d -> !d.decidedOn().isAfter(asOf) && s.knownBy(d.recordedAt())).toList();
    Map<RegulatoryTopic, Integer> newest = new EnumMap<>(RegulatoryTopic.class);
    known.forEach(d -> newest.merge(d.topic(), d.number(), Math::max));
    List<AddressableDecisions.Row> rows = known.stream()
        .sorted(Comparator.comparing(AddressableDecision::topic).thenComparing(AddressableDecision::number))
        .map(d -> new AddressableDecisions.Row(d.topic().name(), d.topic().citation(), d.number(),
            newest.get(d.topic()) == d.number(), d.implementedAsTraining(), d.rationale(), d.alternativeMeasure(),
            d.decidedOn(), d.decidedBy()))
        .toList();
    return new AddressableDecisions(s.header("Addressable implementation specifications", "164.308(a)(5)(ii)(B)-(D)",
        null), rows);
  }

  // ---------------------------------------------------------------- dashboard

  @Override
  public Dashboard dashboard(Actor actor, LocalDate asOf) {
    Scope s = scope(actor, asOf, null);
    SummaryCounts summary = new SummaryCounts();
    ForecastCounts forecast = new ForecastCounts(asOf);
    List<Dashboard.TrendPoint> trend = new ArrayList<>();
    for (int i = 11; i >= 0; i--) {
      LocalDate on = i == 0 ? asOf : YearMonth.from(asOf).minusMonths(i).atEndOfMonth();
      int[] c = new int[3];
      boolean today = i == 0;
      // why: the last trend point is the as-of date, so one pass also feeds the summary and forecast.
      eachStanding(actor, on, standing -> {
        c[0]++;
        if (standing.worst() == ComplianceStatus.OVERDUE) {
          c[1]++;
        } else if (standing.worst() == ComplianceStatus.EXPIRED) {
          c[2]++;
        }
        if (today) {
          summary.accept(standing);
          forecast.accept(standing);
        }
      });
      trend.add(new Dashboard.TrendPoint(on, c[0], c[1], c[2]));
    }
    return new Dashboard(s.header("Training compliance dashboard", "164.308(a)(5)(i), 164.530(b)", null),
        summary.report(s), trend, forecast.report(s));
  }

  /**
   * New lookups for a run (for the evidence pack, which shares them across reports).
   *
   * @param s the run
   * @return the lookups
   */
  Lookups lookups(Scope s) {
    return new Lookups(tp, s, pageSize);
  }

  /**
   * The summary inside a run.
   *
   * @param s the run
   * @return the summary
   */
  OrganizationSummary summaryIn(Scope s) {
    return summary(s);
  }
}
