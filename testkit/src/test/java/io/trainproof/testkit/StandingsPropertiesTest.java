package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.status.MemberStanding;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The bulk standings read ({@code StatusService.standings}) gives exactly what the per-member reads
 * give, over random organizations, dates and page sizes.
 */
class StandingsPropertiesTest {

  @Provide
  Arbitrary<Simulation.Setup> setups() {
    return Simulation.setups();
  }

  @Property(tries = 300)
  void standingsReadInPagesEqualThePerMemberStatuses(
      @ForAll("setups") Simulation.Setup setup,
      @ForAll @IntRange(min = 1, max = 7) int pageSize,
      @ForAll @IntRange(min = -30, max = 400) int offsetDays) {
    Simulation sim = new Simulation(setup);
    sim.run(s -> {});
    LocalDate asOf = setup.start().plusDays(offsetDays);
    List<MemberStanding> standings = all(sim, sim.officer, asOf, pageSize);

    List<Id<WorkforceMember>> expectedMembers =
        sim.members().stream()
            .filter(m -> m.activeOn(asOf))
            .map(WorkforceMember::id)
            .sorted()
            .toList();
    assertThat(standings)
        .extracting(st -> st.member().id())
        .containsExactlyElementsOf(expectedMembers);
    for (MemberStanding st : standings) {
      Id<WorkforceMember> id = st.member().id();
      assertThat(st.statuses())
          .as("statuses of %s on %s", st.member().externalId(), asOf)
          .containsExactlyElementsOf(sim.tp.status().forMember(sim.officer, id, asOf));
      assertThat(st.worst()).isEqualTo(sim.tp.status().overall(sim.officer, id, asOf));
      assertThat(st.terms()).isEqualTo(st.member().termsOn(asOf).orElseThrow());
    }
  }

  @Example
  void aMemberSeesOnlyTheirOwnStandingAndBadLimitsAreRefused() {
    Simulation sim =
        new Simulation(
            new Simulation.Setup(
                Simulation.ZONES.get(0),
                LocalDate.of(2026, 3, 1),
                LocalTime.of(9, 0),
                List.of(
                    new Simulation.Rule(
                        Set.of(), 30, Recurrence.none(), Period.ofDays(30), Period.ZERO, 0, null)),
                List.of(
                    new Simulation.Event(0, Simulation.Action.HIRE, 1),
                    new Simulation.Event(1, Simulation.Action.HIRE, 2),
                    new Simulation.Event(1, Simulation.Action.HIRE, 3))));
    sim.run(s -> {});
    List<WorkforceMember> members = sim.members();
    assertThat(members).hasSizeGreaterThanOrEqualTo(2);
    WorkforceMember me = members.get(1);
    Actor self =
        new Actor("member-" + me.externalId(), ActorRole.MEMBER, sim.fx.org().id(), me.id());
    LocalDate today = sim.today();
    assertThat(all(sim, self, today, 1))
        .extracting(st -> st.member().id())
        .containsExactly(me.id());
    assertThat(all(sim, sim.officer, today, 1000)).hasSize(members.size());
    assertThatThrownBy(() -> sim.tp.status().standings(sim.officer, today, null, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> sim.tp.status().standings(sim.officer, today, null, 1001))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");
  }

  private static List<MemberStanding> all(
      Simulation sim, Actor actor, LocalDate asOf, int pageSize) {
    List<MemberStanding> result = new ArrayList<>();
    String cursor = null;
    do {
      Page<MemberStanding> page = sim.tp.status().standings(actor, asOf, cursor, pageSize);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
      result.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    return result;
  }
}
