package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.workforce.WorkforceService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Retraining at the edges of a material policy change (issue 20), over random publication,
 * effective, content-release, hire, role-change, leave and completion dates. The oracle below is
 * written from the rule as the documentation states it, from the generated dates alone:
 *
 * <ul>
 *   <li>everyone in an affected role on the effective date, or joining one (a hire, a role change)
 *       before the retraining is due, owes training on the new version;
 *   <li>someone who leaves the affected roles on or before the effective date no longer owes it;
 *   <li>only a completion on or after the version's publication, of content released on or after
 *       it, covers the version and closes the retraining;
 *   <li>a joiner's retraining is due on everyone's due date, or on the requirement's new-hire due
 *       date counted from the day they joined when that is later;
 *   <li>a member on leave still holds the role, so owes it like everyone else; the leave rule moves
 *       the due date on return by the length of the leave, when the retraining is still open then
 *       and was not yet due when the leave began.
 * </ul>
 *
 * Days are counted from the start, 2026-01-05, in a zone with a 45-minute offset; on one day,
 * hires, role changes, leaves and returns happen first, then the publication, then the content
 * release, then completions.
 */
class RetrainingPropertiesTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Kathmandu");
  static final LocalDate START = LocalDate.of(2026, 1, 5);
  static final int END = 220;

  /** One generated history. */
  record Plan(
      int published,
      int effectiveAfter,
      int retrainDays,
      int newHireDays,
      int contentAfterPublication,
      int hired,
      int joinedRole,
      int leftRole,
      int awayFrom,
      int awayDays,
      Map<Who, Integer> completions) {
    int effective() {
      return published + effectiveAfter;
    }

    int content() {
      return Math.max(1, published + contentAfterPublication);
    }

    int due() {
      return effective() + retrainDays;
    }

    /** The first day back from the leave (after {@link #END} when it has not ended by then). */
    int back() {
      return awayFrom + awayDays;
    }

    /** Whether a completion on that day covers the new version: both on/after the publication. */
    boolean covers(int day) {
      return content() >= published && day >= content() && day >= published;
    }
  }

  /**
   * The five members: always a nurse; hired as a nurse on a random day; a clerk who becomes a
   * nurse; a nurse who becomes a clerk; a nurse throughout who takes a leave on a random day, for a
   * random length (before, across or after the publication, the effective date and the due date).
   */
  enum Who {
    STAYS,
    HIRED,
    JOINS,
    LEAVES,
    AWAY
  }

  @Provide
  Arbitrary<Plan> plans() {
    List<Arbitrary<Integer>> days =
        List.of(
            Arbitraries.integers().between(1, 60), // publication
            Arbitraries.integers().between(0, 60), // effective, after publication
            Arbitraries.integers().between(1, 60), // retraining period
            Arbitraries.integers().between(1, 60), // new-hire period
            Arbitraries.integers().between(-20, 40), // content release, after publication
            Arbitraries.integers().between(1, 160), // hire
            Arbitraries.integers().between(1, 160), // role change into nurse
            Arbitraries.integers().between(1, 160), // role change out of nurse
            Arbitraries.integers().between(1, 160), // leave starts
            Arbitraries.integers().between(1, 90), // leave's length (may outlast the run)
            Arbitraries.integers().between(1, END), // completions, one per member
            Arbitraries.integers().between(1, END),
            Arbitraries.integers().between(1, END),
            Arbitraries.integers().between(1, END),
            Arbitraries.integers().between(1, END));
    return Combinators.combine(days)
        .as(
            d -> {
              Map<Who, Integer> c = new EnumMap<>(Who.class);
              int next = 10;
              for (Who who : Who.values()) {
                c.put(who, d.get(next++));
              }
              return new Plan(
                  d.get(0), d.get(1), d.get(2), d.get(3), d.get(4), d.get(5), d.get(6), d.get(7),
                  d.get(8), d.get(9), c);
            });
  }

  /** Everything the run observed, for the assertions. */
  static final class Run {
    final SettableClock clock = SettableClock.at(START.atTime(9, 0).atZone(ZONE).toInstant());
    final Trainproof tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    final Fixtures fx = Fixtures.organization(tp, ZONE);
    final Map<Who, WorkforceMember> members = new EnumMap<>(Who.class);
    final Map<Who, Boolean> refused = new EnumMap<>(Who.class);
    Course course;
    Policy policy;
    PolicyVersion change;

    void moveTo(int day) {
      clock.set(START.plusDays(day).atTime(9, 0).atZone(ZONE).toInstant());
    }

    List<Assignment> retraining(Who who) {
      return tp.assignments().forMember(fx.officer(), members.get(who).id()).stream()
          .filter(
              a ->
                  a.reason() == AssignmentReason.POLICY_CHANGE
                      && change.id().equals(a.policyVersion()))
          .toList();
    }
  }

  Run run(Plan plan) {
    Run r = new Run();
    r.policy = r.fx.policy("SEC", LocalDate.of(2025, 1, 1));
    r.course = r.fx.course("SEC-101", r.policy);
    r.fx.requirement(
        "Security",
        Fixtures.terms(r.course, LocalDate.of(2025, 1, 1))
            .initialDueDays(plan.newHireDays())
            .retrainWithinDays(plan.retrainDays())
            .build());
    r.members.put(Who.STAYS, r.fx.hire(START, "ICU", "nurse"));
    r.members.put(Who.JOINS, r.fx.hire(START, "Front", "clerk"));
    r.members.put(Who.LEAVES, r.fx.hire(START, "ICU", "nurse"));
    r.members.put(Who.AWAY, r.fx.hire(START, "ICU", "nurse"));
    // Onboarding done on day 0 with the first content, before anything changes.
    for (Who who : List.of(Who.STAYS, Who.JOINS, Who.LEAVES, Who.AWAY)) {
      Assignment onboarding =
          r.tp.assignments().forMember(r.fx.officer(), r.members.get(who).id()).get(0);
      r.tp
          .completions()
          .record(
              r.fx.officer(),
              CompletionService.Request.inApp(onboarding.id(), START, 100, "officer-1"));
    }
    // Day by day: people first, then the publication, the content, the completions.
    TreeMap<Integer, List<Runnable>> days = new TreeMap<>();
    BiConsumer<Integer, Runnable> at =
        (day, action) -> days.computeIfAbsent(day, d -> new ArrayList<>()).add(action);
    at.accept(
        plan.hired(),
        () -> r.members.put(Who.HIRED, r.fx.hire(START.plusDays(plan.hired()), "ICU", "nurse")));
    at.accept(
        plan.joinedRole(),
        () ->
            r.tp
                .workforce()
                .change(
                    r.fx.officer(),
                    r.members.get(Who.JOINS).id(),
                    WorkforceService.MemberChange.roles(
                        START.plusDays(plan.joinedRole()), Set.of("nurse"))));
    at.accept(
        plan.leftRole(),
        () ->
            r.tp
                .workforce()
                .change(
                    r.fx.officer(),
                    r.members.get(Who.LEAVES).id(),
                    WorkforceService.MemberChange.roles(
                        START.plusDays(plan.leftRole()), Set.of("clerk"))));
    at.accept(
        plan.awayFrom(),
        () ->
            r.tp
                .workforce()
                .startLeave(
                    r.fx.officer(), r.members.get(Who.AWAY).id(), START.plusDays(plan.awayFrom())));
    if (plan.back() <= END) {
      at.accept(
          plan.back(),
          () ->
              r.tp
                  .workforce()
                  .returnFromLeave(
                      r.fx.officer(), r.members.get(Who.AWAY).id(), START.plusDays(plan.back())));
    }
    at.accept(
        plan.published(),
        () -> r.change = r.fx.materialChange(r.policy, START.plusDays(plan.effective()), "nurse"));
    at.accept(plan.content(), () -> r.fx.reviseCourse(r.course, "2", r.policy));
    for (Who who : Who.values()) {
      int day = plan.completions().get(who);
      at.accept(day, () -> complete(r, who, day));
    }
    for (Map.Entry<Integer, List<Runnable>> day : days.entrySet()) {
      r.moveTo(day.getKey());
      day.getValue().forEach(Runnable::run);
    }
    r.moveTo(END);
    return r;
  }

  /**
   * A completion: of the member's open assignment for the course when there is one, else imported.
   */
  static void complete(Run r, Who who, int day) {
    WorkforceMember m = r.members.get(who);
    if (m == null) {
      return; // not hired yet
    }
    LocalDate on = START.plusDays(day);
    boolean open =
        r.tp.assignments().forMember(r.fx.officer(), m.id()).stream().anyMatch(Assignment::isOpen);
    try {
      if (open) {
        r.tp
            .completions()
            .recordForCourse(
                r.fx.officer(),
                CompletionService.CourseCompletion.inApp(m.id(), r.course.id(), on, 100, "o-1"));
      } else {
        r.tp
            .completions()
            .importCompletion(
                r.fx.officer(),
                new CompletionService.Import(
                    m.id(),
                    r.course.id(),
                    null,
                    on,
                    100,
                    null,
                    new Provenance(
                        CompletionMethod.HISTORICAL_IMPORT, "o-1", "lms", who + ":" + day, null),
                    List.of()));
      }
    } catch (ValidationException refused) {
      r.refused.put(who, true);
    }
  }

  /** Whether the member owes training on the new version, by the rule. */
  static boolean owes(Plan p, Who who) {
    return switch (who) {
      case STAYS -> true;
      case HIRED -> p.hired() < p.due();
      case JOINS -> p.joinedRole() < p.due();
      case LEAVES -> p.leftRole() > p.effective();
      case AWAY -> true; // on leave or not, a nurse on the effective date
    };
  }

  /**
   * The days the leave rule adds to the member's retraining: the leave's length when the member
   * came back by the end with the retraining open (assigned at the publication, not yet closed by a
   * covering completion before the return) and not yet due when the leave began; else none.
   */
  static int leaveExtension(Plan p, Who who) {
    if (who != Who.AWAY || p.back() > END || p.due() < p.awayFrom()) {
      return 0;
    }
    int completedOn = p.completions().get(who);
    boolean openOnReturn =
        p.published() < p.back() && !(p.covers(completedOn) && completedOn < p.back());
    return openOnReturn ? p.awayDays() : 0;
  }

  /** The day the member entered the affected role, for joiners after the publication. */
  static int joined(Plan p, Who who) {
    return switch (who) {
      case HIRED -> p.hired();
      case JOINS -> p.joinedRole();
      default -> 0;
    };
  }

  @Property(tries = 300)
  void retrainingFollowsTheRuleAtEveryEdge(@ForAll("plans") Plan p) {
    Run r = run(p);
    LocalDate published = START.plusDays(p.published());
    for (Who who : Who.values()) {
      if (!r.members.containsKey(who)) {
        continue; // hired after the end
      }
      List<Assignment> retraining = r.retraining(who);
      List<Assignment> standing =
          retraining.stream().filter(a -> a.state() != AssignmentState.CANCELLED).toList();
      int completedOn = p.completions().get(who);
      boolean attempted = who != Who.HIRED || completedOn >= p.hired();
      boolean trainedBeforeJoining =
          attempted && p.covers(completedOn) && completedOn < joined(p, who);
      String what = who + " in " + p;

      assertThat(retraining).as(what).hasSizeLessThanOrEqualTo(1);
      if (owes(p, who) && !trainedBeforeJoining) {
        assertThat(standing).as("owes: " + what).hasSize(1);
        Assignment a = standing.get(0);
        int entered = joined(p, who);
        LocalDate due =
            entered > p.published()
                ? START.plusDays(Math.max(p.due(), entered + p.newHireDays()))
                : START.plusDays(p.due());
        assertThat(a.dueOn()).as("due: " + what).isEqualTo(due);
        assertThat(a.currentDueOn())
            .as("due after any leave: " + what)
            .isEqualTo(due.plusDays(leaveExtension(p, who)));
        assertThat(a.assignedBy()).isEqualTo("system");
      } else if (!owes(p, who)) {
        // Someone who owes nothing has no retraining standing open; one closed before they left
        // the role stays as it was.
        assertThat(standing).as("owes nothing: " + what).allMatch(a -> !a.isOpen());
      }
      for (Assignment a : standing) {
        if (a.state() == AssignmentState.COMPLETED) {
          // Closed only by training on the new version: on/after publication, on new content.
          LocalDate closed = a.closed().on();
          assertThat(closed).as(what).isAfterOrEqualTo(published);
          assertThat(p.covers((int) (closed.toEpochDay() - START.toEpochDay())))
              .as("closed by a covering completion: " + what)
              .isTrue();
          Completion c =
              r.tp.completions().forMember(r.fx.officer(), r.members.get(who).id()).stream()
                  .filter(x -> x.id().equals(a.closed().completion()))
                  .findFirst()
                  .orElseThrow();
          assertThat(c.policyVersions()).as(what).contains(r.change.id());
        } else if (a.isOpen() && attempted && p.covers(completedOn)) {
          // A covering completion after it was assigned would have closed it.
          assertThat(START.plusDays(completedOn)).as(what).isBefore(a.assignedOn());
        }
      }
      // A completion is refused only when a retraining is all that is open and it does not cover.
      if (r.refused.getOrDefault(who, false)) {
        assertThat(p.covers(completedOn)).as("refused: " + what).isFalse();
      }
    }
    // No completion covers the new version unless both it and its content postdate publication.
    for (WorkforceMember m : r.members.values()) {
      for (Completion c : r.tp.completions().forMember(r.fx.officer(), m.id())) {
        int day = (int) (c.completedOn().toEpochDay() - START.toEpochDay());
        assertThat(c.policyVersions().contains(r.change.id()))
            .as("completion on day %s in %s", day, p)
            .isEqualTo(p.covers(day));
      }
    }
  }
}
