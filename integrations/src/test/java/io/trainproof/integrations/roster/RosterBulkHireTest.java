package io.trainproof.integrations.roster;

import static io.trainproof.integrations.World.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportMode;
import io.trainproof.integrations.World;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Applying valid rows hires new active members in bulk ({@link WorkforceService#hireAll}, 500 per
 * call). These tests pin that the bulk path leaves exactly what hiring row by row leaves, that a
 * manager hired by the same roster is a member before their reports are hired, and that a bulk call
 * core refuses falls back to one row at a time, so one bad row costs only itself.
 */
@Tag("slow")
class RosterBulkHireTest {

  /**
   * 1,203 rows: plain hires, reports of HR-0 spread through every bulk call, leaves, terminations.
   */
  private static List<RosterRow> roster() {
    List<RosterRow> rows = new ArrayList<>();
    for (int i = 0; i < 1_203; i++) {
      // (a report of a row the roster terminates would be a row error, which all or nothing
      // refuses)
      String manager =
          i > 0 && i % 7 == 0
              ? "HR-0"
              : i > 10 && i % 11 == 0 && (i - 3) % 97 != 2 ? "HR-" + (i - 3) : null;
      RosterRow row =
          RosterRow.active(
              "HR-" + i,
              "Member " + i,
              i % 5 == 0 ? WorkforceType.CONTRACTOR : WorkforceType.EMPLOYEE,
              i % 2 == 0 ? Set.of("nurse") : Set.of("clerk", "front-desk"),
              "Dept-" + (i % 9),
              manager,
              TODAY.minusDays(i % 40).plusDays(i % 3 == 0 ? 10 : 0));
      if (i % 50 == 1) {
        row = row.withStatus(MemberStatus.ON_LEAVE, null);
      } else if (i % 97 == 2) {
        row = row.withStatus(MemberStatus.TERMINATED, TODAY.minusDays(1));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> withoutLines(RosterResult result) {
    List<String> out = new ArrayList<>();
    result
        .changes()
        .forEach(
            c ->
                out.add(
                    c.externalId() + " " + c.kind() + " " + c.effectiveOn() + " " + c.detail()));
    result.notices().forEach(n -> out.add(n.externalId() + " notice " + n.field()));
    out.sort(String::compareTo);
    return out;
  }

  @Test
  void bulkHiringLeavesWhatHiringRowByRowLeaves() {
    List<RosterRow> valid = roster();
    List<RosterRow> withBadRows = new ArrayList<>(valid);
    withBadRows.add(
        400,
        RosterRow.active(
            "HR-BAD-1",
            "Bad",
            WorkforceType.EMPLOYEE,
            Set.of("nurse"),
            "Dept-1",
            "HR-NOPE",
            TODAY));
    withBadRows.add(
        900,
        RosterRow.active(
            "HR-BAD-2",
            "Bad",
            WorkforceType.EMPLOYEE,
            Set.of("nurse"),
            "Dept-1",
            "HR-BAD-2",
            TODAY));
    World bulk = new World();
    World rowByRow = new World();

    RosterResult applied =
        new RosterSync(bulk.tp)
            .apply(bulk.officer, withBadRows, RosterOptions.full(ImportMode.APPLY_VALID_ROWS));
    // All or nothing applies each row on its own, in one transaction: the row-by-row reference.
    RosterResult reference =
        new RosterSync(rowByRow.tp)
            .apply(rowByRow.officer, valid, RosterOptions.full(ImportMode.ALL_OR_NOTHING));

    assertThat(reference.committed()).as("%s", reference.errors()).isTrue();
    assertThat(applied.committed()).isTrue();
    assertThat(applied.errors())
        .extracting(e -> e.ref(), e -> e.kind())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("HR-BAD-1", ErrorKind.NOT_FOUND),
            org.assertj.core.groups.Tuple.tuple("HR-BAD-2", ErrorKind.INVALID_VALUE));
    assertThat(applied.count(RosterChange.Kind.HIRED))
        .isEqualTo(reference.count(RosterChange.Kind.HIRED))
        .isGreaterThan(1_150L);
    assertThat(withoutLines(applied)).isEqualTo(withoutLines(reference));
    assertThat(bulk.snapshot()).isEqualTo(rowByRow.snapshot());
    assertThat(bulk.auditSize()).isEqualTo(rowByRow.auditSize());
    assertThat(bulk.member("HR-707").latestTerms().manager()).isEqualTo(bulk.member("HR-0").id());
    assertThat(bulk.member("HR-990").latestTerms().manager()).isEqualTo(bulk.member("HR-987").id());
  }

  @Test
  void aBulkCallCoreRefusesFallsBackToOneRowAtATime() {
    SettableClock clock =
        SettableClock.at(ZonedDateTime.of(TODAY.atTime(10, 0), World.ZONE).toInstant());
    AtomicBoolean raced = new AtomicBoolean();
    Trainproof[] tp = new Trainproof[1];
    Fixtures[] fx = new Fixtures[1];
    tp[0] =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(clock)
            .listener(
                event -> {
                  // Another process hires HR-600 once the first bulk call has committed: the second
                  // call,
                  // which holds HR-600, now meets a taken external id.
                  if ("MEMBER_HIRED".equals(event.type())
                      && fx[0] != null
                      && raced.compareAndSet(false, true)) {
                    tp[0]
                        .workforce()
                        .hire(
                            fx[0].officer(),
                            new WorkforceService.NewMember(
                                "HR-600",
                                "Elsewhere",
                                WorkforceType.EMPLOYEE,
                                Set.of("nurse"),
                                "Dept-0",
                                null,
                                TODAY));
                  }
                })
            .build();
    fx[0] = Fixtures.organization(tp[0], World.ZONE);
    List<RosterRow> rows = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      rows.add(
          RosterRow.active(
              "HR-" + i,
              "Member " + i,
              WorkforceType.EMPLOYEE,
              Set.of("nurse"),
              "Dept-0",
              null,
              TODAY));
    }

    RosterResult result =
        new RosterSync(tp[0])
            .apply(fx[0].officer(), rows, RosterOptions.full(ImportMode.APPLY_VALID_ROWS));

    assertThat(raced).isTrue();
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.ref()).isEqualTo("HR-600");
              assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
              assertThat(e.line()).isEqualTo(601);
            });
    assertThat(result.count(RosterChange.Kind.HIRED)).isEqualTo(699);
    assertThat(tp[0].workforce().list(fx[0].officer())).hasSize(700);
    assertThat(tp[0].workforce().getByExternalId(fx[0].officer(), "HR-600").displayName())
        .isEqualTo("Elsewhere");
  }
}
