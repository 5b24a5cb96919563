package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.access.AuthorizationTable;
import io.trainproof.core.access.Operation;
import io.trainproof.core.access.Scope;
import io.trainproof.core.assignment.AssignmentService;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.status.AssignmentSummary;
import io.trainproof.core.workforce.WorkforceService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Proves the authorization table: the Markdown in docs/AUTHORIZATION.md is generated from {@link
 * Operation}, and every operation is called as every role, in scope and out of it, with the outcome
 * the table states.
 */
class AuthorizationTableTest {
  static final ZoneId ZONE = ZoneId.of("America/St_Johns");
  static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
  static final Path DOC = Path.of("..", "docs", "AUTHORIZATION.md");

  @Test
  void theDocumentedTableIsGeneratedFromTheCode() throws IOException {
    String generated = AuthorizationTable.markdown();
    if (Boolean.getBoolean("trainproof.regenerateDocs")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/AUTHORIZATION.md is stale; regenerate it (see its header)")
        .isEqualTo(generated);
  }

  /** A fresh organization with one of everything, and an actor per role. */
  static final class World {
    final Trainproof tp;
    final Fixtures fx;
    final WorkforceMember manager;
    final WorkforceMember report;
    final WorkforceMember outsider;
    final PolicyVersion version;
    final Course course;
    final SecurityReminder reminder;
    final String hostSigned;
    final Map<ActorRole, Actor> actors = new EnumMap<>(ActorRole.class);

    World() {
      SettableClock clock =
          SettableClock.at(ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant());
      tp =
          Trainproof.builder()
              .store(new InMemoryStore())
              .clock(clock)
              .credentialIssuer(new StubIssuer())
              .build();
      fx = Fixtures.organization(tp, ZONE);
      Actor officer = fx.officer();
      var policy =
          tp.policies()
              .create(
                  officer,
                  new PolicyService.NewPolicy(
                      "PRIV",
                      "Privacy",
                      Audience.everyone(),
                      AttestationTrigger.EVERY_VERSION,
                      30,
                      null));
      version =
          tp.policies()
              .publish(
                  officer,
                  policy.id(),
                  new PolicyService.NewVersion(
                      TODAY.minusDays(10), Fixtures.sha256("text"), "Initial", false, Set.of()));
      course = fx.course("HIPAA", policy);
      fx.requirement(
          "Annual",
          Fixtures.terms(course, TODAY.minusYears(1))
              .recurrence(
                  Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                  Period.ofDays(30))
              .build());
      manager = fx.hire(TODAY.minusDays(5), "A", WorkforceType.EMPLOYEE, null, "lead");
      report = fx.hire(TODAY.minusDays(5), "B", WorkforceType.EMPLOYEE, manager.id(), "nurse");
      outsider = fx.hire(TODAY.minusDays(5), "C", WorkforceType.EMPLOYEE, null, "nurse");
      for (WorkforceMember m : List.of(report, outsider)) {
        Assignment a = openOf(m);
        tp.completions()
            .record(officer, CompletionService.Request.inApp(a.id(), TODAY, 95, "officer-1"));
        tp.assignments()
            .assign(
                officer,
                new AssignmentService.ManualAssignment(
                    m.id(), course.id(), TODAY.plusDays(20), true, "refresher"));
      }
      reminder =
          tp.securityReminders()
              .send(
                  officer,
                  "Phishing",
                  "Report suspicious mail",
                  "email",
                  Audience.everyone(),
                  true);
      hostSigned = "urn:uuid:" + UUID.randomUUID();
      tp.certificates().signCredential(officer, "{\"id\":\"" + hostSigned + "\"}", null);
      tp.organizations()
          .grantVendorSupport(
              Actor.platform("platform"),
              fx.org().id(),
              "support-1",
              "TICKET-1",
              clock.instant().plusSeconds(3600));
      actors.put(ActorRole.COMPLIANCE_OFFICER, officer);
      actors.put(
          ActorRole.MANAGER,
          new Actor("u-manager", ActorRole.MANAGER, fx.org().id(), manager.id()));
      actors.put(ActorRole.AUDITOR, new Actor("u-auditor", ActorRole.AUDITOR, fx.org().id(), null));
      actors.put(
          ActorRole.MEMBER, new Actor("u-report", ActorRole.MEMBER, fx.org().id(), report.id()));
      actors.put(ActorRole.SYSTEM, Actor.system(fx.org().id()));
      actors.put(
          ActorRole.VENDOR_SUPPORT,
          new Actor("support-1", ActorRole.VENDOR_SUPPORT, fx.org().id(), null));
      actors.put(ActorRole.PLATFORM, Actor.platform("platform"));
    }

    Assignment openOf(WorkforceMember m) {
      return tp.assignments().forMember(fx.officer(), m.id()).stream()
          .filter(Assignment::isOpen)
          .findFirst()
          .orElseThrow();
    }

    Attestation attestationOf(WorkforceMember m) {
      return tp.attestations().forMember(fx.officer(), m.id(), TODAY).get(0).attestation();
    }

    Certificate certificateOf(WorkforceMember m) {
      return tp.certificates().forMember(fx.officer(), m.id()).get(0);
    }

    List<AuditEntry> audit() {
      return tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }
  }

  /** One representative call per operation, against a target member. */
  static final Map<Operation, BiConsumer<World, Actor>> CALLS_ON_REPORT =
      new EnumMap<>(Operation.class);

  static final Map<Operation, BiConsumer<World, Actor>> CALLS_ON_OUTSIDER =
      new EnumMap<>(Operation.class);

  static void on(Operation op, TargetedCall call) {
    CALLS_ON_REPORT.put(op, (w, a) -> call.run(w, a, w.report));
    CALLS_ON_OUTSIDER.put(op, (w, a) -> call.run(w, a, w.outsider));
  }

  interface TargetedCall {
    void run(World w, Actor a, WorkforceMember target);
  }

  static {
    on(Operation.ORGANIZATION_READ, (w, a, t) -> w.tp.organizations().get(a));
    on(
        Operation.MEMBER_HIRE,
        (w, a, t) ->
            w.tp
                .workforce()
                .hire(
                    a,
                    new WorkforceService.NewMember(
                        "NEW-1",
                        "New",
                        WorkforceType.EMPLOYEE,
                        Set.of("nurse"),
                        "B",
                        null,
                        TODAY)));
    on(
        Operation.MEMBER_CHANGE,
        (w, a, t) ->
            w.tp
                .workforce()
                .change(a, t.id(), WorkforceService.MemberChange.roles(TODAY, Set.of("it"))));
    on(Operation.MEMBER_LEAVE, (w, a, t) -> w.tp.workforce().startLeave(a, t.id(), TODAY));
    on(Operation.MEMBER_TERMINATE, (w, a, t) -> w.tp.workforce().terminate(a, t.id(), TODAY));
    on(Operation.MEMBER_READ, (w, a, t) -> w.tp.workforce().get(a, t.id()));
    on(
        Operation.POLICY_WRITE,
        (w, a, t) -> w.tp.policies().create(a, PolicyService.NewPolicy.of("SEC", "Security")));
    on(Operation.POLICY_READ, (w, a, t) -> w.tp.policies().list(a));
    on(
        Operation.COURSE_WRITE,
        (w, a, t) -> w.tp.courses().create(a, new CourseService.NewCourse("NEW", "New course")));
    on(Operation.COURSE_READ, (w, a, t) -> w.tp.courses().list(a));
    on(
        Operation.REQUIREMENT_WRITE,
        (w, a, t) ->
            w.tp.requirements().create(a, "New", "why", Fixtures.terms(w.course, TODAY).build()));
    on(Operation.REQUIREMENT_READ, (w, a, t) -> w.tp.requirements().list(a));
    on(
        Operation.ASSIGNMENT_WRITE,
        (w, a, t) ->
            w.tp
                .assignments()
                .assign(
                    a,
                    new AssignmentService.ManualAssignment(
                        t.id(), w.course.id(), TODAY.plusDays(10), false, "extra")));
    on(
        Operation.ASSIGNMENT_WAIVE,
        (w, a, t) -> w.tp.assignments().waive(a, w.openOf(t).id(), "equivalent training"));
    on(Operation.ASSIGNMENT_START, (w, a, t) -> w.tp.assignments().start(a, w.openOf(t).id()));
    on(Operation.ASSIGNMENT_READ, (w, a, t) -> w.tp.assignments().forMember(a, t.id()));
    on(
        Operation.COMPLETION_RECORD,
        (w, a, t) ->
            w.tp
                .completions()
                .record(a, CompletionService.Request.inApp(w.openOf(t).id(), TODAY, 90, a.id())));
    on(Operation.COMPLETION_READ, (w, a, t) -> w.tp.completions().forMember(a, t.id()));
    on(
        Operation.CERTIFICATION_WRITE,
        (w, a, t) ->
            w.tp
                .certifications()
                .defineKind(a, "CHPS", "HIPAA certification", Set.of(w.course.id())));
    on(Operation.CERTIFICATION_READ, (w, a, t) -> w.tp.certifications().forMember(a, t.id()));
    on(
        Operation.CERTIFICATE_REVOKE,
        (w, a, t) -> w.tp.certificates().revoke(a, w.certificateOf(t).id(), "issued in error"));
    on(Operation.CERTIFICATE_READ, (w, a, t) -> w.tp.certificates().forMember(a, t.id()));
    on(
        Operation.CERTIFICATE_DELIVER,
        (w, a, t) -> w.tp.certificates().deliverToWallet(a, w.certificateOf(t).id()));
    on(
        Operation.CREDENTIAL_SIGN,
        (w, a, t) -> w.tp.certificates().signCredential(a, "{\"id\":\"urn:x\"}", null));
    on(
        Operation.CREDENTIAL_REVOKE,
        (w, a, t) -> w.tp.certificates().revokeCredential(a, w.hostSigned, "signed in error"));
    on(Operation.STATUS_READ, (w, a, t) -> w.tp.status().forMember(a, t.id(), TODAY));
    on(
        Operation.ATTESTATION_REQUEST,
        (w, a, t) -> w.tp.attestations().request(a, t.id(), w.version.id(), TODAY.plusDays(5)));
    on(
        Operation.ATTESTATION_RECORD,
        (w, a, t) ->
            w.tp
                .attestations()
                .record(
                    a,
                    new AttestationService.Submission(
                        w.attestationOf(t).id(),
                        "I have read the Privacy policy.",
                        a.role() == ActorRole.COMPLIANCE_OFFICER
                            ? AttestationMethod.ON_BEHALF
                            : AttestationMethod.CLICK_THROUGH,
                        null,
                        a.role() == ActorRole.COMPLIANCE_OFFICER
                            ? "signed a paper copy at orientation"
                            : null)));
    on(Operation.ATTESTATION_READ, (w, a, t) -> w.tp.attestations().forMember(a, t.id(), TODAY));
    on(Operation.AUDIT_READ, (w, a, t) -> w.tp.audit().verify(a));
    on(
        Operation.RETENTION_WRITE,
        (w, a, t) -> w.tp.retention().placeHold(a, "Matter 7", t.id(), null, null));
    on(Operation.RETENTION_READ, (w, a, t) -> w.tp.retention().holds(a));
    on(
        Operation.SECURITY_REMINDER_SEND,
        (w, a, t) ->
            w.tp
                .securityReminders()
                .send(a, "Passwords", "Use a manager", "email", Audience.everyone(), false));
    on(
        Operation.SECURITY_REMINDER_ACKNOWLEDGE,
        (w, a, t) -> w.tp.securityReminders().acknowledge(a, w.reminder.id()));
    on(
        Operation.SECURITY_REMINDER_READ,
        (w, a, t) -> w.tp.securityReminders().log(a, TODAY.minusDays(1), TODAY));
  }

  /** Operations no actor reaches through the API: the scheduler runs them as system. */
  static final Set<Operation> SYSTEM_ONLY = Set.of(Operation.SCHEDULER_RUN);

  /** Operations whose subject is a member, so TEAM and SELF scopes are checked against it. */
  static final Set<Operation> MEMBER_SUBJECT =
      Set.of(
          Operation.MEMBER_CHANGE,
          Operation.MEMBER_LEAVE,
          Operation.MEMBER_TERMINATE,
          Operation.MEMBER_READ,
          Operation.ASSIGNMENT_WRITE,
          Operation.ASSIGNMENT_WAIVE,
          Operation.ASSIGNMENT_START,
          Operation.ASSIGNMENT_READ,
          Operation.COMPLETION_RECORD,
          Operation.COMPLETION_READ,
          Operation.CERTIFICATE_READ,
          Operation.CERTIFICATION_READ,
          Operation.STATUS_READ,
          Operation.ATTESTATION_REQUEST,
          Operation.ATTESTATION_RECORD,
          Operation.ATTESTATION_READ,
          Operation.RETENTION_WRITE);

  @Test
  void everyOperationHasARepresentativeCall() {
    for (Operation op : Operation.values()) {
      assertThat(CALLS_ON_REPORT.containsKey(op) || SYSTEM_ONLY.contains(op))
          .as("a call for %s", op)
          .isTrue();
    }
    for (Operation op : SYSTEM_ONLY) {
      for (ActorRole role : ActorRole.values()) {
        assertThat(op.scopeFor(role))
            .isEqualTo(role == ActorRole.SYSTEM ? Scope.ORGANIZATION : Scope.NONE);
      }
    }
  }

  @Test
  void everyOperationAsEveryRoleDoesWhatTheTableSays() {
    int allowed = 0;
    int refused = 0;
    for (Operation op : CALLS_ON_REPORT.keySet()) {
      for (ActorRole role : ActorRole.values()) {
        Scope scope = op.scopeFor(role);
        World w = new World();
        Actor actor = w.actors.get(role);
        int auditBefore = w.audit().size();
        if (scope == Scope.NONE) {
          assertThatThrownBy(() -> CALLS_ON_REPORT.get(op).accept(w, actor))
              .as("%s as %s", op, role)
              .isInstanceOf(ForbiddenException.class);
          List<AuditEntry> after = w.audit();
          // Nothing written but the audit of the attempt (the officer's own reads add READ-free
          // entries only). The platform acts in no organization, so no trail holds its attempt.
          assertThat(after.subList(auditBefore, after.size()))
              .extracting(AuditEntry::action)
              .as("%s as %s", op, role)
              .containsExactlyElementsOf(
                  role == ActorRole.PLATFORM ? List.of() : List.of("FORBIDDEN"));
          refused++;
        } else {
          CALLS_ON_REPORT.get(op).accept(w, actor);
          allowed++;
          if ((scope == Scope.TEAM || scope == Scope.SELF) && MEMBER_SUBJECT.contains(op)) {
            World fresh = new World();
            assertThatThrownBy(
                    () -> CALLS_ON_OUTSIDER.get(op).accept(fresh, fresh.actors.get(role)))
                .as("%s as %s on someone outside the %s scope", op, role, scope)
                .isInstanceOf(ForbiddenException.class);
          }
        }
      }
    }
    assertThat(allowed).isGreaterThan(50);
    assertThat(refused).isGreaterThan(50);
  }

  @Test
  void vendorSupportWithoutAGrantIsRefusedAndTheAttemptAudited() {
    World w = new World();
    Actor stranger = new Actor("support-2", ActorRole.VENDOR_SUPPORT, w.fx.org().id(), null);
    assertThatThrownBy(() -> w.tp.workforce().list(stranger))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("grant");
    assertThat(w.audit())
        .last()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("FORBIDDEN");
              assertThat(e.actorId()).isEqualTo("support-2");
            });
  }

  @Test
  void auditorAndVendorReadsAreThemselvesAudited() {
    World w = new World();
    for (ActorRole role : List.of(ActorRole.AUDITOR, ActorRole.VENDOR_SUPPORT)) {
      Actor reader = w.actors.get(role);
      int before = w.audit().size();
      w.tp.workforce().list(reader);
      List<AuditEntry> after = w.audit();
      assertThat(after.subList(before, after.size()))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.action()).isEqualTo("READ");
                assertThat(e.subjectId()).isEqualTo("MEMBER_READ");
                assertThat(e.actorId()).isEqualTo(reader.id());
              });
    }
  }

  @Test
  void listsAreScopedToWhatTheActorMaySee() {
    World w = new World();
    assertThat(w.tp.workforce().list(w.actors.get(ActorRole.MEMBER)))
        .extracting(WorkforceMember::id)
        .containsExactly(w.report.id());
    assertThat(w.tp.workforce().list(w.actors.get(ActorRole.MANAGER)))
        .extracting(WorkforceMember::id)
        .containsExactlyInAnyOrder(w.manager.id(), w.report.id());
    assertThat(w.tp.workforce().list(w.fx.officer())).hasSize(3);
    assertThat(w.tp.status().forCourse(w.actors.get(ActorRole.MANAGER), w.course.id(), TODAY))
        .extracting(s -> s.member())
        .doesNotContain(w.outsider.id());
  }

  @Test
  void theAssignmentSummaryNeedsOrganizationScope() {
    World w = new World();
    var whole = w.tp.status().summary(w.fx.officer(), TODAY);
    assertThat(whole.stream().mapToLong(AssignmentSummary::members).sum()).isEqualTo(3);
    assertThat(w.tp.status().summary(w.actors.get(ActorRole.AUDITOR), TODAY)).isEqualTo(whole);
    for (ActorRole narrow : List.of(ActorRole.MANAGER, ActorRole.MEMBER)) {
      assertThatThrownBy(() -> w.tp.status().summary(w.actors.get(narrow), TODAY))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("organization scope");
    }
  }
}
