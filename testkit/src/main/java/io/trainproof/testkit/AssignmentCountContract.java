package io.trainproof.testkit;

import static io.trainproof.testkit.ContractRecords.T0;
import static io.trainproof.testkit.ContractRecords.assignment;
import static io.trainproof.testkit.ContractRecords.newOrg;
import static io.trainproof.testkit.ContractRecords.read;
import static io.trainproof.testkit.ContractRecords.terms;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.spi.AssignmentCountQuery;
import io.trainproof.core.spi.AssignmentCounting;
import io.trainproof.core.spi.AssignmentCounts;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import io.trainproof.core.status.AssignmentSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for the assignment aggregates: the summary counts by dated facts, and a
 * store's fast count agrees with core's count from reads. {@link StoreContract} implements this
 * interface, so every store's contract test runs these cases with the rest. Each case works in
 * organizations of its own.
 */
public interface AssignmentCountContract {
  /**
   * @return the store under test, fresh (or shared) per test
   */
  Store store();

  /**
   * Pins the aggregate's rules (see {@link io.trainproof.core.status.AssignmentSummary}) with
   * counts computed by hand. Every assignment is assigned 2026-01-05 and due 2026-02-04; the
   * due-soon window is 14 days.
   */
  @Test
  default void assignmentSummaryCountsByDatedFacts() {
    Organization org = newOrg(store());
    WorkforceType emp = WorkforceType.EMPLOYEE;
    WorkforceType con = WorkforceType.CONTRACTOR;
    // A: ICU employee throughout, five assignments
    WorkforceMember a =
        insertMember(org, "A", "2025-02-28", terms("2025-02-28", emp, "ICU", MemberStatus.ACTIVE));
    insertAssignment(org, a, "a1", x -> x);
    insertAssignment(
        org,
        a,
        "a2",
        x ->
            x // extended on 02-01 to 03-06, then on 02-25 to 04-30
                .extended(
                    new DueDateChange(
                        LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 6), "officer", "leave"))
                .extended(
                    new DueDateChange(
                        LocalDate.of(2026, 2, 25), LocalDate.of(2026, 4, 30), "officer", "again")));
    insertAssignment(org, a, "a3", x -> x.closed(closure(AssignmentState.COMPLETED, "2026-01-20")));
    insertAssignment(org, a, "a4", x -> x.closed(closure(AssignmentState.WAIVED, "2026-02-10")));
    insertAssignment(org, a, "a5", x -> x.closed(closure(AssignmentState.CANCELLED, "2026-01-15")));
    // B: moves from ICU to Front on 02-01
    WorkforceMember b =
        insertMember(
            org,
            "B",
            "2025-02-28",
            terms("2025-02-28", emp, "ICU", MemberStatus.ACTIVE),
            terms("2026-02-01", emp, "Front", MemberStatus.ACTIVE));
    insertAssignment(org, b, "b1", x -> x);
    // C: ICU contractor, on leave from 02-01
    WorkforceMember c =
        insertMember(
            org,
            "C",
            "2025-02-28",
            terms("2025-02-28", con, "ICU", MemberStatus.ACTIVE),
            terms("2026-02-01", con, "ICU", MemberStatus.ON_LEAVE));
    insertAssignment(org, c, "c1", x -> x);
    // D: ICU employee, terminated from 01-25 (the assignment is left open on purpose)
    WorkforceMember d =
        insertMember(
            org,
            "D",
            "2025-02-28",
            terms("2025-02-28", emp, "ICU", MemberStatus.ACTIVE),
            terms("2026-01-25", emp, "ICU", MemberStatus.TERMINATED));
    insertAssignment(org, d, "d1", x -> x);
    // E: Front employee engaged 01-10, nothing assigned
    insertMember(org, "E", "2026-01-10", terms("2026-01-10", emp, "Front", MemberStatus.ACTIVE));
    // F: an ICU volunteer with two roles, engaged 03-01; the assignment (dated before) counts from
    // then
    WorkforceMember f =
        insertMember(
            org,
            "F",
            "2026-03-01",
            terms(
                "2026-03-01",
                WorkforceType.VOLUNTEER,
                "ICU",
                MemberStatus.ACTIVE,
                Set.of("nurse", "lead")));
    insertAssignment(org, f, "f1", y -> y);
    // another organization's facts never count
    Organization other = newOrg(store());
    WorkforceMember x =
        insertMember(
            other, "A", "2025-02-28", terms("2025-02-28", emp, "ICU", MemberStatus.ACTIVE));
    insertAssignment(other, x, "x1", y -> y);

    // before anything was assigned; E not yet engaged
    assertThat(summarize(org, "2026-01-04"))
        .containsExactly(
            row("ICU", emp, 3, 0, 0, 0, 0, 0, 0, 0, 0), row("ICU", con, 1, 0, 0, 0, 0, 0, 0, 0, 0));
    // everything open and pending (due 02-04 is after 01-10 + 14); the completion and the
    // cancellation are later facts
    assertThat(summarize(org, "2026-01-10"))
        .containsExactly(
            row("Front", emp, 1, 0, 0, 0, 0, 0, 0, 0, 0),
            row("ICU", emp, 3, 0, 0, 3, 7, 0, 0, 0, 0),
            row("ICU", con, 1, 0, 0, 1, 1, 0, 0, 0, 0));
    // due soon (02-04 <= 01-25 + 14); a3 completed, a5 cancelled (not counted); D terminated
    assertThat(summarize(org, "2026-01-25"))
        .containsExactly(
            row("Front", emp, 1, 0, 0, 0, 0, 0, 0, 0, 0),
            row("ICU", emp, 2, 0, 2, 0, 0, 4, 0, 1, 0),
            row("ICU", con, 1, 0, 1, 0, 0, 1, 0, 0, 0));
    // the due date itself is not overdue; a2 extended to 03-06 is pending; B now in Front; C on
    // leave
    assertThat(summarize(org, "2026-02-04"))
        .containsExactly(
            row("Front", emp, 2, 0, 1, 0, 0, 1, 0, 0, 0),
            row("ICU", emp, 1, 0, 1, 0, 1, 2, 0, 1, 0));
    // the day after: overdue (a4 is waived only on 02-10)
    assertThat(summarize(org, "2026-02-05"))
        .containsExactly(
            row("Front", emp, 2, 1, 0, 0, 0, 0, 1, 0, 0),
            row("ICU", emp, 1, 1, 0, 0, 1, 0, 2, 1, 0));
    // a4 waived; a2 due soon (03-06 <= 02-20 + 14); its second extension is not granted yet
    assertThat(summarize(org, "2026-02-20"))
        .containsExactly(
            row("Front", emp, 2, 1, 0, 0, 0, 0, 1, 0, 0),
            row("ICU", emp, 1, 1, 0, 0, 0, 1, 1, 1, 1));
    // past the first extended date, but the second extension (granted 02-25) moved it to 04-30;
    // F is a group of their own (another type and role set)
    assertThat(summarize(org, "2026-03-07"))
        .containsExactly(
            row("Front", emp, 2, 1, 0, 0, 0, 0, 1, 0, 0),
            row("ICU", emp, 1, 1, 0, 0, 1, 0, 1, 1, 1),
            new AssignmentSummary(
                "ICU",
                WorkforceType.VOLUNTEER,
                Set.of("lead", "nurse"),
                1,
                1,
                0,
                0,
                0,
                0,
                1,
                0,
                0));
    // an organization with nobody active has no rows
    assertThat(summarize(newOrg(store()), "2026-03-07")).isEmpty();
  }

  /**
   * A store()'s fast assignment count ({@link io.trainproof.core.spi.AssignmentRepository#count})
   * gives exactly what core counts from plain reads ({@link AssignmentCounting#fromReads}), on
   * assignments open, closed every way, extended (before and after the as-of date), assigned or
   * closed after it, and due on each side of every band boundary, for several as-of dates, windows
   * and member statuses. A store() with no fast count has nothing to compare: core's count from
   * reads is what its summary uses, and {@link #assignmentSummaryCountsByDatedFacts} checks that by
   * hand.
   */
  @Test
  default void aFastAssignmentCountAgreesWithCoresCountFromReads() {
    Organization org = newOrg(store());
    LocalDate b = LocalDate.of(2026, 3, 10);
    LocalDate early = b.minusDays(60);
    WorkforceType emp = WorkforceType.EMPLOYEE;
    // M1: open assignments due on each side of the boundaries around b for windows 0, 1 and 14
    WorkforceMember m1 =
        insertMember(org, "M1", "2025-01-01", terms("2025-01-01", emp, "ICU", MemberStatus.ACTIVE));
    int[] offsets = {-2, -1, 0, 1, 2, 13, 14, 15, 16};
    for (int o : offsets) {
      insertDue(org, m1, "m1-" + o, early, b.plusDays(o), x -> x);
    }
    // M2, same group: completed, waived and cancelled at different dates, one started, one
    // assigned only after b, one closed after being extended
    WorkforceMember m2 =
        insertMember(org, "M2", "2025-01-01", terms("2025-01-01", emp, "ICU", MemberStatus.ACTIVE));
    insertDue(
        org,
        m2,
        "m2-completed",
        early,
        b.plusDays(5),
        x -> x.closed(closure(AssignmentState.COMPLETED, b.toString())));
    insertDue(
        org,
        m2,
        "m2-waived",
        early,
        b.minusDays(3),
        x -> x.closed(closure(AssignmentState.WAIVED, b.plusDays(2).toString())));
    insertDue(
        org,
        m2,
        "m2-cancelled",
        early,
        b.plusDays(1),
        x -> x.closed(closure(AssignmentState.CANCELLED, b.minusDays(1).toString())));
    insertDue(org, m2, "m2-started", early, b.plusDays(14), x -> x.started(b.minusDays(20)));
    insertDue(org, m2, "m2-later", b.plusDays(3), b.plusDays(10), x -> x);
    insertDue(
        org,
        m2,
        "m2-extended-closed",
        early,
        b.minusDays(5),
        x ->
            x.extended(new DueDateChange(b.minusDays(10), b.plusDays(1), "officer", "leave"))
                .closed(closure(AssignmentState.COMPLETED, b.plusDays(1).toString())));
    // M3, another group (type and roles): extensions granted before and after b, one granted
    // before the assignment's original due date moves it back into an earlier band
    WorkforceMember m3 =
        insertMember(
            org,
            "M3",
            "2025-01-01",
            terms(
                "2025-01-01",
                WorkforceType.CONTRACTOR,
                "Front",
                MemberStatus.ACTIVE,
                Set.of("nurse", "lead")));
    insertDue(
        org,
        m3,
        "m3-twice",
        early,
        b.minusDays(5),
        x ->
            x.extended(new DueDateChange(b.minusDays(10), b.plusDays(3), "officer", "leave"))
                .extended(new DueDateChange(b.plusDays(2), b.plusDays(20), "officer", "again")));
    insertDue(
        org,
        m3,
        "m3-shortened",
        early,
        b.plusDays(30),
        x -> x.extended(new DueDateChange(b.minusDays(1), b.plusDays(14), "officer", "moved up")));
    insertDue(
        org,
        m3,
        "m3-granted-on-b",
        early,
        b.minusDays(1),
        x -> x.extended(new DueDateChange(b, b.plusDays(15), "officer", "granted on the day")));
    // M4: moves department on b+1, on leave from b+14
    WorkforceMember m4 =
        insertMember(
            org,
            "M4",
            "2025-01-01",
            terms("2025-01-01", emp, "ICU", MemberStatus.ACTIVE),
            terms(b.plusDays(1).toString(), emp, "Front", MemberStatus.ACTIVE),
            terms(b.plusDays(14).toString(), emp, "Front", MemberStatus.ON_LEAVE));
    insertDue(org, m4, "m4", early, b, x -> x);
    // M5: terminated on b with an open assignment; M6: engaged on b+14 with one assigned before;
    // M7: nothing assigned
    WorkforceMember m5 =
        insertMember(
            org,
            "M5",
            "2025-01-01",
            terms("2025-01-01", emp, "ICU", MemberStatus.ACTIVE),
            terms(b.toString(), emp, "ICU", MemberStatus.TERMINATED));
    insertDue(org, m5, "m5", early, b.plusDays(1), x -> x);
    WorkforceMember m6 =
        insertMember(
            org,
            "M6",
            b.plusDays(14).toString(),
            terms(b.plusDays(14).toString(), emp, "ICU", MemberStatus.ACTIVE));
    insertDue(org, m6, "m6", early, b.plusDays(7), x -> x);
    insertMember(org, "M7", "2025-01-01", terms("2025-01-01", emp, "ICU", MemberStatus.ACTIVE));
    // another organization's facts never count
    Organization other = newOrg(store());
    WorkforceMember x1 =
        insertMember(
            other, "M1", "2025-01-01", terms("2025-01-01", emp, "ICU", MemberStatus.ACTIVE));
    insertDue(other, x1, "x1", early, b, y -> y);

    int compared = 0;
    for (int day = -20; day <= 40; day++) {
      LocalDate asOf = b.plusDays(day);
      for (int window : new int[] {0, 1, 14}) {
        for (MemberStatus status :
            new MemberStatus[] {MemberStatus.ACTIVE, MemberStatus.ON_LEAVE}) {
          compared +=
              agree(
                  new AssignmentCountQuery(
                      org.id(), asOf, status, asOf.minusDays(1), asOf.plusDays(window)));
        }
      }
      // bands of other shapes: an empty second band, and a first band reaching past the date
      compared += agree(new AssignmentCountQuery(org.id(), asOf, MemberStatus.ACTIVE, asOf, asOf));
      compared +=
          agree(
              new AssignmentCountQuery(
                  org.id(), asOf, MemberStatus.ACTIVE, asOf.plusDays(3), asOf.plusDays(9)));
    }
    compared +=
        agree(
            new AssignmentCountQuery(
                newOrg(store()).id(), b, MemberStatus.ACTIVE, b.minusDays(1), b.plusDays(14)));
    // The data is rich enough to tell bands apart: core's count sees every band and closure.
    List<AssignmentCounts> onB =
        read(
            store(),
            (Transaction t) ->
                AssignmentCounting.fromReads(
                    t,
                    new AssignmentCountQuery(
                        org.id(), b, MemberStatus.ACTIVE, b.minusDays(1), b.plusDays(14))));
    assertThat(onB).extracting(AssignmentCounts::department).contains("ICU", "Front");
    assertThat(onB.stream().mapToLong(AssignmentCounts::openInFirstBand).sum()).isPositive();
    assertThat(onB.stream().mapToLong(AssignmentCounts::openInSecondBand).sum()).isPositive();
    assertThat(onB.stream().mapToLong(AssignmentCounts::openInThirdBand).sum()).isPositive();
    assertThat(onB.stream().mapToLong(AssignmentCounts::completed).sum()).isPositive();
    assertThat(onB.stream().mapToLong(AssignmentCounts::cancelled).sum()).isPositive();
    Assumptions.assumeTrue(
        compared > 0,
        "this store() has no fast assignment count (AssignmentRepository.count is"
            + " empty): core counts from plain reads, which assignmentSummaryCountsByDatedFacts checks by hand");
  }

  private WorkforceMember insertMember(
      Organization org, String externalId, String engagedOn, MemberTerms... history) {
    return read(
        store(),
        (Transaction t) ->
            t.members()
                .insert(
                    new WorkforceMember(
                        Id.random(),
                        org.id(),
                        externalId,
                        "Name " + externalId,
                        LocalDate.parse(engagedOn),
                        List.of(history),
                        0)));
  }

  /**
   * Assigned 2026-01-05, due 2026-02-04, then changed by {@code change} in a second transaction.
   */
  private void insertAssignment(
      Organization org, WorkforceMember m, String key, Function<Assignment, Assignment> change) {
    Assignment a = assignment(org, m, key);
    read(store(), (Transaction t) -> t.assignments().insertIfAbsent(a));
    Assignment changed = change.apply(a);
    if (!changed.equals(a)) {
      read(store(), (Transaction t) -> t.assignments().update(changed));
    }
  }

  private static Closure closure(AssignmentState state, String on) {
    return new Closure(
        state,
        LocalDate.parse(on),
        T0.plusSeconds(86_400),
        "officer",
        "because",
        state == AssignmentState.COMPLETED ? Id.random() : null);
  }

  private static AssignmentSummary row(
      String department,
      WorkforceType type,
      long members,
      long membersOverdue,
      long membersDueSoon,
      long membersPending,
      long pending,
      long dueSoon,
      long overdue,
      long completed,
      long waived) {
    return new AssignmentSummary(
        department,
        type,
        Set.of("nurse"),
        members,
        membersOverdue,
        membersDueSoon,
        membersPending,
        pending,
        dueSoon,
        overdue,
        completed,
        waived);
  }

  /**
   * The organization's summary as the public API gives it on this store(), with a 14-day due-soon
   * window: core decides what the counts mean, the store() counts (its fast count if it has one,
   * else core's count from plain reads).
   */
  private List<AssignmentSummary> summarize(Organization org, String asOf) {
    Trainproof tp = Trainproof.builder().store(store()).dueSoonDays(14).build();
    return tp.status()
        .summary(Actor.complianceOfficer("officer-1", org.id()), LocalDate.parse(asOf));
  }

  /** An assignment of {@code m} assigned on {@code assignedOn} and due on {@code dueOn}. */
  private Assignment insertDue(
      Organization org,
      WorkforceMember m,
      String key,
      LocalDate assignedOn,
      LocalDate dueOn,
      Function<Assignment, Assignment> change) {
    Assignment a =
        assignment(org, m, key).toBuilder()
            .assignedOn(assignedOn)
            .anchorOn(assignedOn)
            .dueOn(dueOn)
            .build();
    read(store(), (Transaction t) -> t.assignments().insertIfAbsent(a));
    Assignment changed = change.apply(a);
    return changed.equals(a)
        ? a
        : read(store(), (Transaction t) -> t.assignments().update(changed));
  }

  /**
   * @return 1 when the store() has a fast count for the query (and it agreed), 0 when it has none
   */
  private int agree(AssignmentCountQuery query) {
    return read(
        store(),
        (Transaction t) -> {
          Optional<List<AssignmentCounts>> fast = t.assignments().count(query);
          if (fast.isEmpty()) {
            return 0;
          }
          assertThat(fast.get())
              .as("fast count for %s", query)
              .containsExactlyInAnyOrderElementsOf(AssignmentCounting.fromReads(t, query));
          return 1;
        });
  }
}
