package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ConflictException;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.event.TrainproofEvent;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.workforce.WorkforceService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several calls in one unit of work, dry runs, keyset pages, and idempotent imports. */
class UnitOfWorkAndImportTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Kathmandu");
  static final LocalDate TODAY = LocalDate.of(2026, 8, 3);
  Trainproof tp;
  Fixtures fx;
  Course course;
  final List<TrainproofEvent> events = new ArrayList<>();

  @BeforeEach
  void setUp() {
    SettableClock clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(11, 0), ZONE).toInstant());
    tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).listener(events::add).build();
    fx = Fixtures.organization(tp, ZONE);
    course = fx.course("C");
    fx.requirement("R", Fixtures.terms(course, TODAY.minusYears(1)).build());
    events.clear();
  }

  private WorkforceService.NewMember hire(String id) {
    return new WorkforceService.NewMember(
        id, "N " + id, WorkforceType.EMPLOYEE, Set.of("nurse"), "D", null, TODAY);
  }

  private int auditSize() {
    return tp.audit()
        .entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
        .size();
  }

  @Test
  void atomicallyCommitsAllOrNothingAndPublishesAfterTheCommit() {
    int before = auditSize();
    assertThatThrownBy(
            () ->
                tp.atomically(
                    () -> {
                      tp.workforce().hire(fx.officer(), hire("A"));
                      tp.workforce().hire(fx.officer(), hire("B"));
                      return tp.workforce().hire(fx.officer(), hire("A")); // duplicate external id
                    }))
        .isInstanceOf(ConflictException.class);
    assertThat(tp.workforce().list(fx.officer())).isEmpty();
    assertThat(auditSize()).isEqualTo(before);
    assertThat(events).isEmpty();
    tp.atomically(
        () -> {
          tp.workforce().hire(fx.officer(), hire("A"));
          assertThat(events).as("nothing published before the commit").isEmpty();
          return tp.workforce().hire(fx.officer(), hire("B"));
        });
    assertThat(tp.workforce().list(fx.officer())).hasSize(2);
    assertThat(events)
        .extracting(TrainproofEvent::type)
        .containsExactly(
            "MEMBER_HIRED", "ASSIGNMENT_CREATED", "MEMBER_HIRED", "ASSIGNMENT_CREATED");
    assertThat(tp.audit().verify(fx.officer()).intact()).isTrue();
  }

  @Test
  void aRefusalInsideAUnitOfWorkIsAuditedAfterTheRollback() {
    Actor member = new Actor("u-x", ActorRole.MEMBER, fx.org().id(), null);
    int before = auditSize();
    assertThatThrownBy(
            () ->
                tp.atomically(
                    () -> {
                      tp.workforce().hire(fx.officer(), hire("A"));
                      return tp.workforce().hire(member, hire("B"));
                    }))
        .isInstanceOf(ForbiddenException.class);
    assertThat(tp.workforce().list(fx.officer())).isEmpty();
    var entries =
        tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    assertThat(entries.subList(before, entries.size()))
        .extracting(e -> e.action())
        .containsExactly("FORBIDDEN");
  }

  @Test
  void aDryRunReportsWhatWouldHappenAndWritesNothing() {
    int before = auditSize();
    List<Assignment> wouldAssign =
        tp.dryRun(
            () -> {
              WorkforceMember m = tp.workforce().hire(fx.officer(), hire("A"));
              return tp.assignments().forMember(fx.officer(), m.id());
            });
    assertThat(wouldAssign)
        .singleElement()
        .satisfies(a -> assertThat(a.reason()).isEqualTo(AssignmentReason.ONBOARDING));
    assertThat(tp.workforce().list(fx.officer())).isEmpty();
    assertThat(auditSize()).isEqualTo(before);
    assertThat(events).isEmpty();
    assertThatThrownBy(() -> tp.atomically(() -> tp.dryRun(() -> 1)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void keysetPagesWalkEveryRecordOnceAndRespectScope() {
    for (int i = 0; i < 25; i++) {
      tp.workforce().hire(fx.officer(), hire("M" + i));
    }
    List<WorkforceMember> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<WorkforceMember> page = tp.workforce().page(fx.officer(), cursor, 7);
      all.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    assertThat(all).hasSize(25).doesNotHaveDuplicates();
    List<Assignment> assignments = new ArrayList<>();
    cursor = null;
    do {
      Page<Assignment> page = tp.assignments().page(fx.officer(), cursor, 10);
      assignments.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    assertThat(assignments).hasSize(25);
    Actor self = new Actor("u", ActorRole.MEMBER, fx.org().id(), all.get(3).id());
    assertThat(tp.assignments().page(self, null, 100).items())
        .extracting(Assignment::member)
        .containsOnly(all.get(3).id());
    assertThatThrownBy(() -> tp.workforce().page(fx.officer(), null, 0))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void anImportedCompletionIsIdempotentOnItsSourceAndAnswersTheOpenAssignment() {
    WorkforceMember m = tp.workforce().hire(fx.officer(), hire("A"));
    Provenance xapi =
        new Provenance(CompletionMethod.XAPI, fx.officer().id(), "lrs.example", "stmt-1", null);
    CompletionService.Import statement =
        new CompletionService.Import(m.id(), course.id(), null, TODAY, null, true, xapi, List.of());
    CompletionService.Outcome first = tp.completions().importCompletion(fx.officer(), statement);
    assertThat(first.closed()).hasSize(1);
    assertThat(first.completion().passed()).isTrue();
    CompletionService.Outcome again = tp.completions().importCompletion(fx.officer(), statement);
    assertThat(again.completion()).isEqualTo(first.completion());
    assertThat(again.closed()).isEmpty();
    assertThat(tp.completions().forMember(fx.officer(), m.id())).hasSize(1);
  }

  @Test
  void historyFromAnotherSystemGetsAnAssignmentDatedAtTheCompletion() {
    WorkforceMember m =
        tp.workforce()
            .hire(
                fx.officer(),
                new WorkforceService.NewMember(
                    "OLD",
                    "Old timer",
                    WorkforceType.EMPLOYEE,
                    Set.of("nurse"),
                    "D",
                    null,
                    LocalDate.of(2019, 5, 1)));
    Assignment onboarding = tp.assignments().forMember(fx.officer(), m.id()).get(0);
    Provenance history =
        new Provenance(
            CompletionMethod.HISTORICAL_IMPORT, fx.officer().id(), "legacy.csv", "line 7", null);
    // The open onboarding assignment is answered by the import.
    tp.completions()
        .importCompletion(
            fx.officer(),
            new CompletionService.Import(
                m.id(), course.id(), null, LocalDate.of(2020, 3, 1), 88, null, history, List.of()));
    assertThat(tp.assignments().get(fx.officer(), onboarding.id()).isOpen()).isFalse();
    // A second, older record with no open assignment gets one of its own, dated at the completion.
    Provenance older =
        new Provenance(
            CompletionMethod.HISTORICAL_IMPORT, fx.officer().id(), "legacy.csv", "line 6", null);
    tp.completions()
        .importCompletion(
            fx.officer(),
            new CompletionService.Import(
                m.id(), course.id(), null, LocalDate.of(2019, 6, 1), 70, null, older, List.of()));
    assertThat(tp.assignments().forMember(fx.officer(), m.id()))
        .filteredOn(a -> a.dedupeKey().startsWith("IMPORT:"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.assignedOn()).isEqualTo(LocalDate.of(2019, 6, 1));
              assertThat(a.isOpen())
                  .isTrue(); // 70 is below the pass mark of 80: an attempt, kept open
            });
    assertThatThrownBy(
            () ->
                tp.completions()
                    .importCompletion(
                        fx.officer(),
                        new CompletionService.Import(
                            m.id(),
                            course.id(),
                            null,
                            LocalDate.of(2019, 4, 1),
                            90,
                            null,
                            new Provenance(
                                CompletionMethod.HISTORICAL_IMPORT,
                                "o",
                                "legacy.csv",
                                "line 2",
                                null),
                            List.of())))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("completedOn"));
    assertThatThrownBy(
            () ->
                tp.completions()
                    .importCompletion(
                        fx.officer(),
                        new CompletionService.Import(
                            m.id(),
                            course.id(),
                            null,
                            TODAY,
                            90,
                            null,
                            Provenance.inApp("o"),
                            List.of())))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("provenance.source"));
  }
}
