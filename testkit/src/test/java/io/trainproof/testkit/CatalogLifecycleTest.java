package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.external.CertificationService;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.status.RequirementStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Policies, courses, requirements and outside certifications over their life: what the reads return
 * afterwards and what the audit trail says about each change.
 */
class CatalogLifecycleTest {
  static final ZoneId ZONE = ZoneId.of("Australia/Adelaide");
  static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

  SettableClock clock;
  Trainproof tp;
  Fixtures fx;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(9, 0), ZONE).toInstant());
    tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    fx = Fixtures.organization(tp, ZONE);
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

  List<AuditEntry> all(String action) {
    return audit().stream().filter(e -> e.action().equals(action)).toList();
  }

  PolicyService.NewVersion version(LocalDate from, String text) {
    return new PolicyService.NewVersion(from, Fixtures.sha256(text), "notes", false, Set.of());
  }

  @Test
  void aNewPolicyVersionEndsThePreviousOneTheDayBefore() {
    Policy p = fx.policy("PRIV", TODAY.minusYears(1));
    tp.policies().publish(fx.officer(), p.id(), version(TODAY.plusDays(10), "v2"));
    List<PolicyVersion> versions = tp.policies().versions(fx.officer(), p.id());
    assertThat(versions).extracting(PolicyVersion::number).containsExactly(1, 2);
    assertThat(versions.get(0).lastInEffectOn()).isEqualTo(TODAY.plusDays(9));
    assertThat(versions.get(1).lastInEffectOn()).isNull();
    assertThat(tp.policies().inForceOn(fx.officer(), TODAY.plusDays(9)))
        .extracting(PolicyVersion::number)
        .containsExactly(1);
    assertThat(tp.policies().inForceOn(fx.officer(), TODAY.plusDays(10)))
        .extracting(PolicyVersion::number)
        .containsExactly(2);
    assertThat(tp.policies().inForceOn(fx.officer(), TODAY.minusYears(2))).isEmpty();
    assertThatThrownBy(() -> tp.policies().versions(fx.officer(), Id.random()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aRetiredPolicyVersionKeepsAnEarlierEndWhenANewVersionFollows() {
    Policy p = fx.policy("PRIV", TODAY.minusYears(1));
    tp.policies().retire(fx.officer(), p.id(), TODAY.minusDays(30));
    tp.policies().publish(fx.officer(), p.id(), version(TODAY, "v2"));
    assertThat(tp.policies().versions(fx.officer(), p.id()).get(0).lastInEffectOn())
        .isEqualTo(TODAY.minusDays(30));
    // Retired later than the next version's start: cut back to the day before it.
    Policy q = fx.policy("SEC", TODAY.minusYears(1));
    tp.policies().retire(fx.officer(), q.id(), TODAY.plusDays(30));
    tp.policies().publish(fx.officer(), q.id(), version(TODAY.plusDays(5), "q2"));
    assertThat(tp.policies().versions(fx.officer(), q.id()).get(0).lastInEffectOn())
        .isEqualTo(TODAY.plusDays(4));
  }

  @Test
  void retiringAPolicyEndsItsCurrentVersionOnceAndIsAudited() {
    Policy p = fx.policy("PRIV", TODAY.minusYears(1));
    assertThatThrownBy(
            () -> tp.policies().retire(fx.officer(), p.id(), TODAY.minusYears(1).minusDays(1)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("lastDay"));
    PolicyVersion retired = tp.policies().retire(fx.officer(), p.id(), TODAY);
    assertThat(retired.lastInEffectOn()).isEqualTo(TODAY);
    assertThat(tp.policies().versions(fx.officer(), p.id()))
        .singleElement()
        .satisfies(v -> assertThat(v.lastInEffectOn()).isEqualTo(TODAY));
    AuditEntry entry = last("POLICY_RETIRED");
    assertThat(entry.subjectId()).isEqualTo(retired.id().toString());
    assertThat(entry.details())
        .containsExactlyEntriesOf(Map.of("lastInEffectOn", TODAY.toString()));
    assertThat(tp.policies().inForceOn(fx.officer(), TODAY))
        .extracting(PolicyVersion::id)
        .containsExactly(retired.id());
    assertThat(tp.policies().inForceOn(fx.officer(), TODAY.plusDays(1))).isEmpty();
    assertThatThrownBy(() -> tp.policies().retire(fx.officer(), p.id(), TODAY.plusDays(1)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("policy"));
    // A policy retired on its first day is allowed.
    Policy q = fx.policy("SEC", TODAY);
    assertThat(tp.policies().retire(fx.officer(), q.id(), TODAY).lastInEffectOn()).isEqualTo(TODAY);
    Policy empty =
        tp.policies().create(fx.officer(), PolicyService.NewPolicy.of("NONE", "No versions yet"));
    assertThatThrownBy(() -> tp.policies().retire(fx.officer(), empty.id(), TODAY))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("policy"));
  }

  @Test
  void coursesListTheirReleasedVersionsAndEachReleaseIsAudited() {
    Course c = fx.course("HIPAA-101");
    assertThat(tp.courses().list(fx.officer())).extracting(Course::id).containsExactly(c.id());
    tp.courses()
        .release(
            fx.officer(),
            c.id(),
            new CourseService.NewVersion(
                "2026.2", Set.of(), Set.of(), 75, false, Fixtures.sha256("content 2")));
    assertThat(tp.courses().versions(fx.officer(), c.id()))
        .hasSize(2)
        .anySatisfy(v -> assertThat(v.label()).isEqualTo("2026.2"));
    assertThat(last("COURSE_VERSION_RELEASED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("course", c.id().toString(), "label", "2026.2", "passMark", "75"));
    assertThatThrownBy(
            () ->
                tp.courses()
                    .release(
                        fx.officer(),
                        c.id(),
                        new CourseService.NewVersion(
                            "x", Set.of(), Set.of(), 75, false, "not-a-hash")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("contentSha256"));
    assertThatThrownBy(() -> tp.courses().versions(fx.officer(), Id.random()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void changingARequirementAppliesFromItsEffectiveDateAndRetiringItCancelsOpenWork() {
    Course first = fx.course("A");
    Course second = fx.course("B");
    Requirement r = fx.requirement("R", Fixtures.terms(first, TODAY.minusYears(1)).build());
    assertThat(tp.requirements().list(fx.officer()))
        .extracting(Requirement::id)
        .containsExactly(r.id());
    assertThat(last("REQUIREMENT_CREATED").details())
        .containsEntry("course", first.id().toString())
        .containsEntry("initialDueDays", "30")
        .containsEntry("active", "true");
    WorkforceMember m = fx.hire(TODAY, "D", "nurse");

    tp.requirements()
        .change(fx.officer(), r.id(), Fixtures.terms(second, TODAY).initialDueDays(45).build());
    assertThat(last("REQUIREMENT_CHANGED").details())
        .containsEntry("course", second.id().toString())
        .containsEntry("initialDueDays", "45")
        .containsEntry("effectiveFrom", TODAY.toString());
    assertThat(tp.status().forMember(fx.officer(), m.id(), TODAY))
        .singleElement()
        .satisfies(s -> assertThat(s.course()).isEqualTo(second.id()));
    assertThatThrownBy(
            () ->
                tp.requirements()
                    .change(
                        fx.officer(), r.id(), Fixtures.terms(first, TODAY.minusDays(1)).build()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("terms.effectiveFrom"));

    assertThatThrownBy(() -> tp.requirements().retire(fx.officer(), r.id(), TODAY.minusDays(1)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("terms.effectiveFrom"));
    tp.requirements().retire(fx.officer(), r.id(), TODAY);
    assertThat(last("REQUIREMENT_RETIRED").details())
        .containsExactlyEntriesOf(Map.of("on", TODAY.toString()));
    assertThat(tp.requirements().list(fx.officer()))
        .singleElement()
        .satisfies(x -> assertThat(x.latestTerms().active()).isFalse());
    assertThat(tp.assignments().forMember(fx.officer(), m.id()))
        .noneSatisfy(a -> assertThat(a.isOpen()).isTrue());
    assertThat(tp.status().forMember(fx.officer(), m.id(), TODAY.plusDays(1))).isEmpty();
    assertThatThrownBy(() -> tp.requirements().retire(fx.officer(), r.id(), TODAY.plusDays(1)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("requirement"));
    assertThatThrownBy(() -> tp.requirements().retire(fx.officer(), Id.random(), TODAY))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aRequirementCreatedLaterAssignsTheMembersAlreadyThere() {
    WorkforceMember m = fx.hire(TODAY.minusYears(1), "D", "nurse");
    fx.requirement("R", Fixtures.terms(fx.course("A"), TODAY).build());
    assertThat(tp.assignments().forMember(fx.officer(), m.id()))
        .singleElement()
        .satisfies(a -> assertThat(a.isOpen()).isTrue());
  }

  @Test
  void certificationsAreAuditedCloseOnlyTheCoursesTheirKindSatisfiesAndTheLongestLastingCounts() {
    Course privacy = fx.course("PRIVACY");
    Course security = fx.course("SECURITY");
    fx.requirement("Privacy", Fixtures.terms(privacy, TODAY.minusYears(1)).build());
    fx.requirement("Security", Fixtures.terms(security, TODAY.minusYears(1)).build());
    tp.certifications()
        .defineKind(fx.officer(), "CHPC", "Privacy professional", Set.of(privacy.id()));
    tp.certifications()
        .defineKind(fx.officer(), "CHSP", "Security professional", Set.of(security.id()));
    assertThat(tp.certifications().kinds(fx.officer()))
        .extracting(k -> k.code())
        .containsExactlyInAnyOrder("CHPC", "CHSP");
    assertThat(last("CERTIFICATION_KIND_DEFINED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("code", "CHSP", "satisfies", security.id().toString()));
    WorkforceMember m = fx.hire(TODAY, "D", "nurse");

    Certification shorter =
        tp.certifications()
            .record(
                fx.officer(),
                new CertificationService.NewCertification(
                    m.id(),
                    "CHPC",
                    "Body",
                    "C-1",
                    TODAY.minusMonths(4),
                    TODAY.plusMonths(6),
                    null,
                    null));
    AuditEntry recorded = last("CERTIFICATION_RECORDED");
    assertThat(recorded.subjectId()).isEqualTo(shorter.id().toString());
    assertThat(recorded.details())
        .containsEntry("expiresOn", TODAY.plusMonths(6).toString())
        .containsEntry("credentialId", "C-1")
        .doesNotContainKey("verified");
    // Only the privacy assignment is closed, and the trail says by which certification.
    List<Assignment> assignments = tp.assignments().forMember(fx.officer(), m.id());
    assertThat(assignments)
        .filteredOn(a -> a.course().equals(privacy.id()))
        .singleElement()
        .satisfies(a -> assertThat(a.stateOn(TODAY)).isEqualTo(AssignmentState.COMPLETED));
    assertThat(assignments)
        .filteredOn(a -> a.course().equals(security.id()))
        .singleElement()
        .satisfies(a -> assertThat(a.isOpen()).isTrue());
    assertThat(last("ASSIGNMENT_COMPLETED").details())
        .containsExactlyEntriesOf(Map.of("certification", shorter.id().toString()));

    tp.certifications()
        .record(
            fx.officer(),
            new CertificationService.NewCertification(
                m.id(),
                "CHPC",
                "Body",
                "C-2",
                TODAY.minusMonths(3),
                TODAY.plusMonths(18),
                null,
                new Certification.Verification(true, "proof: VALID", clock.instant())));
    assertThat(last("CERTIFICATION_RECORDED").details()).containsEntry("verified", "true");
    tp.certifications()
        .record(
            fx.officer(),
            new CertificationService.NewCertification(
                m.id(),
                "CHPC",
                "Body",
                "C-3",
                TODAY.minusMonths(2),
                TODAY.plusMonths(12),
                null,
                null));
    assertThat(last("CERTIFICATION_RECORDED").details())
        .containsEntry("expiresOn", TODAY.plusMonths(12).toString());
    // A certification of a kind that satisfies another course does not count for this one.
    tp.certifications()
        .record(
            fx.officer(),
            new CertificationService.NewCertification(
                m.id(),
                "CHSP",
                "Body",
                "S-1",
                TODAY.minusMonths(1),
                TODAY.plusMonths(24),
                null,
                null));
    assertThat(tp.status().forMember(fx.officer(), m.id(), TODAY))
        .filteredOn(s -> s.course().equals(privacy.id()))
        .singleElement()
        .extracting(RequirementStatus::validUntil)
        .isEqualTo(TODAY.plusMonths(18));
    // One that never expires outlasts them all.
    tp.certifications()
        .record(
            fx.officer(),
            new CertificationService.NewCertification(
                m.id(), "CHPC", "Body", "C-4", TODAY.minusDays(1), null, null, null));
    assertThat(last("CERTIFICATION_RECORDED").details()).doesNotContainKey("expiresOn");
    assertThat(tp.status().forMember(fx.officer(), m.id(), TODAY.plusYears(3)))
        .filteredOn(s -> s.course().equals(privacy.id()))
        .singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(ComplianceStatus.COMPLIANT));
    assertThat(all("ASSIGNMENT_COMPLETED")).hasSize(2); // privacy by C-1, security by S-1
    assertThat(tp.certifications().forMember(fx.officer(), m.id())).hasSize(5);
  }
}
