package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ConflictException;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.assignment.AssignmentService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.EvidenceFile;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.organization.OrganizationService;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.workforce.WorkforceService;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a typed exception naming the field and the value, and nothing is written. */
class BadInputTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Kathmandu");
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  Trainproof tp;
  Fixtures fx;
  Actor officer;
  Course course;
  WorkforceMember member;
  Assignment assignment;

  @BeforeEach
  void setUp() {
    SettableClock clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant());
    tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    fx = Fixtures.organization(tp, ZONE);
    officer = fx.officer();
    Policy policy = fx.policy("PRIV", LocalDate.of(2025, 1, 1));
    course = fx.course("C1", policy);
    fx.requirement("R", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).build());
    member = fx.hire(TODAY.minusDays(5), "ICU", "nurse");
    assignment = tp.assignments().forMember(officer, member.id()).get(0);
  }

  /** Everything the organization holds, to prove a refused call wrote nothing. */
  private List<Object> state() {
    return List.of(
        tp.workforce().list(officer),
        tp.assignments().forMember(officer, member.id()),
        tp.completions().forMember(officer, member.id()),
        tp.requirements().list(officer),
        tp.policies().list(officer),
        tp.courses().list(officer));
  }

  private void rejects(ThrowingCallable call, String field, String value) {
    List<Object> before = state();
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.value()).isEqualTo(value);
              assertThat(e.getMessage()).contains(field);
            });
    assertThat(state()).isEqualTo(before);
  }

  private WorkforceService.NewMember hire(
      String externalId, String department, LocalDate engagedOn) {
    return new WorkforceService.NewMember(
        externalId, "Name", WorkforceType.EMPLOYEE, Set.of("nurse"), department, null, engagedOn);
  }

  @Test
  void nullAndBlankValuesNameTheirField() {
    rejects(() -> tp.workforce().hire(officer, hire(null, "ICU", TODAY)), "externalId", null);
    rejects(() -> tp.workforce().hire(officer, hire("E9", "  ", TODAY)), "department", "  ");
    rejects(() -> tp.workforce().hire(officer, hire("E9", "ICU", null)), "engagedOn", null);
    Set<String> roles = Set.of("nurse", " ");
    rejects(
        () ->
            tp.workforce()
                .hire(
                    officer,
                    new WorkforceService.NewMember(
                        "E9", "Name", WorkforceType.EMPLOYEE, roles, "ICU", null, TODAY)),
        "roles",
        roles.toString());
    rejects(
        () -> tp.policies().create(officer, PolicyService.NewPolicy.of("", "Title")), "code", "");
    rejects(() -> tp.assignments().waive(officer, assignment.id(), " "), "reason", " ");
  }

  @Test
  void outOfRangeValuesNameTheirFieldAndValue() {
    rejects(
        () ->
            tp.completions()
                .record(officer, CompletionService.Request.inApp(assignment.id(), TODAY, 101, "o")),
        "score",
        "101");
    rejects(
        () ->
            tp.courses()
                .release(
                    officer,
                    course.id(),
                    new CourseService.NewVersion("2", Set.of(), Set.of(), -1, false, null)),
        "passMark",
        "-1");
    rejects(
        () ->
            tp.policies()
                .publish(
                    officer,
                    tp.policies().list(officer).get(0).id(),
                    new PolicyService.NewVersion(TODAY, "not-a-hash", "notes", false, Set.of())),
        "textSha256",
        "not-a-hash");
    rejects(
        () -> fx.requirement("Bad", Fixtures.terms(course, TODAY).initialDueDays(-1).build()),
        "terms.initialDueDays",
        "-1");
    rejects(
        () ->
            tp.organizations()
                .create(
                    Actor.platform("p"),
                    new OrganizationService.NewOrganization("Short", ZONE, Period.ofYears(5))),
        "retention",
        "P5Y");
  }

  @Test
  void unknownIdsAreNotFound() {
    List<Object> before = state();
    Id<WorkforceMember> unknown = Id.random();
    assertThatThrownBy(() -> tp.workforce().terminate(officer, unknown, TODAY))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.key()).isEqualTo(unknown.toString()));
    assertThatThrownBy(
            () ->
                tp.completions()
                    .record(officer, CompletionService.Request.inApp(Id.random(), TODAY, 90, "o")))
        .isInstanceOf(NotFoundException.class);
    Id<Course> unknownCourse = Id.random();
    rejects(
        () ->
            tp.assignments()
                .assign(
                    officer,
                    new AssignmentService.ManualAssignment(
                        member.id(), unknownCourse, TODAY.plusDays(3), false, "why")),
        "course",
        unknownCourse.toString());
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void aCourseWithoutAVersionCannotBeRequiredOrAssigned() {
    Course empty =
        tp.courses().create(officer, new CourseService.NewCourse("EMPTY", "No content yet"));
    rejects(
        () -> fx.requirement("R2", Fixtures.terms(empty, TODAY).build()),
        "terms.course",
        empty.id().toString());
    rejects(
        () ->
            tp.assignments()
                .assign(
                    officer,
                    new AssignmentService.ManualAssignment(
                        member.id(), empty.id(), TODAY.plusDays(3), false, "why")),
        "course",
        empty.id().toString());
  }

  @Test
  void aRenewalWindowLongerThanTheActivePeriodIsRefused() {
    rejects(
        () ->
            fx.requirement(
                "R2",
                Fixtures.terms(course, TODAY)
                    .recurrence(
                        Recurrence.every(Period.ofMonths(1), Recurrence.CountFrom.COMPLETION),
                        Period.ofDays(45))
                    .build()),
        "terms.renewalWindow",
        "P45D");
    rejects(
        () ->
            fx.requirement(
                "R3",
                Fixtures.terms(course, TODAY)
                    .recurrence(Recurrence.fixedDate(MonthDay.of(1, 31)), Period.ofMonths(4))
                    .minimumActive(Period.ofMonths(3))
                    .build()),
        "terms.renewalWindow",
        "P4M");
  }

  @Test
  void aCompletionForACancelledAssignmentIsRefused() {
    tp.workforce().terminate(officer, member.id(), TODAY);
    rejects(
        () ->
            tp.completions()
                .record(officer, CompletionService.Request.inApp(assignment.id(), TODAY, 90, "o")),
        "assignment",
        assignment.id().toString());
  }

  @Test
  void aCompletionDatedBeforeEngagementOrInTheFutureIsRefused() {
    LocalDate before = member.engagedOn().minusDays(1);
    rejects(
        () ->
            tp.completions()
                .record(officer, CompletionService.Request.inApp(assignment.id(), before, 90, "o")),
        "completedOn",
        before.toString());
    rejects(
        () ->
            tp.completions()
                .record(
                    officer,
                    CompletionService.Request.inApp(assignment.id(), TODAY.plusDays(1), 90, "o")),
        "completedOn",
        TODAY.plusDays(1).toString());
  }

  @Test
  void aManualEntryNeedsAJustificationAndEvidenceNeedsAHash() {
    rejects(
        () ->
            tp.completions()
                .record(
                    officer,
                    new CompletionService.Request(
                        assignment.id(),
                        TODAY,
                        90,
                        null,
                        new Provenance(CompletionMethod.MANUAL_ENTRY, "o", null, null, null),
                        List.of())),
        "provenance.justification",
        null);
    rejects(
        () ->
            tp.completions()
                .record(
                    officer,
                    new CompletionService.Request(
                        assignment.id(),
                        TODAY,
                        90,
                        null,
                        Provenance.inApp("o"),
                        List.of(new EvidenceFile("sheet.pdf", "abc")))),
        "evidence.sha256",
        "abc");
  }

  @Test
  void historyIsNeverRewritten() {
    rejects(
        () ->
            tp.workforce()
                .change(
                    officer,
                    member.id(),
                    WorkforceService.MemberChange.roles(
                        member.engagedOn().minusDays(1), Set.of("it"))),
        "effectiveOn",
        member.engagedOn().minusDays(1).toString());
  }

  @Test
  void aDuplicateExternalIdIsAConflictAndAnotherOrganizationIsForbidden() {
    List<Object> before = state();
    assertThatThrownBy(() -> tp.workforce().hire(officer, hire(member.externalId(), "ICU", TODAY)))
        .isInstanceOf(ConflictException.class);
    Fixtures other = Fixtures.organization(tp, ZONE);
    assertThatThrownBy(() -> tp.workforce().get(other.officer(), member.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> tp.workforce().hire(Actor.platform("p"), hire("E77", "ICU", TODAY)))
        .isInstanceOf(ForbiddenException.class);
    assertThat(state()).isEqualTo(before);
  }
}
