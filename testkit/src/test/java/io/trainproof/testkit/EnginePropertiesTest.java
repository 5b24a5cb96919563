package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.renewal.RenewalScheduler;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.status.RequirementStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Properties of the assignment engine and the renewal scheduler over random organizations. */
@Tag("slow")
class EnginePropertiesTest {

  @Provide
  Arbitrary<Simulation.Setup> setups() {
    return Simulation.setups();
  }

  @Property(tries = 1000)
  void everyActiveMemberInAnAudienceIsCoveredOnEveryDate(@ForAll("setups") Simulation.Setup setup) {
    Simulation sim = new Simulation(setup);
    sim.run(
        s -> {
          LocalDate today = s.today();
          for (WorkforceMember m : s.members()) {
            Optional<MemberTerms> terms = m.termsOn(today);
            if (terms.isEmpty() || !m.activeOn(today)) {
              continue;
            }
            List<Assignment> assignments = s.tp.assignments().forMember(s.officer, m.id());
            for (Requirement r : s.requirements) {
              RequirementTerms rt = s.termsOf(r);
              if (!rt.audience().matches(terms.get())) {
                continue;
              }
              boolean open =
                  assignments.stream().anyMatch(a -> r.id().equals(a.requirement()) && a.isOpen());
              RequirementStatus status =
                  s.tp.status().forMember(s.officer, m.id(), today).stream()
                      .filter(st -> r.id().equals(st.requirement()))
                      .findFirst()
                      .orElseThrow();
              boolean covered =
                  status.status() == ComplianceStatus.COMPLIANT
                      || status.status() == ComplianceStatus.WAIVED
                      || (status.status() == ComplianceStatus.DUE_SOON
                          && status.openAssignment() == null);
              assertThat(open || covered)
                  .as("member %s on %s under %s: %s", m.externalId(), today, r.name(), status)
                  .isTrue();
            }
          }
        });
  }

  @Property(tries = 1000)
  void theEngineAndTheSchedulerAreIdempotent(
      @ForAll("setups") Simulation.Setup setup, @ForAll @IntRange(min = 1, max = 400) int daysLater)
      throws Exception {
    Simulation sim = new Simulation(setup);
    sim.run(s -> {});
    for (int i = 0; i < daysLater; i++) {
      sim.nextDay();
    }
    // Two full sweeps at once on a new day divide the members between them, each visited once
    // (the incremental sweep, sweep(), would visit only members with something due that day).
    CompletableFuture<RenewalScheduler.SweepResult> a =
        CompletableFuture.supplyAsync(() -> sim.tp.scheduler().sweep(true));
    CompletableFuture<RenewalScheduler.SweepResult> b =
        CompletableFuture.supplyAsync(() -> sim.tp.scheduler().sweep(true));
    int members = sim.members().size();
    assertThat(a.get().members() + b.get().members()).isEqualTo(members);
    int after = sim.allAssignments().size();
    Statistics.label("assignments").collect(after == 0 ? "0" : after < 10 ? "1-9" : "10+");
    Statistics.label("created by the concurrent sweeps")
        .collect(a.get().created() + b.get().created() > 0);

    // Sweeping again, and re-evaluating every rule for every member, creates nothing.
    assertThat(sim.tp.scheduler().sweep().created()).isZero();
    for (Requirement r : sim.requirements) {
      Requirement current =
          sim.tp.requirements().list(sim.officer).stream()
              .filter(x -> x.id().equals(r.id()))
              .findFirst()
              .orElseThrow();
      sim.tp
          .requirements()
          .change(sim.officer, r.id(), current.latestTerms().withActive(sim.today(), true));
    }
    assertThat(sim.allAssignments()).hasSize(after);
    // Never two open cycle assignments for one member under one requirement.
    Set<String> openKeys = new HashSet<>();
    for (Assignment x : sim.openAssignments()) {
      if (x.requirement() != null && x.reason() != AssignmentReason.POLICY_CHANGE) {
        assertThat(openKeys.add(x.member() + "/" + x.requirement()))
            .as("duplicate open %s", x)
            .isTrue();
      }
    }
  }

  @Property(tries = 1000)
  void dueDatesNeverPrecedeTheEventThatCausedThem(@ForAll("setups") Simulation.Setup setup) {
    Simulation sim = new Simulation(setup);
    sim.run(s -> {});
    for (Assignment a : sim.allAssignments()) {
      assertThat(a.dueOn()).as("%s", a).isAfterOrEqualTo(a.anchorOn());
      if (a.reason() == AssignmentReason.PERIODIC) {
        assertThat(a.dueOn()).as("renewal after the cycle it renews: %s", a).isAfter(a.anchorOn());
      }
      for (var change : a.dueChanges()) {
        assertThat(change.newDueOn()).isAfter(a.dueOn());
      }
    }
  }

  @Property(tries = 1000)
  void terminatedMembersNeverReceiveNewAssignments(@ForAll("setups") Simulation.Setup setup) {
    Simulation sim = new Simulation(setup);
    sim.run(s -> {});
    for (Map.Entry<WorkforceMember, Instant> t : sim.terminatedAt.entrySet()) {
      List<Assignment> assignments = sim.tp.assignments().forMember(sim.officer, t.getKey().id());
      for (Assignment a : assignments) {
        assertThat(a.assignedAt()).as("%s", a).isBeforeOrEqualTo(t.getValue());
        assertThat(a.isOpen()).as("open after termination: %s", a).isFalse();
      }
    }
  }

  @Property(tries = 1000)
  void aStatusAsOfAPastDateDoesNotChangeWhenLaterEventsAreRecorded(
      @ForAll("setups") Simulation.Setup setup) {
    Simulation sim = new Simulation(setup);
    Map<LocalDate, Map<String, List<RequirementStatus>>> snapshots = new HashMap<>();
    List<LocalDate> days = new ArrayList<>();
    sim.run(
        s -> {
          LocalDate yesterday = s.today().minusDays(1);
          if (days.size() < 12 && (yesterday.toEpochDay() % 5 == 0)) {
            days.add(yesterday);
            snapshots.put(yesterday, s.statusAsOf(yesterday));
          }
        });
    for (LocalDate day : days) {
      assertThat(sim.statusAsOf(day)).as("as of %s", day).isEqualTo(snapshots.get(day));
    }
  }
}
