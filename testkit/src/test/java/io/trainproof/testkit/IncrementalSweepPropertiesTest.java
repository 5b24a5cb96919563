package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Trainproof;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.workforce.WorkforceService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The incremental sweep (issue 22) does exactly what the full sweep does. Two organizations on two
 * in-memory stores live through the same random history, day by day over many months: hires into
 * random roles (some engaged in the future), role changes, leaves and returns, terminations,
 * completions on random days (recorded or imported, sometimes backdated), due date extensions and
 * waivers, material policy changes, course releases, and requirement changes and retirements, each
 * effective now or later, some written before the day's sweep and some after it. Every day one runs
 * {@code sweep(false)} and the other {@code sweep(true)}; after every day both hold the same
 * assignments (course, requirement, reason, state, dates, closures), the same outbox messages and
 * the same audit entries of that day, compared with every id mapped to a name both share. A next
 * change date that is too late (a member skipped on a day something falls due) shows up as a
 * missing assignment, reminder or audit entry on that day.
 */
class IncrementalSweepPropertiesTest {
  static final ZoneId ZONE = ZoneId.of("America/St_Johns");
  static final LocalDate START = LocalDate.of(2026, 1, 26);
  static final List<Set<String>> ROLES =
      List.of(Set.of("nurse"), Set.of("doctor"), Set.of("clerk"), Set.of("nurse", "doctor"));
  static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** What can happen on a day. */
  enum Kind {
    HIRE,
    CHANGE_ROLE,
    LEAVE,
    RETURN,
    TERMINATE,
    COMPLETE,
    IMPORT,
    EXTEND,
    WAIVE,
    PUBLISH,
    RELEASE,
    CHANGE_REQUIREMENT,
    RETIRE_REQUIREMENT
  }

  /**
   * One event: its kind, three small numbers it interprets (a member, a role, a course, a day
   * offset...), and whether it is written after the day's sweep.
   */
  record Event(Kind kind, int a, int b, int c, boolean afterSweep) {}

  /** A day with events, {@code gap} days after the previous one. */
  record Day(int gap, List<Event> events) {}

  @Provide
  Arbitrary<List<Day>> histories() {
    Arbitrary<Event> event =
        Combinators.combine(
                Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.just(Kind.HIRE)),
                    Tuple.of(3, Arbitraries.just(Kind.CHANGE_ROLE)),
                    Tuple.of(2, Arbitraries.just(Kind.LEAVE)),
                    Tuple.of(2, Arbitraries.just(Kind.RETURN)),
                    Tuple.of(1, Arbitraries.just(Kind.TERMINATE)),
                    Tuple.of(6, Arbitraries.just(Kind.COMPLETE)),
                    Tuple.of(2, Arbitraries.just(Kind.IMPORT)),
                    Tuple.of(2, Arbitraries.just(Kind.EXTEND)),
                    Tuple.of(1, Arbitraries.just(Kind.WAIVE)),
                    Tuple.of(2, Arbitraries.just(Kind.PUBLISH)),
                    Tuple.of(1, Arbitraries.just(Kind.RELEASE)),
                    Tuple.of(2, Arbitraries.just(Kind.CHANGE_REQUIREMENT)),
                    Tuple.of(1, Arbitraries.just(Kind.RETIRE_REQUIREMENT))),
                Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99),
                Arbitraries.of(true, false))
            .as(Event::new);
    Arbitrary<Day> day =
        Combinators.combine(
                Arbitraries.integers().between(1, 40), event.list().ofMinSize(1).ofMaxSize(4))
            .as(Day::new);
    return day.list().ofMinSize(4).ofMaxSize(18);
  }

  /** One organization living through the history, swept fully or incrementally. */
  static final class Side {
    final boolean fullScan;
    final InMemoryStore store = new InMemoryStore();
    final SettableClock clock = SettableClock.at(START.atTime(9, 0).atZone(ZONE).toInstant());
    final Trainproof tp = Trainproof.builder().store(store).clock(clock).build();
    final Fixtures fx = Fixtures.organization(tp, ZONE);
    final List<WorkforceMember> hired = new ArrayList<>();
    final List<Requirement> requirements = new ArrayList<>();
    final List<Course> courses = new ArrayList<>();
    final Policy policy;
    long auditSeen;
    long visited;

    Side(boolean fullScan) {
      this.fullScan = fullScan;
      policy = fx.policy("SEC", LocalDate.of(2025, 1, 1));
      courses.add(fx.course("SEC-101", policy));
      courses.add(fx.course("CPR-1"));
      courses.add(fx.course("PRIV-1"));
      requirements.add(
          fx.requirement(
              "Security",
              Fixtures.terms(courses.get(0), LocalDate.of(2025, 1, 1))
                  .audience(Audience.roles("nurse", "doctor"))
                  .initialDueDays(30)
                  .recurrence(
                      Recurrence.every(Period.ofMonths(6), Recurrence.CountFrom.COMPLETION),
                      Period.ofDays(30))
                  .retrainWithinDays(20)
                  .build()));
      requirements.add(
          fx.requirement(
              "CPR",
              Fixtures.terms(courses.get(1), LocalDate.of(2025, 1, 1))
                  .audience(Audience.roles("doctor"))
                  .initialDueDays(14)
                  .recurrence(
                      Recurrence.every(Period.ofMonths(3), Recurrence.CountFrom.DUE_DATE),
                      Period.ofDays(10))
                  .build()));
      requirements.add(
          fx.requirement(
              "Privacy",
              Fixtures.terms(courses.get(2), LocalDate.of(2025, 1, 1))
                  .initialDueDays(45)
                  .recurrence(Recurrence.fixedDate(MonthDay.of(3, 31)), Period.ofMonths(1))
                  .minimumActive(Period.ofMonths(2))
                  .build()));
    }

    void at(LocalDate day, int hour) {
      clock.set(day.atTime(hour, 0).atZone(ZONE).toInstant());
    }

    void sweep() {
      visited += tp.scheduler().sweep(fullScan).members();
    }

    /** Runs an event; what it threw (by class), or "ok". */
    String apply(Event e, LocalDate today) {
      // why: each event at its own instant, so records made by two events on one day are ordered
      // by time on both sides, never by their (random) ids
      clock.advance(Duration.ofMinutes(1));
      try {
        run(e, today);
        return "ok";
      } catch (RuntimeException refused) {
        return refused.getClass().getSimpleName();
      }
    }

    private WorkforceMember member(int n) {
      WorkforceMember m = hired.get(n % hired.size());
      return tp.workforce().get(fx.officer(), m.id());
    }

    /** The member's open assignments, in an order that does not depend on ids. */
    private List<Assignment> open(WorkforceMember m) {
      Map<String, String> names = names();
      List<Assignment> open =
          new ArrayList<>(
              tp.assignments().forMember(fx.officer(), m.id()).stream()
                  .filter(Assignment::isOpen)
                  .toList());
      open.sort(Comparator.comparing(a -> canonical(a.toString(), names)));
      return open;
    }

    /**
     * Whether the member holds two open assignments for the course due on the same day and assigned
     * on the same day. why: the service then names the one with the lower id as the one a
     * completion answers (its documented last tie-break), and the two stores' ids differ, so they
     * would name different (equivalent) assignments; such completions are left out of the history.
     */
    private boolean tiedForCourse(WorkforceMember m, Course course) {
      List<Assignment> forCourse =
          tp.assignments().forMember(fx.officer(), m.id()).stream()
              .filter(a -> a.isOpen() && a.course().equals(course.id()))
              .toList();
      return forCourse.stream().map(a -> a.currentDueOn() + "/" + a.assignedOn()).distinct().count()
          < forCourse.size();
    }

    private void run(Event e, LocalDate today) {
      if (hired.isEmpty() && e.kind() != Kind.HIRE) {
        return;
      }
      switch (e.kind()) {
        case HIRE ->
            hired.add(
                fx.hire(
                    today.plusDays(e.b() % 12 - 4),
                    "D" + e.c() % 3,
                    ROLES.get(e.a() % ROLES.size()).toArray(String[]::new)));
        case CHANGE_ROLE ->
            tp.workforce()
                .change(
                    fx.officer(),
                    member(e.a()).id(),
                    WorkforceService.MemberChange.roles(
                        today.plusDays(e.c() % 10), ROLES.get(e.b() % ROLES.size())));
        case LEAVE -> tp.workforce().startLeave(fx.officer(), member(e.a()).id(), today);
        case RETURN ->
            tp.workforce()
                .returnFromLeave(fx.officer(), member(e.a()).id(), today.plusDays(e.c() % 5));
        case TERMINATE ->
            tp.workforce().terminate(fx.officer(), member(e.a()).id(), today.plusDays(e.c() % 15));
        case COMPLETE -> {
          if (!tiedForCourse(member(e.a()), courses.get(e.b() % courses.size()))) {
            tp.completions()
                .recordForCourse(
                    fx.officer(),
                    CompletionService.CourseCompletion.inApp(
                        member(e.a()).id(),
                        courses.get(e.b() % courses.size()).id(),
                        today.minusDays(e.c() % 4),
                        90,
                        "o-1"));
          }
        }
        case IMPORT -> {
          if (!tiedForCourse(member(e.a()), courses.get(e.b() % courses.size()))) {
            tp.completions()
                .importCompletion(
                    fx.officer(),
                    new CompletionService.Import(
                        member(e.a()).id(),
                        courses.get(e.b() % courses.size()).id(),
                        null,
                        today.minusDays(e.c() % 30),
                        90,
                        null,
                        new Provenance(
                            CompletionMethod.HISTORICAL_IMPORT,
                            "o-1",
                            "lms",
                            today + ":" + e.a() + ":" + e.b() + ":" + e.c(),
                            null),
                        List.of()));
          }
        }
        case EXTEND -> {
          List<Assignment> open = open(member(e.a()));
          if (!open.isEmpty()) {
            Assignment a = open.get(e.b() % open.size());
            tp.assignments()
                .extend(fx.officer(), a.id(), a.currentDueOn().plusDays(1 + e.c() % 30), "busy");
          }
        }
        case WAIVE -> {
          List<Assignment> open = open(member(e.a()));
          if (!open.isEmpty()) {
            tp.assignments().waive(fx.officer(), open.get(e.b() % open.size()).id(), "prior");
          }
        }
        case PUBLISH ->
            fx.materialChange(
                policy,
                today.plusDays(e.c() % 30),
                ROLES.get(e.b() % ROLES.size()).toArray(String[]::new));
        case RELEASE ->
            fx.reviseCourse(
                courses.get(e.b() % courses.size()), today + "-" + e.a() + "-" + e.c(), policy);
        case CHANGE_REQUIREMENT -> {
          Requirement r = requirements.get(e.b() % requirements.size());
          Requirement now =
              tp.requirements().list(fx.officer()).stream()
                  .filter(x -> x.id().equals(r.id()))
                  .findFirst()
                  .orElseThrow();
          RequirementTerms t = now.latestTerms();
          tp.requirements()
              .change(
                  fx.officer(),
                  r.id(),
                  new RequirementTerms(
                      today.plusDays(e.c() % 40),
                      e.a() % 3 == 0 ? Audience.everyone() : t.audience(),
                      t.course(),
                      5 + e.a() % 60,
                      e.a() % 4 == 0
                          ? Recurrence.every(
                              Period.ofDays(20 + e.c() % 100), Recurrence.CountFrom.EXPIRY)
                          : t.recurrence(),
                      Period.ofDays(e.c() % 25),
                      t.minimumActive(),
                      t.graceDays(),
                      t.retrainWithinDays(),
                      t.reminders(),
                      true));
        }
        case RETIRE_REQUIREMENT ->
            tp.requirements()
                .retire(
                    fx.officer(),
                    requirements.get(e.b() % requirements.size()).id(),
                    today.plusDays(e.c() % 20));
      }
    }

    /** Every id this side knows, by a name both sides share. */
    Map<String, String> names() {
      Map<String, String> names = new HashMap<>();
      names.put(fx.org().id().toString(), "ORG");
      for (WorkforceMember m : tp.workforce().list(fx.officer())) {
        names.put(m.id().toString(), "M:" + m.externalId());
      }
      for (Course c : courses) {
        names.put(c.id().toString(), "C:" + c.code());
        for (CourseVersion v : tp.courses().versions(fx.officer(), c.id())) {
          names.put(v.id().toString(), "CV:" + c.code() + ":" + v.label());
        }
      }
      for (Requirement r : requirements) {
        names.put(r.id().toString(), "R:" + r.name());
      }
      names.put(policy.id().toString(), "P:SEC");
      for (PolicyVersion v : tp.policies().versions(fx.officer(), policy.id())) {
        names.put(v.id().toString(), "PV:" + v.number());
      }
      // Assignments and completions: per member, in an order that does not depend on ids.
      for (WorkforceMember m : tp.workforce().list(fx.officer())) {
        List<Assignment> mine = new ArrayList<>(tp.assignments().forMember(fx.officer(), m.id()));
        mine.sort(Comparator.comparing(a -> canonical(a.toString(), names)));
        int k = 0;
        for (Assignment a : mine) {
          names.put(a.id().toString(), "A:" + m.externalId() + ":" + k++);
        }
        List<Completion> completions =
            new ArrayList<>(tp.completions().forMember(fx.officer(), m.id()));
        completions.sort(Comparator.comparing(c -> canonical(c.toString(), names)));
        k = 0;
        for (Completion c : completions) {
          names.put(c.id().toString(), "K:" + m.externalId() + ":" + k++);
        }
      }
      return names;
    }

    /** Each member's assignments, as text with the ids named. */
    Map<String, List<String>> assignments(Map<String, String> names) {
      Map<String, List<String>> all = new TreeMap<>();
      for (WorkforceMember m : tp.workforce().list(fx.officer())) {
        List<String> mine = new ArrayList<>();
        for (Assignment a : tp.assignments().forMember(fx.officer(), m.id())) {
          mine.add(canonical(a.toString(), names));
        }
        mine.sort(null);
        all.put(m.externalId(), mine);
      }
      return all;
    }

    /** Every outbox message, as sorted text with the ids named. */
    List<String> messages(Map<String, String> names) {
      List<Notification> all =
          store.inTransaction(
              tx ->
                  tx.outbox()
                      .between(
                          fx.org().id(), Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")));
      List<String> texts = new ArrayList<>();
      for (Notification n : all) {
        texts.add(
            canonical(
                n.organization()
                    + " "
                    + n.idempotencyKey()
                    + " "
                    + n.kind()
                    + " "
                    + n.recipient()
                    + " "
                    + n.payload()
                    + " "
                    + n.createdAt(),
                names));
      }
      texts.sort(null);
      return texts;
    }

    /** The audit entries of the day, as sorted text with the ids named. */
    List<String> newAudit(Map<String, String> names) {
      List<AuditEntry> entries =
          store.inTransaction(tx -> tx.audit().range(fx.org().id(), auditSeen + 1, Long.MAX_VALUE));
      List<String> texts = new ArrayList<>();
      for (AuditEntry e : entries) {
        auditSeen = Math.max(auditSeen, e.sequence());
        texts.add(
            canonical(
                e.at()
                    + " "
                    + e.actorId()
                    + " "
                    + e.action()
                    + " "
                    + e.subjectType()
                    + " "
                    + e.subjectId()
                    + " "
                    + e.details(),
                names));
      }
      texts.sort(null);
      return texts;
    }
  }

  /** Text with every id replaced by its shared name ("?" when it has none). */
  static String canonical(String text, Map<String, String> names) {
    Matcher m = UUID.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(names.getOrDefault(m.group(), "?")));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Property(tries = 120)
  void theIncrementalSweepDoesWhatTheFullSweepDoes(@ForAll("histories") List<Day> history) {
    Side incremental = new Side(false);
    Side full = new Side(true);
    LocalDate today = START;
    int step = 0;
    for (Day day : history) {
      LocalDate until = today.plusDays(day.gap());
      // every day in between: only the sweeps
      for (LocalDate d = today.plusDays(1); d.isBefore(until); d = d.plusDays(1)) {
        sweepAndCompare(incremental, full, d, history);
      }
      today = until;
      for (Side side : List.of(incremental, full)) {
        side.at(today, 8);
      }
      for (Event e : day.events()) {
        if (!e.afterSweep()) {
          assertThat(incremental.apply(e, today)).isEqualTo(full.apply(e, today));
        }
      }
      sweepAndCompare(incremental, full, today, history);
      for (Side side : List.of(incremental, full)) {
        side.at(today, 17);
      }
      for (Event e : day.events()) {
        if (e.afterSweep()) {
          assertThat(incremental.apply(e, today)).isEqualTo(full.apply(e, today));
        }
      }
      step++;
    }
    // and a while after the last event, when windows open and reminders fall due unprompted
    for (int i = 1; i <= 200; i++) {
      sweepAndCompare(incremental, full, today.plusDays(i), history);
    }
    assertThat(step).isEqualTo(history.size());
    // Not a vacuous comparison: the incremental sweep skipped members on days with nothing due.
    if (!full.hired.isEmpty()) {
      assertThat(incremental.visited).isLessThan(full.visited);
    }
  }

  private static void sweepAndCompare(Side incremental, Side full, LocalDate day, Object history) {
    for (Side side : List.of(incremental, full)) {
      side.at(day, 9);
      side.sweep();
    }
    Map<String, String> inNames = incremental.names();
    Map<String, String> fullNames = full.names();
    String what = "on " + day + " in " + history;
    assertThat(incremental.assignments(inNames))
        .as("assignments " + what)
        .isEqualTo(full.assignments(fullNames));
    assertThat(incremental.messages(inNames))
        .as("outbox " + what)
        .isEqualTo(full.messages(fullNames));
    assertThat(incremental.newAudit(inNames))
        .as("audit " + what)
        .isEqualTo(full.newAudit(fullNames));
  }
}
