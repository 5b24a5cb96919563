package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Trainproof;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Period;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Renewals follow the recurrence rule exactly, across month ends, leap days and DST, in odd zones:
 * two cycles are driven by daily sweeps and checked against an independent oracle.
 */
class RecurrencePropertiesTest {

  record Case(
      ZoneId zone,
      LocalTime time,
      LocalDate hireOn,
      Recurrence recurrence,
      Period window,
      Period minimumActive) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<LocalDate> dates =
        Arbitraries.oneOf(
            // Month ends and leap days are where date arithmetic goes wrong.
            Arbitraries.of(
                LocalDate.of(2024, 1, 31),
                LocalDate.of(2024, 2, 29),
                LocalDate.of(2023, 2, 28),
                LocalDate.of(2027, 12, 31),
                LocalDate.of(2028, 2, 29),
                LocalDate.of(2025, 3, 30),
                LocalDate.of(2026, 10, 31)),
            Arbitraries.longs()
                .between(
                    LocalDate.of(2023, 1, 1).toEpochDay(), LocalDate.of(2030, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay));
    Arbitrary<Recurrence> recurrences =
        Arbitraries.oneOf(
            Combinators.combine(
                    Arbitraries.of(
                        Period.ofMonths(1),
                        Period.ofMonths(6),
                        Period.ofYears(1),
                        Period.ofYears(2),
                        Period.ofDays(90)),
                    Arbitraries.of(Recurrence.CountFrom.class))
                .as(Recurrence::every),
            Arbitraries.of(
                    MonthDay.of(2, 29),
                    MonthDay.of(1, 31),
                    MonthDay.of(3, 31),
                    MonthDay.of(11, 30),
                    MonthDay.of(12, 31))
                .map(Recurrence::fixedDate));
    return Combinators.combine(
            Arbitraries.of(Simulation.ZONES),
            Arbitraries.of(
                LocalTime.of(0, 15),
                LocalTime.of(2, 30),
                LocalTime.of(12, 0),
                LocalTime.of(23, 59)),
            dates,
            recurrences,
            Arbitraries.of(Period.ZERO, Period.ofDays(1), Period.ofDays(20)),
            Arbitraries.of(Period.ZERO, Period.ofMonths(2), Period.ofMonths(9)))
        .as(Case::new);
  }

  @Property(tries = 1000)
  void renewalsFollowTheRecurrenceRuleExactly(
      @ForAll("cases") Case c,
      @ForAll @IntRange(min = 0, max = 25) int firstDelay,
      @ForAll @IntRange(min = 0, max = 40) int secondDelay) {
    ZonedDateTime[] now = {ZonedDateTime.of(c.hireOn(), c.time(), c.zone())};
    SettableClock clock = SettableClock.at(now[0].toInstant());
    Trainproof tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    Fixtures fx = Fixtures.organization(tp, c.zone());
    Course course = fx.course("C");
    fx.requirement(
        "R",
        Fixtures.terms(course, c.hireOn().minusYears(1))
            .initialDueDays(30)
            .recurrence(c.recurrence(), c.window())
            .minimumActive(c.minimumActive())
            .build());
    WorkforceMember m = fx.hire(c.hireOn(), "D", "nurse");

    Assignment onboarding = only(tp, fx, m);
    assertThat(onboarding.dueOn()).isEqualTo(c.hireOn().plusDays(30));
    Runnable nextDay =
        () -> {
          now[0] = ZonedDateTime.of(now[0].toLocalDate().plusDays(1), c.time(), c.zone());
          clock.set(now[0].toInstant());
          tp.scheduler().sweep();
        };
    for (int i = 0; i < firstDelay; i++) {
      nextDay.run();
    }
    LocalDate firstDone = now[0].toLocalDate();
    tp.completions()
        .record(
            fx.officer(), CompletionService.Request.inApp(onboarding.id(), firstDone, 100, "o"));

    LocalDate expectedDue = oracle(c, firstDone, onboarding, null);
    Assignment renewal = awaitRenewal(tp, fx, m, nextDay, expectedDue);
    assertThat(renewal.dueOn()).as("first renewal").isEqualTo(expectedDue);
    assertThat(renewal.assignedOn()).isEqualTo(latest(expectedDue.minus(c.window()), firstDone));

    for (int i = 0; i < secondDelay; i++) {
      nextDay.run();
    }
    LocalDate secondDone = now[0].toLocalDate();
    tp.completions()
        .record(fx.officer(), CompletionService.Request.inApp(renewal.id(), secondDone, 100, "o"));
    LocalDate expectedSecond = oracle(c, secondDone, renewal, renewal);
    Assignment second = awaitRenewal(tp, fx, m, nextDay, expectedSecond);
    assertThat(second.dueOn()).as("second renewal").isEqualTo(expectedSecond);
    assertThat(second.dueOn()).isAfter(secondDone);
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** An independent statement of the recurrence rules. */
  private static LocalDate oracle(
      Case c, LocalDate completedOn, Assignment closed, Assignment previousPeriodic) {
    if (c.recurrence() instanceof Recurrence.Every every) {
      if (every.from() == Recurrence.CountFrom.DUE_DATE) {
        int k = 1;
        while (!closed.dueOn().plus(every.period().multipliedBy(k)).isAfter(completedOn)) {
          k++;
        }
        return closed.dueOn().plus(every.period().multipliedBy(k));
      }
      LocalDate base =
          switch (every.from()) {
            case COMPLETION, DUE_DATE -> completedOn;
            case EXPIRY ->
                previousPeriodic != null && !completedOn.isAfter(previousPeriodic.dueOn())
                    ? previousPeriodic.dueOn()
                    : completedOn;
          };
      return base.plus(every.period());
    }
    MonthDay md = ((Recurrence.FixedDate) c.recurrence()).date();
    LocalDate earliest = completedOn.plus(c.minimumActive());
    for (int year = completedOn.getYear(); ; year++) {
      int day =
          md.getMonthValue() == 2 && md.getDayOfMonth() == 29 && !Year.isLeap(year)
              ? 28
              : md.getDayOfMonth();
      LocalDate d = LocalDate.of(year, md.getMonthValue(), day);
      if (d.isAfter(completedOn) && !d.isBefore(earliest)) {
        return d;
      }
    }
  }

  private static Assignment awaitRenewal(
      Trainproof tp, Fixtures fx, WorkforceMember m, Runnable nextDay, LocalDate due) {
    // Sweep day by day up to the due date; the renewal must exist by then.
    for (int guard = 0; guard < 1200; guard++) {
      List<Assignment> open =
          tp.assignments().forMember(fx.officer(), m.id()).stream()
              .filter(Assignment::isOpen)
              .toList();
      if (!open.isEmpty()) {
        assertThat(open).hasSize(1);
        assertThat(open.get(0).reason()).isEqualTo(AssignmentReason.PERIODIC);
        return open.get(0);
      }
      nextDay.run();
    }
    throw new AssertionError("no renewal created before " + due);
  }

  private static Assignment only(Trainproof tp, Fixtures fx, WorkforceMember m) {
    List<Assignment> all = tp.assignments().forMember(fx.officer(), m.id());
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
