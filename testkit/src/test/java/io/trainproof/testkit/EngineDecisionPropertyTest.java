package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.assignment.AssignmentRules;
import io.trainproof.core.assignment.Obligation;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The engine's pure decision ({@link AssignmentRules#decide}) and the service path (the daily
 * sweep, which reconciles every member) agree: before each day's sweep, the decision for every
 * member and requirement is computed from what the public API reads; the sweep then creates exactly
 * the assignments decided (reason, anchor, due date, dedupe key) and cancels exactly the open
 * assignments decided, and nothing else.
 */
class EngineDecisionPropertyTest {

  @Provide
  Arbitrary<Simulation.Setup> setups() {
    return Simulation.setups();
  }

  @Property(tries = 500)
  void thePureDecisionIsWhatTheSweepCarriesOut(@ForAll("setups") Simulation.Setup setup) {
    Simulation sim = new Simulation(setup);
    for (Simulation.Event e : setup.events()) {
      for (int d = 0; d < e.gapDays(); d++) {
        sim.nextDay();
        checkOneDay(sim);
      }
      sim.apply(e);
    }
  }

  private static void checkOneDay(Simulation sim) {
    LocalDate today = sim.today();
    List<Requirement> requirements = sim.tp.requirements().list(sim.officer);
    Map<String, Obligation> decided = new HashMap<>();
    Map<String, List<Assignment>> before = new HashMap<>();
    List<WorkforceMember> members = sim.members();
    for (WorkforceMember m : members) {
      List<Assignment> assignments = sim.tp.assignments().forMember(sim.officer, m.id());
      var completions = sim.tp.completions().forMember(sim.officer, m.id());
      var certifications = sim.tp.certifications().forMember(sim.officer, m.id());
      var kinds = sim.tp.certifications().kinds(sim.officer);
      for (Requirement r : requirements) {
        String pair = m.id() + "/" + r.id();
        decided.put(
            pair,
            sim.tp
                .assignmentRules()
                .decide(m, r, assignments, completions, certifications, kinds, today));
        before.put(pair, assignments.stream().filter(a -> r.id().equals(a.requirement())).toList());
      }
    }
    sim.tp.scheduler().sweep();
    for (WorkforceMember m : members) {
      List<Assignment> after = sim.tp.assignments().forMember(sim.officer, m.id());
      for (Requirement r : requirements) {
        String pair = m.id() + "/" + r.id();
        Obligation owed = decided.get(pair);
        Statistics.label("decision").collect(owed.kind());
        Map<Object, Assignment> was = new HashMap<>();
        before.get(pair).forEach(a -> was.put(a.id(), a));
        List<Assignment> created = new ArrayList<>();
        List<Assignment> cancelled = new ArrayList<>();
        for (Assignment a : after) {
          if (!r.id().equals(a.requirement())) {
            continue;
          }
          Assignment old = was.get(a.id());
          if (old == null) {
            created.add(a);
          } else if (old.isOpen() && !a.isOpen()) {
            cancelled.add(a);
          }
        }
        String what =
            "member "
                + m.externalId()
                + " under "
                + r.name()
                + " on "
                + today
                + ": decided "
                + owed;
        switch (owed.kind()) {
          case NOTHING -> {
            assertThat(created).as(what).isEmpty();
            assertThat(cancelled).as(what).isEmpty();
          }
          case CANCEL_OPEN -> {
            assertThat(created).as(what).isEmpty();
            long open = before.get(pair).stream().filter(Assignment::isOpen).count();
            assertThat(open).as(what).isPositive();
            assertThat(cancelled)
                .as(what)
                .hasSize((int) open)
                .allSatisfy(
                    a -> {
                      assertThat(a.closure().state()).isEqualTo(AssignmentState.CANCELLED);
                      assertThat(a.closure().reason()).isEqualTo(owed.cancelReason());
                    });
          }
          case CREATE -> {
            assertThat(cancelled).as(what).isEmpty();
            assertThat(created).as(what).hasSize(1);
            Assignment a = created.get(0);
            assertThat(a.reason()).as(what).isEqualTo(owed.reason());
            assertThat(a.anchorOn()).as(what).isEqualTo(owed.anchorOn());
            assertThat(a.dueOn()).as(what).isEqualTo(owed.dueOn());
            assertThat(a.course()).as(what).isEqualTo(owed.terms().course());
            assertThat(a.dedupeKey())
                .as(what)
                .isEqualTo("R:" + r.id() + ":M:" + m.id() + ":cycle:" + owed.cycle());
          }
        }
      }
    }
  }
}
