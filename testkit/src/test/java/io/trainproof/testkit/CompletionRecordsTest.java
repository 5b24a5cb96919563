package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.assignment.AssignmentService;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.EvidenceFile;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completions and the certificates they issue, as the member's record and the audit trail show
 * them.
 */
class CompletionRecordsTest {
  static final ZoneId ZONE = ZoneId.of("Pacific/Auckland");
  static final LocalDate TODAY = LocalDate.of(2026, 9, 10);

  SettableClock clock;
  Trainproof tp;
  Fixtures fx;
  Course course;
  CourseVersion certifying;
  WorkforceMember m;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(ZonedDateTime.of(TODAY.minusDays(20).atTime(9, 0), ZONE).toInstant());
    tp =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(clock)
            .credentialIssuer(new StubIssuer())
            .build();
    fx = Fixtures.organization(tp, ZONE);
    course = fx.course("HIPAA-101");
    clock.advance(Duration.ofHours(1)); // released after the course's first version
    certifying =
        tp.courses()
            .release(
                fx.officer(),
                course.id(),
                new CourseService.NewVersion(
                    "2026.2", Set.of(), Set.of(), 80, true, Fixtures.sha256("content 2")));
    fx.requirement(
        "Annual",
        Fixtures.terms(course, TODAY.minusYears(1))
            .recurrence(
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(30))
            .build());
    m = fx.hire(TODAY.minusDays(20), "D", "nurse");
    clock.set(ZonedDateTime.of(TODAY.atTime(9, 0), ZONE).toInstant());
  }

  List<AuditEntry> audit() {
    return tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
  }

  AuditEntry last(String action) {
    return audit().stream()
        .filter(e -> e.action().equals(action))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  Assignment open() {
    return tp.assignments().forMember(fx.officer(), m.id()).stream()
        .filter(Assignment::isOpen)
        .findFirst()
        .orElseThrow();
  }

  /**
   * "Member M completed course C on date D": the open assignment due first is the one answered (its
   * reason is recorded), whatever order the caller would have picked; the others close too.
   */
  @Test
  void aCompletionByMemberAndCourseAnswersTheOpenAssignmentDueFirstAndClosesTheOthers() {
    Assignment onboarding = open();
    Assignment remediation =
        tp.assignments()
            .assign(
                fx.officer(),
                new AssignmentService.ManualAssignment(
                    m.id(), course.id(), TODAY.plusDays(2), true, "incident 42"));
    assertThat(remediation.currentDueOn()).isBefore(onboarding.currentDueOn());
    CompletionService.Outcome outcome =
        tp.completions()
            .recordForCourse(
                fx.officer(),
                CompletionService.CourseCompletion.inApp(m.id(), course.id(), TODAY, 95, "o"));
    assertThat(outcome.completion().assignment()).isEqualTo(remediation.id());
    assertThat(outcome.closed())
        .extracting(Assignment::id)
        .containsExactlyInAnyOrder(remediation.id(), onboarding.id());
    assertThat(tp.assignments().forMember(fx.officer(), m.id())).noneMatch(Assignment::isOpen);
  }

  @Test
  void aCompletionByMemberAndCourseWithNothingOpenIsRefusedNamingTheCourseAndWritesNothing() {
    tp.completions()
        .recordForCourse(
            fx.officer(),
            CompletionService.CourseCompletion.inApp(m.id(), course.id(), TODAY, 95, "o"));
    int entries = audit().size();
    assertThatThrownBy(
            () ->
                tp.completions()
                    .recordForCourse(
                        fx.officer(),
                        CompletionService.CourseCompletion.inApp(
                            m.id(), course.id(), TODAY, 95, "o")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("course")
        .hasMessageContaining(course.id().toString())
        .hasMessageContaining("no open assignment");
    assertThat(tp.completions().forMember(fx.officer(), m.id())).hasSize(1);
    assertThat(audit()).hasSize(entries);
  }

  @Test
  void aScoreExactlyAtThePassMarkPassesAndIssuesACertificateValidUntilTheNextCycle() {
    Assignment a = open();
    tp.completions().record(fx.officer(), CompletionService.Request.inApp(a.id(), TODAY, 79, "o"));
    assertThat(last("ATTEMPT_FAILED").details())
        .containsEntry("score", "79")
        .containsEntry("passed", "false");
    assertThat(open().id()).isEqualTo(a.id());
    assertThat(tp.certificates().forMember(fx.officer(), m.id())).isEmpty();

    CompletionService.Outcome outcome =
        tp.completions()
            .record(fx.officer(), CompletionService.Request.inApp(a.id(), TODAY, 80, "o"));
    assertThat(outcome.completion().passed()).isTrue();
    assertThat(outcome.completion().courseVersion()).isEqualTo(certifying.id());
    assertThat(outcome.closed()).extracting(Assignment::id).containsExactly(a.id());
    AuditEntry recorded = last("COMPLETION_RECORDED");
    assertThat(recorded.details())
        .containsEntry("score", "80")
        .containsEntry("method", "IN_APP")
        .doesNotContainKeys("source", "sourceRef");

    Certificate cert = tp.certificates().forMember(fx.officer(), m.id()).get(0);
    assertThat(cert.validFrom()).isEqualTo(TODAY);
    assertThat(cert.validUntil()).isEqualTo(TODAY.plusYears(1));
    assertThat(cert.status()).isEqualTo(Certificate.Status.VALID);
    assertThat(cert.verificationCode()).isEqualTo("CODE-" + cert.statusIndex());
    AuditEntry issued = last("CERTIFICATE_ISSUED");
    assertThat(issued.subjectId()).isEqualTo(cert.id().toString());
    assertThat(issued.details())
        .containsEntry("validUntil", TODAY.plusYears(1).toString())
        .containsEntry("statusIndex", String.valueOf(cert.statusIndex()))
        .containsEntry("verificationCode", cert.verificationCode())
        .containsEntry("credentialSha256", Fixtures.sha256(cert.credentialJson()));
    assertThat(tp.certificates().findByCode(fx.officer(), cert.verificationCode())).contains(cert);
    assertThat(tp.certificates().findByCode(fx.officer(), "CODE-NOPE")).isEmpty();
  }

  @Test
  void aNewCertificateForTheSameCourseSupersedesTheOldOneAndAManualOneHasNoEnd() {
    tp.completions()
        .record(fx.officer(), CompletionService.Request.inApp(open().id(), TODAY, 95, "o"));
    Certificate first = tp.certificates().forMember(fx.officer(), m.id()).get(0);
    clock.advance(Duration.ofDays(10));
    Assignment manual =
        tp.assignments()
            .assign(
                fx.officer(),
                new AssignmentService.ManualAssignment(
                    m.id(), course.id(), TODAY.plusDays(40), true, "refresher after an incident"));
    tp.completions()
        .record(
            fx.officer(),
            CompletionService.Request.inApp(manual.id(), TODAY.plusDays(10), 90, "o"));
    List<Certificate> certs = tp.certificates().forMember(fx.officer(), m.id());
    assertThat(certs).hasSize(2);
    assertThat(certs)
        .filteredOn(c -> c.id().equals(first.id()))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Certificate.Status.SUPERSEDED));
    Certificate second =
        certs.stream().filter(c -> !c.id().equals(first.id())).findFirst().orElseThrow();
    assertThat(second.status()).isEqualTo(Certificate.Status.VALID);
    assertThat(second.validUntil()).isNull();
    assertThat(last("CERTIFICATE_SUPERSEDED").subjectId()).isEqualTo(first.id().toString());
    assertThat(last("CERTIFICATE_SUPERSEDED").details())
        .containsExactlyEntriesOf(Map.of("by", second.id().toString()));
    assertThat(last("CERTIFICATE_ISSUED").details()).doesNotContainKey("validUntil");
    assertThat(tp.certificates().statusListCredential(fx.officer(), CertificateService.SUPERSEDED))
        .contains("[" + first.statusIndex() + "]");
  }

  @Test
  void everySignatureIsAuditedWithItsKeyAndHashAndStatusListsAreSignedOnlyWhenTheyChange() {
    // Issue 17, finding 1: status lists were signed on every read of their public URL, each
    // signature without an audit entry, and the trail named no signing key.
    tp.completions()
        .record(fx.officer(), CompletionService.Request.inApp(open().id(), TODAY, 95, "o"));
    Certificate cert = tp.certificates().forMember(fx.officer(), m.id()).get(0);
    assertThat(last("CERTIFICATE_ISSUED").details())
        .containsEntry("verificationMethod", "did:example:stub#key-1")
        .containsEntry("credentialSha256", Fixtures.sha256(cert.credentialJson()));

    String first =
        tp.certificates().statusListCredential(fx.officer(), CertificateService.REVOCATION);
    AuditEntry signed = last("STATUS_LIST_SIGNED");
    assertThat(signed.subjectId()).isEqualTo(CertificateService.REVOCATION);
    assertThat(signed.details())
        .containsEntry("verificationMethod", "did:example:stub#key-1")
        .containsEntry("credentialSha256", Fixtures.sha256(first))
        .containsEntry("setBits", "0");
    long signatures = audit().stream().filter(e -> e.action().equals("STATUS_LIST_SIGNED")).count();
    for (int i = 0; i < 50; i++) {
      assertThat(
              tp.certificates().statusListCredential(fx.officer(), CertificateService.REVOCATION))
          .isEqualTo(first);
    }
    assertThat(audit().stream().filter(e -> e.action().equals("STATUS_LIST_SIGNED")).count())
        .as("unchanged lists are reused, not signed again")
        .isEqualTo(signatures);

    tp.certificates().revoke(fx.officer(), cert.id(), "issued in error");
    assertThat(tp.certificates().statusListCredential(fx.officer(), CertificateService.REVOCATION))
        .contains("[" + cert.statusIndex() + "]");
    assertThat(last("STATUS_LIST_SIGNED").details()).containsEntry("setBits", "1");

    clock.advance(Duration.ofMinutes(16));
    tp.certificates().statusListCredential(fx.officer(), CertificateService.REVOCATION);
    assertThat(audit().stream().filter(e -> e.action().equals("STATUS_LIST_SIGNED")).count())
        .as("a list older than the reuse period is signed again")
        .isEqualTo(signatures + 2);
  }

  @Test
  void aRevokedCertificateIsOnTheRevocationListAndCannotBeRevokedTwice() {
    tp.completions()
        .record(fx.officer(), CompletionService.Request.inApp(open().id(), TODAY, 95, "o"));
    Certificate cert = tp.certificates().forMember(fx.officer(), m.id()).get(0);
    assertThat(tp.certificates().statusListCredential(fx.officer(), CertificateService.REVOCATION))
        .contains("\"set\":[]");
    Certificate revoked = tp.certificates().revoke(fx.officer(), cert.id(), "issued in error");
    assertThat(revoked.status()).isEqualTo(Certificate.Status.REVOKED);
    assertThat(last("CERTIFICATE_REVOKED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("reason", "issued in error", "statusIndex", String.valueOf(cert.statusIndex())));
    assertThat(tp.certificates().statusListCredential(fx.officer(), CertificateService.REVOCATION))
        .isEqualTo("{\"purpose\":\"revocation\",\"set\":[" + cert.statusIndex() + "]}");
    assertThatThrownBy(() -> tp.certificates().revoke(fx.officer(), cert.id(), "again"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("certificate"));
    assertThatThrownBy(() -> tp.certificates().revoke(fx.officer(), Id.random(), "x"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> tp.certificates().statusListCredential(fx.officer(), "suspension"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("purpose"));
    Trainproof noIssuer = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    Fixtures other = Fixtures.organization(noIssuer, ZONE);
    assertThatThrownBy(
            () ->
                noIssuer
                    .certificates()
                    .statusListCredential(other.officer(), CertificateService.REVOCATION))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("issuer"));
  }

  @Test
  void aCompletionRecordsTheCourseVersionReleasedByItsDate() {
    clock.advance(Duration.ofDays(5));
    CourseVersion later =
        tp.courses()
            .release(
                fx.officer(),
                course.id(),
                new CourseService.NewVersion(
                    "2026.3", Set.of(), Set.of(), 50, false, Fixtures.sha256("content 3")));
    // Completed before the newest version was released: the version in use that day counts.
    Completion before =
        tp.completions()
            .record(fx.officer(), CompletionService.Request.inApp(open().id(), TODAY, 60, "o"))
            .completion();
    assertThat(before.courseVersion()).isEqualTo(certifying.id());
    assertThat(before.passed()).isFalse(); // 60 is below that version's pass mark of 80
    Completion after =
        tp.completions()
            .record(
                fx.officer(),
                CompletionService.Request.inApp(open().id(), TODAY.plusDays(5), 60, "o"))
            .completion();
    assertThat(after.courseVersion()).isEqualTo(later.id());
    assertThat(after.passed()).isTrue();
    // A version of another course is refused.
    Course other = fx.course("OTHER");
    CourseVersion otherVersion = tp.courses().versions(fx.officer(), other.id()).get(0);
    Assignment manual =
        tp.assignments()
            .assign(
                fx.officer(),
                new AssignmentService.ManualAssignment(
                    m.id(), course.id(), TODAY.plusDays(40), false, "x"));
    assertThatThrownBy(
            () ->
                tp.completions()
                    .record(
                        fx.officer(),
                        new CompletionService.Request(
                            manual.id(),
                            TODAY.plusDays(5),
                            90,
                            otherVersion.id(),
                            Provenance.inApp("o"),
                            List.of())))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("courseVersion"));
  }

  @Test
  void anImportedCompletionRecordsItsSourceInTheTrail() {
    Provenance fromLms =
        new Provenance(CompletionMethod.HISTORICAL_IMPORT, "o", "lms", "row-7", null);
    tp.completions()
        .importCompletion(
            fx.officer(),
            new CompletionService.Import(
                m.id(), course.id(), null, TODAY, 90, null, fromLms, List.of()));
    assertThat(last("COMPLETION_RECORDED").details())
        .containsEntry("source", "lms")
        .containsEntry("sourceRef", "row-7");
    assertThat(tp.assignments().forMember(fx.officer(), m.id()))
        .noneSatisfy(a -> assertThat(a.isOpen()).isTrue());
  }

  @Test
  void anImportWithoutAnOpenAssignmentCreatesOneAndKeepsItsEvidenceAndOutcome() {
    Course classroom = fx.course("FIRE-DRILL");
    Provenance fromSheet =
        new Provenance(CompletionMethod.CLASSROOM, "o", "sign-in sheet", "2026-09-01", null);
    EvidenceFile sheet = new EvidenceFile("sheet.pdf", Fixtures.sha256("sheet"));
    CompletionService.Outcome failed =
        tp.completions()
            .importCompletion(
                fx.officer(),
                new CompletionService.Import(
                    m.id(),
                    classroom.id(),
                    null,
                    TODAY.minusDays(9),
                    null,
                    false,
                    fromSheet,
                    List.of(sheet)));
    assertThat(failed.completion().passed()).isFalse();
    assertThat(failed.completion().evidence()).containsExactly(sheet);
    AuditEntry created = last("ASSIGNMENT_CREATED");
    assertThat(created.details())
        .containsEntry("course", classroom.id().toString())
        .containsEntry("note", "created for an imported completion from sign-in sheet");
    assertThat(last("ATTEMPT_FAILED").details())
        .containsEntry("source", "sign-in sheet")
        .doesNotContainKey("score");
    Provenance again =
        new Provenance(CompletionMethod.CLASSROOM, "o", "sign-in sheet", "2026-09-02", null);
    assertThat(
            tp.completions()
                .importCompletion(
                    fx.officer(),
                    new CompletionService.Import(
                        m.id(),
                        classroom.id(),
                        null,
                        TODAY.minusDays(8),
                        null,
                        null,
                        again,
                        List.of()))
                .completion()
                .passed())
        .isTrue();
  }
}
