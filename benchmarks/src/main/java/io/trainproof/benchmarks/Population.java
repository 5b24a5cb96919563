package io.trainproof.benchmarks;

import io.trainproof.core.Trainproof;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A workforce in steady state, built through the services on any store: {@code requirements} yearly
 * requirements (counted from completion, a 30-day renewal window), every member hired more than a
 * year before {@link #START} and trained on every requirement once, completion dates spread evenly
 * over the year before {@link #START} (member {@code m} of {@code n} on {@code START - 1 - m * 365
 * / n}). On {@link #START} the renewal window is open for about a twelfth of the members (those who
 * completed 335 to 365 days earlier); each later day opens it for about 1/365 more.
 */
final class Population {
  static final ZoneId ZONE = ZoneId.of("America/Chicago");

  /** The day the measured sweep runs. */
  static final LocalDate START = LocalDate.of(2026, 1, 5);

  static final LocalDate HIRED = START.minusDays(400);

  final SettableClock clock;
  final Trainproof trainproof;
  final Fixtures fx;
  final List<WorkforceMember> members = new ArrayList<>();

  private Population(SettableClock clock, Trainproof trainproof, Fixtures fx) {
    this.clock = clock;
    this.trainproof = trainproof;
    this.fx = fx;
  }

  static SettableClock clockAt(LocalDate day) {
    return SettableClock.at(day.atTime(9, 0).atZone(ZONE).toInstant());
  }

  /**
   * Builds the population; the clock ends on {@link #START}.
   *
   * @param builder a Trainproof builder with its store set
   * @param members members to hire
   * @param requirements requirements, each on its own course
   * @return the population
   */
  static Population build(Trainproof.Builder builder, int members, int requirements) {
    SettableClock clock = clockAt(HIRED);
    Trainproof tp = builder.clock(clock).build();
    Fixtures fx = Fixtures.organization(tp, ZONE);
    Population p = new Population(clock, tp, fx);
    for (int r = 0; r < requirements; r++) {
      Course course = fx.course("COURSE-" + r);
      fx.requirement(
          "Requirement " + r,
          Fixtures.terms(course, HIRED.minusYears(1))
              .recurrence(
                  Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                  Period.ofDays(30))
              .initialDueDays(365)
              .build());
    }
    for (int m = 0; m < members; m++) {
      p.members.add(fx.hire(HIRED, "Dept-" + (m % 20), "staff"));
    }
    // Completions in date order, day START - 365 first; member m on START - 1 - m * 365 / members.
    List<List<Integer>> byDay = new ArrayList<>();
    for (int back = 0; back <= 365; back++) {
      byDay.add(new ArrayList<>());
    }
    for (int m = 0; m < members; m++) {
      byDay.get(1 + (int) ((long) m * 365 / members)).add(m);
    }
    for (int back = 365; back >= 1; back--) {
      LocalDate day = START.minusDays(back);
      clock.set(day.atTime(9, 0).atZone(ZONE).toInstant());
      for (int m : byDay.get(back)) {
        for (Assignment a : tp.assignments().forMember(fx.officer(), p.members.get(m).id())) {
          if (a.isOpen()) {
            tp.completions()
                .record(
                    fx.officer(),
                    CompletionService.Request.inApp(a.id(), day, 100, fx.officer().id()));
          }
        }
      }
    }
    clock.set(START.atTime(9, 0).atZone(ZONE).toInstant());
    return p;
  }
}
