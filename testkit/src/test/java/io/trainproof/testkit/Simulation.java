package io.trainproof.testkit;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.status.RequirementStatus;
import io.trainproof.core.workforce.WorkforceService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A random organization living through random events, one local day at a time, with the renewal
 * scheduler swept every day as a host would. Used by the engine properties.
 */
final class Simulation {
  static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Asia/Kathmandu"),
          ZoneId.of("America/St_Johns"),
          ZoneId.of("Pacific/Chatham"),
          ZoneId.of("Europe/London"),
          ZoneId.of("UTC"));
  static final List<String> ROLES = List.of("nurse", "clerk", "it");

  enum Action {
    HIRE,
    CHANGE_ROLES,
    LEAVE,
    RETURN,
    TERMINATE,
    PASS,
    FAIL,
    MATERIAL_CHANGE,
    WAIVE,
    EXTEND,
    NOTHING
  }

  record Event(int gapDays, Action action, int pick) {}

  record Rule(
      Set<String> audienceRoles,
      int initialDueDays,
      Recurrence recurrence,
      Period window,
      Period minimumActive,
      int graceDays,
      Integer retrainWithinDays) {}

  record Setup(
      ZoneId zone, LocalDate start, LocalTime timeOfDay, List<Rule> rules, List<Event> events) {}

  static Arbitrary<Setup> setups() {
    Arbitrary<ZoneId> zones = Arbitraries.of(ZONES);
    Arbitrary<LocalDate> starts =
        Arbitraries.longs()
            .between(LocalDate.of(2023, 1, 1).toEpochDay(), LocalDate.of(2028, 12, 31).toEpochDay())
            .map(LocalDate::ofEpochDay);
    Arbitrary<LocalTime> times =
        Arbitraries.of(
            LocalTime.of(0, 30),
            LocalTime.of(1, 30),
            LocalTime.of(2, 30),
            LocalTime.of(9, 0),
            LocalTime.of(23, 45));
    Arbitrary<List<Rule>> rules = rules().list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<List<Event>> events = events().list().ofMinSize(1).ofMaxSize(50);
    return Combinators.combine(zones, starts, times, rules, events).as(Setup::new);
  }

  static Arbitrary<Event> events() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 12),
            // Hires and passes drive most of what the engine does; give them more weight.
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(Action.HIRE)),
                net.jqwik.api.Tuple.of(5, Arbitraries.just(Action.PASS)),
                net.jqwik.api.Tuple.of(9, Arbitraries.of(Action.class))),
            Arbitraries.integers().between(0, 1000))
        .as(Event::new);
  }

  static Arbitrary<Rule> rules() {
    Arbitrary<Set<String>> audience = Arbitraries.of(ROLES).set().ofMaxSize(2);
    Arbitrary<Recurrence> recurrence =
        Arbitraries.oneOf(
            Arbitraries.just(Recurrence.none()),
            Combinators.combine(
                    Arbitraries.of(
                        Period.ofMonths(1),
                        Period.ofMonths(6),
                        Period.ofYears(1),
                        Period.ofMonths(13),
                        Period.ofDays(45)),
                    Arbitraries.of(Recurrence.CountFrom.class))
                .as(Recurrence::every),
            Arbitraries.of(
                    MonthDay.of(1, 31),
                    MonthDay.of(2, 29),
                    MonthDay.of(3, 31),
                    MonthDay.of(10, 15),
                    MonthDay.of(12, 31))
                .map(Recurrence::fixedDate));
    return Combinators.combine(
            audience,
            Arbitraries.integers().between(0, 45),
            recurrence,
            Arbitraries.of(Period.ZERO, Period.ofDays(14), Period.ofDays(30)),
            Arbitraries.of(Period.ZERO, Period.ofMonths(3), Period.ofMonths(6)),
            Arbitraries.integers().between(0, 14),
            Arbitraries.integers().between(0, 60).injectNull(0.4))
        .as(Rule::new);
  }

  final Setup setup;
  final SettableClock clock;
  final Trainproof tp;
  final Fixtures fx;
  final Actor officer;
  final Policy policy;
  final List<Requirement> requirements = new ArrayList<>();
  final List<WorkforceMember> hired = new ArrayList<>();

  /** For each terminated member, the instant the termination was recorded. */
  final Map<WorkforceMember, Instant> terminatedAt = new HashMap<>();

  ZonedDateTime now;
  int counter;

  Simulation(Setup setup) {
    this.setup = setup;
    this.now = ZonedDateTime.of(setup.start(), setup.timeOfDay(), setup.zone());
    this.clock = SettableClock.at(now.toInstant());
    this.tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    this.fx = Fixtures.organization(tp, setup.zone());
    this.officer = fx.officer();
    this.policy = fx.policy("POL", setup.start().minusYears(1));
    Course course = fx.course("COURSE", policy);
    Course other = fx.course("OTHER", policy);
    int i = 0;
    for (Rule rule : setup.rules()) {
      Course c = i++ % 2 == 0 ? course : other;
      Fixtures.TermsBuilder terms =
          Fixtures.terms(c, setup.start())
              .audience(new Audience(rule.audienceRoles(), Set.of(), Set.of()))
              .initialDueDays(rule.initialDueDays())
              .recurrence(rule.recurrence(), clampWindow(rule))
              .minimumActive(rule.minimumActive())
              .graceDays(rule.graceDays());
      if (rule.retrainWithinDays() != null) {
        terms.retrainWithinDays(rule.retrainWithinDays());
      }
      requirements.add(fx.requirement("R" + i, terms.build()));
    }
  }

  @SuppressWarnings("JavaPeriodGetDays") // why: rules() makes windows of whole days only
  private static Period clampWindow(Rule rule) {
    if (rule.recurrence() instanceof Recurrence.Every every
        && every.period().equals(Period.ofMonths(1))
        && rule.window().getDays() > 28) {
      return Period.ofDays(14);
    }
    if (rule.recurrence() instanceof Recurrence.FixedDate
        && !rule.minimumActive().isZero()
        && rule.window().getDays() > 28) {
      return Period.ofDays(14);
    }
    return rule.window();
  }

  LocalDate today() {
    return now.toLocalDate();
  }

  /** Moves to the next local day at the same local time (so DST never skips a date). */
  void nextDay() {
    now = ZonedDateTime.of(now.toLocalDate().plusDays(1), setup.timeOfDay(), setup.zone());
    clock.set(now.toInstant());
  }

  /**
   * Runs every event; before each day's events, sweeps and calls the day hook.
   *
   * @param beforeEvents called each day after the sweep and before that day's event
   */
  void run(DayHook beforeEvents) {
    for (Event e : setup.events()) {
      for (int d = 0; d < e.gapDays(); d++) {
        nextDay();
        tp.scheduler().sweep();
        beforeEvents.day(this);
      }
      apply(e);
    }
  }

  interface DayHook {
    void day(Simulation sim);
  }

  List<WorkforceMember> members() {
    return tp.workforce().list(officer);
  }

  private <T> T pick(List<T> list, int pick) {
    return list.get(pick % list.size());
  }

  void apply(Event e) {
    List<WorkforceMember> members = members();
    List<WorkforceMember> active =
        members.stream().filter(m -> m.latestTerms().status() == MemberStatus.ACTIVE).toList();
    List<WorkforceMember> onLeave =
        members.stream().filter(m -> m.latestTerms().status() == MemberStatus.ON_LEAVE).toList();
    try {
      switch (e.action()) {
        case HIRE ->
            hired.add(
                tp.workforce()
                    .hire(
                        officer,
                        new WorkforceService.NewMember(
                            "X" + ++counter,
                            "M" + counter,
                            WorkforceType.EMPLOYEE,
                            Set.of(pick(ROLES, e.pick())),
                            "D",
                            null,
                            today())));
        case CHANGE_ROLES -> {
          if (!active.isEmpty()) {
            tp.workforce()
                .change(
                    officer,
                    pick(active, e.pick()).id(),
                    WorkforceService.MemberChange.roles(
                        today(), Set.of(pick(ROLES, e.pick() / 7))));
          }
        }
        case LEAVE -> {
          if (!active.isEmpty()) {
            tp.workforce().startLeave(officer, pick(active, e.pick()).id(), today());
          }
        }
        case RETURN -> {
          if (!onLeave.isEmpty()) {
            WorkforceMember m = pick(onLeave, e.pick());
            if (today().isAfter(m.latestTerms().effectiveFrom())) {
              tp.workforce().returnFromLeave(officer, m.id(), today());
            }
          }
        }
        case TERMINATE -> {
          List<WorkforceMember> notTerminated =
              members.stream()
                  .filter(m -> m.latestTerms().status() != MemberStatus.TERMINATED)
                  .toList();
          if (!notTerminated.isEmpty()) {
            WorkforceMember m = pick(notTerminated, e.pick());
            tp.workforce().terminate(officer, m.id(), today());
            terminatedAt.put(m, clock.instant());
          }
        }
        case PASS, FAIL -> {
          List<Assignment> open = openAssignments();
          if (!open.isEmpty()) {
            tp.completions()
                .record(
                    officer,
                    CompletionService.Request.inApp(
                        pick(open, e.pick()).id(),
                        today(),
                        e.action() == Action.PASS ? 100 : 10,
                        officer.id()));
          }
        }
        case MATERIAL_CHANGE ->
            fx.materialChange(
                policy,
                today().plusDays(e.pick() % 30 + 1),
                e.pick() % 2 == 0 ? new String[0] : new String[] {pick(ROLES, e.pick())});
        case WAIVE -> {
          List<Assignment> open = openAssignments();
          if (!open.isEmpty()) {
            tp.assignments()
                .waive(officer, pick(open, e.pick()).id(), "equivalent training elsewhere");
          }
        }
        case EXTEND -> {
          List<Assignment> open = openAssignments();
          if (!open.isEmpty()) {
            Assignment a = pick(open, e.pick());
            tp.assignments()
                .extend(officer, a.id(), a.currentDueOn().plusDays(e.pick() % 20 + 1), "approved");
          }
        }
        case NOTHING -> {}
      }
    } catch (ValidationException expected) {
      // An event that is not valid now (e.g. a material change not after the last one) is
      // refused; the property is about what the valid ones do.
    }
  }

  List<Assignment> openAssignments() {
    List<Assignment> open = new ArrayList<>();
    for (WorkforceMember m : members()) {
      tp.assignments().forMember(officer, m.id()).stream()
          .filter(Assignment::isOpen)
          .forEach(open::add);
    }
    return open;
  }

  List<Assignment> allAssignments() {
    List<Assignment> all = new ArrayList<>();
    for (WorkforceMember m : members()) {
      all.addAll(tp.assignments().forMember(officer, m.id()));
    }
    return all;
  }

  /** Every status entry of every member as of a date (members with none are left out). */
  Map<String, List<RequirementStatus>> statusAsOf(LocalDate date) {
    Map<String, List<RequirementStatus>> result = new HashMap<>();
    for (WorkforceMember m : members()) {
      List<RequirementStatus> entries = tp.status().forMember(officer, m.id(), date);
      if (!entries.isEmpty()) {
        result.put(m.externalId(), entries);
      }
    }
    return result;
  }

  RequirementTerms termsOf(Requirement r) {
    return r.termsOn(today()).orElseThrow();
  }
}
