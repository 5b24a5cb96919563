package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.assignment.AssignmentService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.NotificationKind;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The records' builders (set by name, fail fast naming what is missing) and the one assignment
 * writer: an assignment made by hand or for an imported completion is audited and announced exactly
 * as one the engine decides.
 */
class BuildersAndAssignmentWriterTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Kathmandu");
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

  @Test
  void anAssignmentBuiltByNameEqualsThePositionalOneAndCopiesThroughToBuilder() {
    Id<Assignment> id = Id.random();
    Id<Organization> org = Id.random();
    Id<WorkforceMember> member = Id.random();
    Id<Course> course = Id.random();
    Instant at = Instant.parse("2026-03-01T04:00:00Z");
    Assignment positional =
        new Assignment(
            id,
            org,
            member,
            course,
            null,
            AssignmentReason.MANUAL,
            null,
            "k",
            TODAY,
            at,
            "officer",
            TODAY.minusDays(1),
            TODAY.plusDays(30),
            List.of(),
            null,
            null,
            0);
    Assignment built =
        Assignment.builder()
            .id(id)
            .organization(org)
            .member(member)
            .course(course)
            .reason(AssignmentReason.MANUAL)
            .dedupeKey("k")
            .assignedOn(TODAY)
            .assignedAt(at)
            .assignedBy("officer")
            .anchorOn(TODAY.minusDays(1))
            .dueOn(TODAY.plusDays(30))
            .build();
    assertThat(built).isEqualTo(positional);
    assertThat(built.toBuilder().build()).isEqualTo(built);
    assertThat(built.toBuilder().version(3).build().version()).isEqualTo(3);
  }

  @Test
  void aBuilderNamesTheFirstRequiredComponentItWasNotGiven() {
    assertThatThrownBy(
            () ->
                Assignment.builder()
                    .id(Id.random())
                    .organization(Id.random())
                    .member(Id.random())
                    .course(Id.random())
                    .reason(AssignmentReason.MANUAL)
                    .dedupeKey("k")
                    .assignedOn(TODAY)
                    .assignedAt(Instant.EPOCH)
                    .assignedBy("o")
                    .anchorOn(TODAY)
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("assignment.dueOn"));
    assertThatThrownBy(
            () ->
                RequirementTerms.builder()
                    .effectiveFrom(TODAY)
                    .audience(Audience.everyone())
                    .course(Id.random())
                    .initialDueDays(30)
                    .recurrence(Recurrence.none())
                    .renewalWindow(Period.ZERO)
                    .minimumActive(Period.ZERO)
                    .reminders(ReminderSchedule.standard())
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("requirementTerms.graceDays"));
    assertThatThrownBy(() -> Completion.builder().build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("completion.id"));
  }

  @Test
  void termsBuiltByNameKeepTheTwoPeriodsAndTheTwoDayCountsApart() {
    Id<Course> course = Id.random();
    RequirementTerms built =
        RequirementTerms.builder()
            .effectiveFrom(TODAY)
            .audience(Audience.everyone())
            .course(course)
            .initialDueDays(30)
            .graceDays(7)
            .recurrence(Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION))
            .renewalWindow(Period.ofDays(60))
            .minimumActive(Period.ofMonths(6))
            .reminders(ReminderSchedule.none())
            .build();
    assertThat(built)
        .isEqualTo(
            new RequirementTerms(
                TODAY,
                Audience.everyone(),
                course,
                30,
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(60),
                Period.ofMonths(6),
                7,
                null,
                ReminderSchedule.none(),
                true));
    assertThat(built.withActive(TODAY.plusDays(1), false))
        .isEqualTo(built.toBuilder().effectiveFrom(TODAY.plusDays(1)).active(false).build());
  }

  @Test
  void aCompletionBuiltByNameEqualsThePositionalOne() {
    Id<Completion> id = Id.random();
    Id<Organization> org = Id.random();
    Id<WorkforceMember> member = Id.random();
    Id<Assignment> assignment = Id.random();
    Id<Course> course = Id.random();
    Id<CourseVersion> version = Id.random();
    Provenance provenance = Provenance.inApp("o");
    Completion positional =
        new Completion(
            id,
            org,
            member,
            Set.of("nurse"),
            WorkforceType.EMPLOYEE,
            assignment,
            course,
            version,
            null,
            Set.of(),
            AssignmentReason.ONBOARDING,
            null,
            null,
            TODAY.minusDays(9),
            TODAY.plusDays(20),
            TODAY.minusDays(1),
            Instant.EPOCH,
            91,
            true,
            provenance,
            List.of(),
            TODAY.plusYears(6));
    Completion built =
        Completion.builder()
            .id(id)
            .organization(org)
            .member(member)
            .roles(Set.of("nurse"))
            .workforceType(WorkforceType.EMPLOYEE)
            .assignment(assignment)
            .course(course)
            .courseVersion(version)
            .policyVersions(Set.of())
            .reason(AssignmentReason.ONBOARDING)
            .assignedOn(TODAY.minusDays(9))
            .dueOn(TODAY.plusDays(20))
            .completedOn(TODAY.minusDays(1))
            .recordedAt(Instant.EPOCH)
            .score(91)
            .passed(true)
            .provenance(provenance)
            .retentionUntil(TODAY.plusYears(6))
            .build();
    assertThat(built).isEqualTo(positional);
  }

  @Test
  void manualAndImportCreatedAssignmentsAreAuditedAndAnnouncedLikeTheEnginesOwn() {
    InMemoryStore store = new InMemoryStore();
    SettableClock clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(9, 0), ZONE).toInstant());
    Trainproof tp = Trainproof.builder().store(store).clock(clock).build();
    Fixtures fx = Fixtures.organization(tp, ZONE);
    Course course = fx.course("FIRE-DRILL");
    WorkforceMember m = fx.hire(TODAY.minusDays(100), "D", "nurse");

    Assignment manual =
        tp.assignments()
            .assign(
                fx.officer(),
                new AssignmentService.ManualAssignment(
                    m.id(), course.id(), TODAY.plusDays(14), false, "after the drill"));
    CompletionService.Outcome imported =
        tp.completions()
            .importCompletion(
                fx.officer(),
                new CompletionService.Import(
                    m.id(),
                    fx.course("BADGE").id(),
                    null,
                    TODAY.minusDays(5),
                    null,
                    true,
                    new Provenance(CompletionMethod.CLASSROOM, "o", "sign-in sheet", "row-1", null),
                    List.of()));
    Id<Assignment> importedId = imported.completion().assignment();

    List<Notification> outbox =
        store.inTransaction(tx -> tx.outbox().between(fx.org().id(), Instant.EPOCH, FAR));
    assertThat(outbox)
        .filteredOn(n -> n.kind() == NotificationKind.ASSIGNED)
        .extracting(Notification::idempotencyKey)
        .containsExactlyInAnyOrder("assigned:" + manual.id(), "assigned:" + importedId);
    List<AuditEntry> created =
        tp.audit().entries(fx.officer(), Instant.EPOCH, FAR).stream()
            .filter(e -> e.action().equals("ASSIGNMENT_CREATED"))
            .toList();
    assertThat(created)
        .extracting(AuditEntry::subjectId)
        .containsExactly(manual.id().toString(), importedId.toString());
    assertThat(created.get(0).details())
        .containsEntry("note", "after the drill")
        .containsEntry("reason", "MANUAL")
        .doesNotContainKeys("requirement", "anchorOn");
    assertThat(created.get(1).details())
        .containsEntry("note", "created for an imported completion from sign-in sheet")
        .containsEntry("dueOn", TODAY.minusDays(5).toString())
        .doesNotContainKeys("requirement", "anchorOn");
  }
}
