package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.CrossOrganizationGrant;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The date logic of the domain values, at the exact day (or instant) where an answer flips: an
 * assignment seen as of a past date, a member's terms on a date, a policy version in force, a grant
 * or legal hold in effect, and the retention date.
 */
class DomainValuesTest {
  static final LocalDate D = LocalDate.of(2026, 3, 10);
  static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

  private static Assignment assignment(LocalDate assignedOn, LocalDate dueOn) {
    return new Assignment(
        Id.random(),
        Id.random(),
        Id.random(),
        Id.random(),
        null,
        AssignmentReason.MANUAL,
        null,
        "key",
        assignedOn,
        T,
        "officer-1",
        assignedOn,
        dueOn,
        List.of(),
        null,
        null,
        0);
  }

  @Test
  void anAssignmentSeenAsOfADateCountsOnlyWhatHadHappenedByThatDay() {
    Assignment a = assignment(D, D.plusDays(30));
    assertThat(a.existsOn(D)).isTrue();
    assertThat(a.existsOn(D.minusDays(1))).isFalse();
    assertThat(a.openOn(D.minusDays(1))).as("not yet created").isFalse();
    assertThat(a.openOn(D)).isTrue();
    assertThat(a.state()).isEqualTo(AssignmentState.ASSIGNED);
    assertThat(a.isOpen()).isTrue();

    Assignment started = a.started(D.plusDays(2));
    assertThat(started.state()).isEqualTo(AssignmentState.IN_PROGRESS);
    assertThat(started.stateOn(D.plusDays(1))).isEqualTo(AssignmentState.ASSIGNED);
    assertThat(started.stateOn(D.plusDays(2))).isEqualTo(AssignmentState.IN_PROGRESS);

    Assignment done =
        started.closed(new Closure(AssignmentState.COMPLETED, D.plusDays(5), T, "m", "done", null));
    assertThat(done.isOpen()).isFalse();
    assertThat(done.state()).isEqualTo(AssignmentState.COMPLETED);
    assertThat(done.stateOn(D.plusDays(4))).isEqualTo(AssignmentState.IN_PROGRESS);
    assertThat(done.stateOn(D.plusDays(5))).isEqualTo(AssignmentState.COMPLETED);
    assertThat(done.openOn(D.plusDays(4))).isTrue();
    assertThat(done.openOn(D.plusDays(5))).isFalse();
    // Closing keeps everything else.
    assertThat(done.startedOn()).isEqualTo(D.plusDays(2));
    assertThat(done.dueOn()).isEqualTo(a.dueOn());
    assertThat(done.id()).isEqualTo(a.id());
  }

  @Test
  void extensionsCountFromTheDayTheyWereGrantedAndTheLastOneWins() {
    Assignment a = assignment(D, D.plusDays(30));
    assertThat(a.currentDueOn()).isEqualTo(D.plusDays(30));
    Assignment once =
        a.extended(new DueDateChange(D.plusDays(10), D.plusDays(40), "officer-1", "leave"));
    Assignment twice =
        once.extended(new DueDateChange(D.plusDays(20), D.plusDays(35), "officer-1", "back early"));
    assertThat(a.dueChanges()).as("the original is unchanged").isEmpty();
    assertThat(once.dueChanges()).hasSize(1);
    assertThat(twice.currentDueOn()).isEqualTo(D.plusDays(35));
    assertThat(twice.dueOn(D.plusDays(9))).isEqualTo(D.plusDays(30));
    assertThat(twice.dueOn(D.plusDays(10))).isEqualTo(D.plusDays(40));
    assertThat(twice.dueOn(D.plusDays(19))).isEqualTo(D.plusDays(40));
    assertThat(twice.dueOn(D.plusDays(20))).isEqualTo(D.plusDays(35));
    assertThat(twice.dueOn()).as("the original due date is kept").isEqualTo(D.plusDays(30));
  }

  @Test
  void onlyAssignedAndInProgressAreOpenStates() {
    assertThat(AssignmentState.ASSIGNED.isOpen()).isTrue();
    assertThat(AssignmentState.IN_PROGRESS.isOpen()).isTrue();
    assertThat(AssignmentState.COMPLETED.isOpen()).isFalse();
    assertThat(AssignmentState.WAIVED.isOpen()).isFalse();
    assertThat(AssignmentState.CANCELLED.isOpen()).isFalse();
  }

  private static MemberTerms terms(
      LocalDate from, String department, MemberStatus status, String... roles) {
    return new MemberTerms(from, WorkforceType.EMPLOYEE, Set.of(roles), department, null, status);
  }

  @Test
  void aMembersTermsOnADateAreTheLastOnesInEffectByThen() {
    WorkforceMember m =
        new WorkforceMember(
            Id.random(),
            Id.random(),
            "E1",
            "Name",
            D,
            List.of(terms(D, "ICU", MemberStatus.ACTIVE, "nurse")),
            0);
    WorkforceMember moved =
        m.withTerms(terms(D.plusDays(10), "ER", MemberStatus.ACTIVE, "nurse"))
            .withTerms(terms(D.plusDays(20), "ER", MemberStatus.ON_LEAVE, "nurse"));
    assertThat(moved.termsOn(D.minusDays(1))).isEmpty();
    assertThat(moved.termsOn(D)).map(MemberTerms::department).contains("ICU");
    assertThat(moved.termsOn(D.plusDays(9))).map(MemberTerms::department).contains("ICU");
    assertThat(moved.termsOn(D.plusDays(10))).map(MemberTerms::department).contains("ER");
    assertThat(moved.latestTerms().status()).isEqualTo(MemberStatus.ON_LEAVE);
    assertThat(moved.activeOn(D.minusDays(1))).as("before engagement").isFalse();
    assertThat(moved.activeOn(D.plusDays(19))).isTrue();
    assertThat(moved.activeOn(D.plusDays(20))).isFalse();
    assertThat(m.history()).as("the original is unchanged").hasSize(1);

    // A second change on the same date replaces the first instead of stacking.
    WorkforceMember corrected =
        moved.withTerms(terms(D.plusDays(20), "ER", MemberStatus.TERMINATED, "nurse"));
    assertThat(corrected.history()).hasSize(3);
    assertThat(corrected.latestTerms().status()).isEqualTo(MemberStatus.TERMINATED);
    assertThat(corrected.termsOn(D.plusDays(15))).map(MemberTerms::department).contains("ER");
    assertThatThrownBy(
            () -> new WorkforceMember(Id.random(), Id.random(), "E1", "Name", D, List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAudienceNeedsEveryCriterionSetAndAnyValueWithinOne() {
    MemberTerms nurseIcu = terms(D, "ICU", MemberStatus.ACTIVE, "nurse", "charge");
    assertThat(Audience.everyone().isEveryone()).isTrue();
    assertThat(Audience.everyone().matches(nurseIcu)).isTrue();
    assertThat(Audience.roles("it", "charge").matches(nurseIcu)).isTrue();
    assertThat(Audience.roles("it").matches(nurseIcu)).isFalse();
    assertThat(Audience.roles("it").isEveryone()).isFalse();
    Audience erOnly = new Audience(Set.of(), Set.of("ER"), Set.of());
    assertThat(erOnly.isEveryone()).isFalse();
    assertThat(erOnly.matches(nurseIcu)).isFalse();
    assertThat(new Audience(Set.of("nurse"), Set.of("ICU", "ER"), Set.of()).matches(nurseIcu))
        .isTrue();
    Audience contractors = new Audience(Set.of(), Set.of(), Set.of(WorkforceType.CONTRACTOR));
    assertThat(contractors.isEveryone()).isFalse();
    assertThat(contractors.matches(nurseIcu)).isFalse();
    assertThat(
            new Audience(Set.of("nurse"), Set.of("ICU"), Set.of(WorkforceType.EMPLOYEE))
                .matches(nurseIcu))
        .isTrue();
    assertThat(
            new Audience(Set.of("nurse"), Set.of("ICU"), Set.of(WorkforceType.VOLUNTEER))
                .matches(nurseIcu))
        .isFalse();
  }

  @Test
  void aPolicyVersionIsInForceFromItsEffectiveDateThroughItsLastDay() {
    PolicyVersion v =
        new PolicyVersion(
            Id.random(),
            Id.random(),
            Id.random(),
            1,
            D,
            "0".repeat(64),
            "first",
            false,
            Set.of(),
            null,
            T);
    assertThat(v.inForceOn(D.minusDays(1))).isFalse();
    assertThat(v.inForceOn(D)).isTrue();
    assertThat(v.inForceOn(D.plusYears(10))).as("open-ended").isTrue();
    PolicyVersion ended = v.endedOn(D.plusDays(30));
    assertThat(ended.lastInEffectOn()).isEqualTo(D.plusDays(30));
    assertThat(ended.inForceOn(D.plusDays(30))).isTrue();
    assertThat(ended.inForceOn(D.plusDays(31))).isFalse();
    assertThat(ended.number()).isEqualTo(1);
  }

  @Test
  void aCrossOrganizationGrantHoldsFromItsGrantUntilJustBeforeExpiryOrRevocation() {
    CrossOrganizationGrant g =
        new CrossOrganizationGrant(
            Id.random(),
            Id.random(),
            "vendor-1",
            "officer-1",
            "ticket 42",
            T,
            T.plusSeconds(3600),
            null);
    assertThat(g.activeAt(T.minusNanos(1))).isFalse();
    assertThat(g.activeAt(T)).isTrue();
    assertThat(g.activeAt(T.plusSeconds(3600).minusNanos(1))).isTrue();
    assertThat(g.activeAt(T.plusSeconds(3600))).isFalse();
    CrossOrganizationGrant revoked =
        new CrossOrganizationGrant(
            g.id(),
            g.organization(),
            g.actorId(),
            g.grantedBy(),
            g.reason(),
            g.grantedAt(),
            g.expiresAt(),
            T.plusSeconds(60));
    assertThat(revoked.activeAt(T.plusSeconds(59))).isTrue();
    assertThat(revoked.activeAt(T.plusSeconds(60))).isFalse();
  }

  @Test
  void aLegalHoldCoversItsMemberAndItsDateRangeInclusivelyUntilReleased() {
    Id<WorkforceMember> member = Id.random();
    LegalHold hold =
        new LegalHold(
            Id.random(),
            Id.random(),
            "Doe v. Clinic",
            member,
            D,
            D.plusDays(10),
            "officer-1",
            T,
            null,
            null);
    assertThat(hold.active()).isTrue();
    assertThat(hold.covers(member, D)).isTrue();
    assertThat(hold.covers(member, D.plusDays(10))).isTrue();
    assertThat(hold.covers(member, D.minusDays(1))).isFalse();
    assertThat(hold.covers(member, D.plusDays(11))).isFalse();
    assertThat(hold.covers(Id.random(), D)).isFalse();
    assertThat(hold.covers(null, D)).isFalse();
    LegalHold everything =
        new LegalHold(
            Id.random(), Id.random(), "OCR inquiry", null, null, null, "officer-1", T, null, null);
    assertThat(everything.covers(null, D.minusYears(30))).isTrue();
    assertThat(everything.covers(member, D.plusYears(30))).isTrue();
    LegalHold released =
        new LegalHold(
            hold.id(),
            hold.organization(),
            hold.matter(),
            member,
            D,
            D.plusDays(10),
            "officer-1",
            T,
            "officer-2",
            T.plusSeconds(5));
    assertThat(released.active()).isFalse();
    assertThat(released.covers(member, D)).isFalse();
  }

  @Test
  void retentionCountsWholeYearsAndALeapDayStartEndsOnMarchFirst() {
    Organization org =
        new Organization(Id.random(), "Clinic", ZoneId.of("UTC"), Period.ofYears(6), T);
    assertThat(org.keepUntil(LocalDate.of(2020, 3, 1))).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(org.keepUntil(LocalDate.of(2020, 2, 28))).isEqualTo(LocalDate.of(2026, 2, 28));
    // Feb 29 + 6 years would be Feb 28, one day short of six full years.
    assertThat(org.keepUntil(LocalDate.of(2020, 2, 29))).isEqualTo(LocalDate.of(2026, 3, 1));
    Organization eightYears =
        new Organization(Id.random(), "Clinic", ZoneId.of("UTC"), Period.ofYears(8), T);
    assertThat(eightYears.keepUntil(LocalDate.of(2020, 2, 29)))
        .as("lands on a leap day")
        .isEqualTo(LocalDate.of(2028, 2, 29));
    Organization months =
        new Organization(
            Id.random(), "Clinic", ZoneId.of("UTC"), Period.ofYears(6).plusMonths(1), T);
    assertThat(months.keepUntil(LocalDate.of(2020, 2, 29)))
        .as("not a February end")
        .isEqualTo(LocalDate.of(2026, 3, 29));
    assertThat(org.dateOf(Instant.parse("2026-03-10T23:30:00Z")))
        .isEqualTo(LocalDate.of(2026, 3, 10));
    Organization kathmandu =
        new Organization(Id.random(), "Clinic", ZoneId.of("Asia/Kathmandu"), Period.ofYears(6), T);
    assertThat(kathmandu.dateOf(Instant.parse("2026-03-10T23:30:00Z")))
        .isEqualTo(LocalDate.of(2026, 3, 11));
  }

  @Test
  void idsParseOnlyUuidsAndOrderByValue() {
    UUID low = new UUID(0, 1);
    UUID high = new UUID(0, 2);
    assertThat(Id.<Object>parse(low.toString()).value()).isEqualTo(low);
    assertThat(Id.<Object>parse(low.toString())).hasToString(low.toString());
    assertThat(new Id<Object>(low).compareTo(new Id<>(high))).isNegative();
    assertThat(new Id<Object>(high).compareTo(new Id<>(low))).isPositive();
    assertThat(new Id<Object>(high).compareTo(new Id<>(high))).isZero();
    assertThatThrownBy(() -> Id.parse("not-a-uuid"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("id");
              assertThat(e.value()).isEqualTo("not-a-uuid");
            });
    assertThatThrownBy(() -> Id.parse(null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("id"));
    assertThatThrownBy(() -> new Id<Object>(null)).isInstanceOf(ValidationException.class);
    assertThat(Id.random()).isNotEqualTo(Id.random());
  }

  @Test
  void anActorNeedsAnIdARoleAndAnOrganizationUnlessItIsThePlatform() {
    Id<Organization> org = Id.random();
    Actor officer = Actor.complianceOfficer("  officer-1 ", org);
    assertThat(officer.id()).as("stripped").isEqualTo("officer-1");
    assertThat(officer.role()).isEqualTo(ActorRole.COMPLIANCE_OFFICER);
    assertThat(officer.organization()).isEqualTo(org);
    Actor system = Actor.system(org);
    assertThat(system.role()).isEqualTo(ActorRole.SYSTEM);
    assertThat(system.id()).isEqualTo("system");
    assertThat(system.organization()).isEqualTo(org);
    Actor platform = Actor.platform("support-7");
    assertThat(platform.role()).isEqualTo(ActorRole.PLATFORM);
    assertThat(platform.organization()).isNull();
    assertThatThrownBy(() -> new Actor("m", ActorRole.MEMBER, null, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("actor.organization"));
    assertThatThrownBy(() -> new Actor(" ", ActorRole.MEMBER, org, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("actor.id"));
    assertThatThrownBy(() -> new Actor("m", null, org, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("actor.role"));
  }

  @Test
  void regulatoryTopicsCiteTheHipaaSectionsTheyCover() {
    assertThat(RegulatoryTopic.SECURITY_REMINDERS.citation()).isEqualTo("164.308(a)(5)(ii)(A)");
    assertThat(RegulatoryTopic.PASSWORD_MANAGEMENT.citation()).isEqualTo("164.308(a)(5)(ii)(D)");
    assertThat(RegulatoryTopic.BREACH_NOTIFICATION.citation()).contains("164.404");
  }
}
