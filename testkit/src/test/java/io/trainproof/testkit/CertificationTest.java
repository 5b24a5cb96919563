package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.external.CertificationService;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.status.ComplianceStatus;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An outside certification stands in for a course while valid, and is renewed before it expires.
 */
class CertificationTest {
  static final ZoneId ZONE = ZoneId.of("America/St_Johns");
  static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
  SettableClock clock;
  Trainproof tp;
  Fixtures fx;
  Course course;
  WorkforceMember officerMember;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(9, 0), ZONE).toInstant());
    tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    fx = Fixtures.organization(tp, ZONE);
    course = fx.course("PRIVACY-OFFICER");
    fx.requirement(
        "Privacy officer certification",
        Fixtures.terms(course, TODAY.minusYears(1))
            .audience(Audience.roles("privacy-officer"))
            .recurrence(
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(30))
            .build());
    tp.certifications()
        .defineKind(
            fx.officer(), "CHPC", "Certified HIPAA Privacy Professional", Set.of(course.id()));
    officerMember = fx.hire(TODAY, "Compliance", "privacy-officer");
  }

  private CertificationService.NewCertification cert(
      String id, LocalDate issued, LocalDate expires, Certification.Verification v) {
    return new CertificationService.NewCertification(
        officerMember.id(),
        "CHPC",
        "Example Certifying Body",
        id,
        issued,
        expires,
        Fixtures.sha256(id),
        v);
  }

  @Test
  void aValidCertificationClosesTheAssignmentAndIsRenewedBeforeItExpires() {
    assertThat(tp.assignments().forMember(fx.officer(), officerMember.id()))
        .singleElement()
        .satisfies(a -> assertThat(a.isOpen()).isTrue());
    tp.certifications()
        .record(fx.officer(), cert("C-1", TODAY.minusMonths(2), TODAY.plusMonths(10), null));
    assertThat(tp.assignments().forMember(fx.officer(), officerMember.id()))
        .allSatisfy(a -> assertThat(a.isOpen()).isFalse());
    assertThat(tp.status().overall(fx.officer(), officerMember.id(), TODAY))
        .isEqualTo(ComplianceStatus.COMPLIANT);
    assertThat(tp.status().forMember(fx.officer(), officerMember.id(), TODAY))
        .singleElement()
        .satisfies(s -> assertThat(s.validUntil()).isEqualTo(TODAY.plusMonths(10)));
    LocalDate expiry = TODAY.plusMonths(10);
    clock.set(ZonedDateTime.of(expiry.minusDays(31).atTime(9, 0), ZONE).toInstant());
    assertThat(tp.scheduler().sweep().created()).isZero();
    clock.set(ZonedDateTime.of(expiry.minusDays(30).atTime(9, 0), ZONE).toInstant());
    assertThat(tp.scheduler().sweep().created()).isEqualTo(1);
    Assignment renewal =
        tp.assignments().forMember(fx.officer(), officerMember.id()).stream()
            .filter(Assignment::isOpen)
            .findFirst()
            .orElseThrow();
    assertThat(renewal.reason()).isEqualTo(AssignmentReason.PERIODIC);
    assertThat(renewal.dueOn()).isEqualTo(expiry);
    assertThat(tp.status().overall(fx.officer(), officerMember.id(), expiry))
        .isEqualTo(ComplianceStatus.DUE_SOON);
    assertThat(tp.status().overall(fx.officer(), officerMember.id(), expiry.plusDays(1)))
        .isEqualTo(ComplianceStatus.OVERDUE);
  }

  @Test
  void aCertificationThatFailedVerificationIsKeptButSatisfiesNothing() {
    tp.certifications()
        .record(
            fx.officer(),
            cert(
                "C-2",
                TODAY.minusDays(1),
                TODAY.plusYears(1),
                new Certification.Verification(false, "proof: TAMPERED_CONTENT", clock.instant())));
    assertThat(tp.certifications().forMember(fx.officer(), officerMember.id())).hasSize(1);
    assertThat(tp.assignments().forMember(fx.officer(), officerMember.id()))
        .anySatisfy(a -> assertThat(a.isOpen()).isTrue());
  }

  @Test
  void badCertificationsAreRefused() {
    assertThatThrownBy(
            () ->
                tp.certifications()
                    .record(
                        fx.officer(),
                        new CertificationService.NewCertification(
                            officerMember.id(), "NOPE", "X", "C-3", TODAY, null, null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("kindCode"));
    assertThatThrownBy(
            () ->
                tp.certifications()
                    .record(fx.officer(), cert("C-4", TODAY, TODAY.minusDays(1), null)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("expiresOn"));
    assertThatThrownBy(() -> tp.certifications().defineKind(fx.officer(), "EMPTY", "x", Set.of()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("satisfies"));
  }
}
