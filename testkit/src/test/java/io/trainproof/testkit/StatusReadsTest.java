package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.assignment.AssignmentService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.external.CertificationService;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.status.AssignmentSummary;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.status.MemberStanding;
import io.trainproof.core.status.RequirementStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status reads a compliance officer runs reports from: by course, standings pages, the summary.
 */
class StatusReadsTest {
  static final ZoneId ZONE = ZoneId.of("America/Chicago");
  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

  Trainproof tp;
  Fixtures fx;
  Course privacy;
  Course security;
  Requirement privacyRule;
  Requirement securityRule;
  WorkforceMember late;
  WorkforceMember fresh;
  WorkforceMember certified;
  WorkforceMember gone;

  @BeforeEach
  void setUp() {
    SettableClock clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(9, 0), ZONE).toInstant());
    tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    fx = Fixtures.organization(tp, ZONE);
    privacy = fx.course("PRIVACY");
    security = fx.course("SECURITY");
    privacyRule =
        fx.requirement(
            "Privacy", Fixtures.terms(privacy, TODAY.minusYears(1)).initialDueDays(30).build());
    securityRule =
        fx.requirement(
            "Security",
            Fixtures.terms(security, TODAY.minusYears(1))
                .initialDueDays(30)
                .audience(Audience.roles("it"))
                .build());
    tp.certifications()
        .defineKind(
            fx.officer(), "CHPC", "Certified HIPAA Privacy Professional", Set.of(privacy.id()));
    late = fx.hire(TODAY.minusDays(40), "Ward", "nurse", "it");
    fresh = fx.hire(TODAY, "Ward", "nurse");
    certified = fx.hire(TODAY, "Office", "clerk");
    tp.certifications()
        .record(
            fx.officer(),
            new CertificationService.NewCertification(
                certified.id(),
                "CHPC",
                "Body",
                "C-1",
                TODAY.minusMonths(1),
                TODAY.plusMonths(11),
                null,
                null));
    gone = fx.hire(TODAY.minusYears(1), "Ward", "nurse");
    tp.workforce().terminate(fx.officer(), gone.id(), TODAY.minusDays(1));
  }

  @Test
  void theCourseViewListsEveryMembersStandingOnTheRequirementsForThatCourseOnly() {
    List<RequirementStatus> privacyView = tp.status().forCourse(fx.officer(), privacy.id(), TODAY);
    assertThat(privacyView)
        .allSatisfy(
            s -> {
              assertThat(s.course()).isEqualTo(privacy.id());
              assertThat(s.requirement()).isEqualTo(privacyRule.id());
            });
    assertThat(privacyView)
        .extracting(RequirementStatus::member)
        .contains(late.id(), fresh.id(), certified.id());
    assertThat(privacyView)
        .filteredOn(s -> s.member().equals(late.id()))
        .singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(ComplianceStatus.OVERDUE));
    assertThat(privacyView)
        .filteredOn(s -> s.member().equals(certified.id()))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.status()).isEqualTo(ComplianceStatus.COMPLIANT);
              assertThat(s.validUntil()).isEqualTo(TODAY.plusMonths(11));
            });

    assertThat(tp.status().forCourse(fx.officer(), security.id(), TODAY))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.member()).isEqualTo(late.id());
              assertThat(s.requirement()).isEqualTo(securityRule.id());
            });
    // A course no requirement uses has no standings; an unknown one is an error.
    Course unused = fx.course("UNUSED");
    assertThat(tp.status().forCourse(fx.officer(), unused.id(), TODAY)).isEmpty();
    assertThatThrownBy(() -> tp.status().forCourse(fx.officer(), Id.random(), TODAY))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("Course"));
  }

  @Test
  void aManualAssignmentIsPartOfTheMembersStandingButNotOfARequirementView() {
    Assignment manual =
        tp.assignments()
            .assign(
                fx.officer(),
                new AssignmentService.ManualAssignment(
                    fresh.id(), security.id(), TODAY.plusDays(60), true, "after an incident"));
    assertThat(tp.status().forMember(fx.officer(), fresh.id(), TODAY))
        .anySatisfy(
            s -> {
              assertThat(s.requirement()).isNull();
              assertThat(s.course()).isEqualTo(security.id());
              assertThat(s.openAssignment()).isEqualTo(manual.id());
              assertThat(s.dueOn()).isEqualTo(TODAY.plusDays(60));
              assertThat(s.status()).isEqualTo(ComplianceStatus.PENDING);
            })
        .hasSize(2);
    assertThat(tp.status().forRequirement(fx.officer(), securityRule.id(), TODAY))
        .extracting(RequirementStatus::member)
        .containsExactly(late.id());
  }

  @Test
  void standingsPageThroughActiveMembersWithTheSameStatusesAsTheMemberView() {
    tp.assignments()
        .assign(
            fx.officer(),
            new AssignmentService.ManualAssignment(
                fresh.id(), security.id(), TODAY.plusDays(60), true, "after an incident"));
    List<MemberStanding> all = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      Page<MemberStanding> page = tp.status().standings(fx.officer(), TODAY, after, 2);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
      all.addAll(page.items());
      after = page.next();
      pages++;
    } while (after != null);
    assertThat(pages).isEqualTo(3); // 4 members: two full pages, then an empty last one
    assertThat(all)
        .extracting(s -> s.member().id())
        .containsExactlyInAnyOrder(late.id(), fresh.id(), certified.id());
    for (MemberStanding s : all) {
      assertThat(s.statuses())
          .containsExactlyInAnyOrderElementsOf(
              tp.status().forMember(fx.officer(), s.member().id(), TODAY));
      assertThat(s.worst()).isEqualTo(tp.status().overall(fx.officer(), s.member().id(), TODAY));
      assertThat(s.terms().roles()).isEqualTo(s.member().termsOn(TODAY).orElseThrow().roles());
    }
    assertThat(all)
        .filteredOn(s -> s.member().id().equals(late.id()))
        .singleElement()
        .satisfies(s -> assertThat(s.worst()).isEqualTo(ComplianceStatus.OVERDUE));
    assertThat(all)
        .filteredOn(s -> s.member().id().equals(fresh.id()))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.statuses())
                  .hasSize(2)
                  .anySatisfy(
                      r -> {
                        assertThat(r.requirement()).isNull();
                        assertThat(r.status()).isEqualTo(ComplianceStatus.PENDING);
                      });
            });
    assertThat(all)
        .filteredOn(s -> s.member().id().equals(certified.id()))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.worst()).isEqualTo(ComplianceStatus.COMPLIANT);
              assertThat(s.statuses())
                  .singleElement()
                  .satisfies(r -> assertThat(r.validUntil()).isEqualTo(TODAY.plusMonths(11)));
            });

    // One member per page: each page reads only that member's certifications.
    List<MemberStanding> single = new ArrayList<>();
    String cursor = null;
    do {
      Page<MemberStanding> page = tp.status().standings(fx.officer(), TODAY, cursor, 1);
      single.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    assertThat(single).containsExactlyInAnyOrderElementsOf(all);
    // A page that holds fewer members than the limit is the last one.
    Page<MemberStanding> whole = tp.status().standings(fx.officer(), TODAY, null, 5);
    assertThat(whole.items()).hasSize(3);
    assertThat(whole.next()).isNull();
    // The member who left is still reported on a day they were active.
    assertThat(tp.status().standings(fx.officer(), TODAY.minusDays(2), null, 5).items())
        .extracting(s -> s.member().id())
        .contains(gone.id())
        .doesNotContain(fresh.id());
    // A day nobody was active yet gives an empty page.
    assertThat(tp.status().standings(fx.officer(), TODAY.minusYears(5), null, 5).items()).isEmpty();
  }

  @Test
  void theSummaryCountsMembersWithNothingOpenAndIsOrderedByDepartment() {
    List<AssignmentSummary> rows = tp.status().summary(fx.officer(), TODAY);
    assertThat(rows).isSortedAccordingTo(AssignmentSummary.ORDER);
    assertThat(rows).extracting(AssignmentSummary::department).first().isEqualTo("Office");
    assertThat(rows)
        .filteredOn(r -> r.department().equals("Office"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.members()).isEqualTo(1);
              assertThat(r.membersWithNothingOpen()).isEqualTo(1);
            });
    assertThat(rows)
        .filteredOn(r -> r.roles().equals(Set.of("nurse", "it")))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.membersOverdue()).isEqualTo(1);
              assertThat(r.membersWithNothingOpen()).isZero();
            });
    AssignmentSummary a =
        new AssignmentSummary("A", WorkforceType.EMPLOYEE, Set.of("x"), 10, 2, 3, 4, 0, 0, 0, 0, 0);
    assertThat(a.membersWithNothingOpen()).isEqualTo(1);
    AssignmentSummary b =
        new AssignmentSummary("A", WorkforceType.EMPLOYEE, Set.of("y"), 1, 0, 0, 0, 0, 0, 0, 0, 0);
    AssignmentSummary c =
        new AssignmentSummary(
            "A", WorkforceType.CONTRACTOR, Set.of("a"), 1, 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(AssignmentSummary.ORDER.compare(a, b)).isNegative();
    assertThat(AssignmentSummary.ORDER.compare(b, a)).isPositive();
    assertThat(Integer.signum(AssignmentSummary.ORDER.compare(a, c)))
        .isEqualTo(Integer.signum(WorkforceType.EMPLOYEE.compareTo(WorkforceType.CONTRACTOR)));
  }
}
