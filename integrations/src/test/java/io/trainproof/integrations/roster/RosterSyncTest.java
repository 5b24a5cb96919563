package io.trainproof.integrations.roster;

import static io.trainproof.integrations.World.TODAY;
import static io.trainproof.integrations.World.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportMode;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.World;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RosterSyncTest {
  final World w = new World();
  final RosterSync sync = new RosterSync(w.tp);
  static final String HEADER =
      "external_id,display_name,workforce_type,roles,department,manager_external_id,engaged_on,status,status_date\n";

  @Test
  void aRosterFileHiresWithManagersInAnyOrderAndStartsLeaves() {
    RosterResult result =
        sync.applyCsv(
            w.officer,
            "roster.csv",
            World.resource("roster-2026-08-03.csv"),
            RosterOptions.full(ImportMode.ALL_OR_NOTHING));

    assertThat(result.errors()).isEmpty();
    assertThat(result.committed()).isTrue();
    assertThat(result.count(RosterChange.Kind.HIRED)).isEqualTo(4);
    assertThat(result.changes())
        .filteredOn(c -> c.kind() == RosterChange.Kind.LEAVE_STARTED)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.externalId()).isEqualTo("HR-1004");
              assertThat(c.line()).as("the blank line is counted").isEqualTo(6);
              assertThat(c.effectiveOn()).isEqualTo(LocalDate.of(2026, 7, 15));
            });
    WorkforceMember grace = w.member("HR-1002");
    assertThat(grace.latestTerms().roles()).containsExactlyInAnyOrder("nurse", "charge-nurse");
    assertThat(grace.latestTerms().manager()).isEqualTo(w.member("HR-1001").id());
    assertThat(grace.displayName()).isEqualTo("Okafor, Grace");
    assertThat(w.member("HR-1003").latestTerms().type()).isEqualTo(WorkforceType.CONTRACTOR);
    assertThat(w.member("HR-1004").latestTerms().status()).isEqualTo(MemberStatus.ON_LEAVE);
    assertThat(w.assignments("HR-1002")).as("each hire drove the assignment engine").hasSize(2);
  }

  @Test
  void theSameRosterTwiceChangesNothing() {
    byte[] file = World.resource("roster-2026-08-03.csv");
    sync.applyCsv(w.officer, "roster.csv", file, RosterOptions.full(ImportMode.ALL_OR_NOTHING));
    List<String> before = w.snapshot();
    int audit = w.auditSize();

    RosterResult again =
        sync.applyCsv(w.officer, "roster.csv", file, RosterOptions.full(ImportMode.ALL_OR_NOTHING));

    assertThat(again.changes()).isEmpty();
    assertThat(again.unchanged()).isEqualTo(4);
    assertThat(again.notices()).isEmpty();
    assertThat(w.snapshot()).isEqualTo(before);
    assertThat(w.auditSize()).isEqualTo(audit);
  }

  @Test
  void differencesBecomeChangesReturnsAndTerminationsAndADryRunWritesNothing() {
    sync.applyCsv(
        w.officer,
        "roster.csv",
        World.resource("roster-2026-08-03.csv"),
        RosterOptions.full(ImportMode.ALL_OR_NOTHING));
    w.clock.advance(Duration.ofDays(1));
    String next =
        HEADER
            + "HR-1002,\"Okafor, Grace\",EMPLOYEE,nurse;charge-nurse;privacy-liaison,Step-Down,HR-1001,2025-03-10,ACTIVE,\n"
            + "HR-1003,Diego Alvarez,CONTRACTOR,it-admin,IT,HR-1001,2026-07-20,TERMINATED,2026-08-01\n"
            + "HR-1004,\"Chen, Wei\",TRAINEE,front-desk,Registration,HR-1001,2026-01-05,ACTIVE,2026-08-03\n";
    List<String> before = w.snapshot();
    int audit = w.auditSize();

    RosterResult preview =
        sync.applyCsv(
            w.officer,
            "next.csv",
            utf8(next),
            RosterOptions.partial(ImportMode.ALL_OR_NOTHING).asDryRun());

    assertThat(preview.committed()).isFalse();
    assertThat(preview.changes())
        .extracting(RosterChange::externalId, RosterChange::kind, RosterChange::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "HR-1002", RosterChange.Kind.TERMS_CHANGED, "roles, department"),
            org.assertj.core.groups.Tuple.tuple("HR-1003", RosterChange.Kind.TERMINATED, ""),
            org.assertj.core.groups.Tuple.tuple("HR-1004", RosterChange.Kind.RETURNED, ""));
    assertThat(w.snapshot()).isEqualTo(before);
    assertThat(w.auditSize()).isEqualTo(audit);

    RosterResult applied =
        sync.applyCsv(
            w.officer, "next.csv", utf8(next), RosterOptions.full(ImportMode.ALL_OR_NOTHING));

    assertThat(applied.changes()).isEqualTo(preview.changes());
    assertThat(w.member("HR-1002").latestTerms().department()).isEqualTo("Step-Down");
    assertThat(w.member("HR-1003").latestTerms().status()).isEqualTo(MemberStatus.TERMINATED);
    assertThat(w.assignments("HR-1003"))
        .extracting(a -> a.state())
        .containsOnly(AssignmentState.CANCELLED);
    assertThat(w.member("HR-1004").latestTerms().status()).isEqualTo(MemberStatus.ACTIVE);
    assertThat(applied.missing())
        .as("flagged for review, never terminated")
        .singleElement()
        .satisfies(m -> assertThat(m.externalId()).isEqualTo("HR-1001"));
    assertThat(w.member("HR-1001").latestTerms().status()).isEqualTo(MemberStatus.ACTIVE);
  }

  @Test
  void allOrNothingWritesNothingAndListsEveryRowError() {
    String file =
        HEADER
            + "HR-1,Ann,EMPLOYEE,nurse,ICU,,2026-01-01,ACTIVE,\n"
            + "HR-2,Bob,JANITOR,nurse,ICU,,2026-01-01,ACTIVE,\n"
            + "HR-3,Cy,EMPLOYEE,nurse,ICU,,01/02/2026,ACTIVE,\n"
            + "HR-4,Di,EMPLOYEE,nurse,ICU,,2026-01-01,ACTIVE,\n"
            + "HR-4,Di again,EMPLOYEE,nurse,ICU,,2026-01-01,ACTIVE,\n"
            + "HR-5,Ed,EMPLOYEE,nurse,ICU,HR-404,2026-01-01,ACTIVE,\n"
            + "HR-6,Flo,EMPLOYEE,nurse,ICU,,2027-01-01,ACTIVE,\n";
    int audit = w.auditSize();

    RosterResult result =
        sync.applyCsv(
            w.officer, "bad.csv", utf8(file), RosterOptions.full(ImportMode.ALL_OR_NOTHING));

    assertThat(result.committed()).isFalse();
    assertThat(result.changes()).isEmpty();
    assertThat(w.tp.workforce().list(w.officer)).isEmpty();
    assertThat(w.auditSize()).isEqualTo(audit);
    assertThat(result.errors())
        .extracting(RowError::line, RowError::field, RowError::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "workforce_type", ErrorKind.INVALID_VALUE),
            org.assertj.core.groups.Tuple.tuple(4, "engaged_on", ErrorKind.INVALID_VALUE),
            org.assertj.core.groups.Tuple.tuple(5, "external_id", ErrorKind.DUPLICATE),
            org.assertj.core.groups.Tuple.tuple(6, "external_id", ErrorKind.DUPLICATE),
            org.assertj.core.groups.Tuple.tuple(7, "manager_external_id", ErrorKind.NOT_FOUND));
    assertThat(result.summary()).contains("5 errors").contains("nothing written");
  }

  @Test
  void applyValidRowsAppliesTheGoodRowsAndReportsTheRest() {
    String file =
        HEADER
            + "HR-1,Ann,EMPLOYEE,nurse,ICU,,2026-01-01,ACTIVE,\n"
            + "HR-2,Bob,JANITOR,nurse,ICU,,2026-01-01,ACTIVE,\n"
            + "HR-3,Cy,EMPLOYEE,nurse,ICU,HR-404,2026-01-01,ACTIVE,\n"
            + "HR-4,Di,EMPLOYEE,nurse,ICU,HR-1,2026-01-01,ON_LEAVE,2025-12-01\n";

    RosterResult result =
        sync.applyCsv(
            w.officer, "mixed.csv", utf8(file), RosterOptions.partial(ImportMode.APPLY_VALID_ROWS));

    assertThat(result.committed()).isTrue();
    assertThat(result.errors()).extracting(RowError::line).containsExactly(3, 4, 5);
    assertThat(result.errors().get(2).kind())
        .as("a leave before the hire is refused by core")
        .isEqualTo(ErrorKind.REJECTED);
    assertThat(w.tp.workforce().list(w.officer))
        .extracting(WorkforceMember::externalId)
        .as("a failed row leaves nothing behind, not even its hire")
        .containsExactly("HR-1");
  }

  @Test
  void aHireRolledBackWithItsRowManagesNobodyInTheRowsAfterIt() {
    // HR-4 is hired, then its leave (before the hire) is refused, so its own unit rolls the hire
    // back; HR-5, after it because HR-4 manages it, must not find HR-4. HR-6 finds HR-1, hired by
    // this roster, as its manager.
    String file =
        HEADER
            + "HR-5,Ed,EMPLOYEE,nurse,ICU,HR-4,2026-01-01,ACTIVE,\n"
            + "HR-1,Ann,EMPLOYEE,nurse,ICU,,2026-01-01,ACTIVE,\n"
            + "HR-4,Di,EMPLOYEE,nurse,ICU,HR-1,2026-01-01,ON_LEAVE,2025-12-01\n"
            + "HR-6,Flo,EMPLOYEE,nurse,ICU,HR-1,2026-01-01,ACTIVE,\n";

    RosterResult result =
        sync.applyCsv(
            w.officer, "chain.csv", utf8(file), RosterOptions.partial(ImportMode.APPLY_VALID_ROWS));

    assertThat(result.errors()).extracting(RowError::line).containsExactly(2, 4);
    assertThat(result.errors().get(0).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(w.tp.workforce().list(w.officer))
        .extracting(WorkforceMember::externalId)
        .containsExactlyInAnyOrder("HR-1", "HR-6");
    assertThat(w.member("HR-6").latestTerms().manager()).isEqualTo(w.member("HR-1").id());
  }

  @Test
  void theProgrammaticApiChecksRowsAndTellsPositions() {
    List<RosterRow> rows =
        List.of(
            RosterRow.active(
                "P-1", "Pat", WorkforceType.VOLUNTEER, Set.of("greeter"), "Lobby", null, TODAY),
            RosterRow.active(" ", "Nobody", WorkforceType.EMPLOYEE, Set.of("x"), "D", null, TODAY));
    RosterResult result =
        sync.apply(w.officer, rows, RosterOptions.partial(ImportMode.APPLY_VALID_ROWS));
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.field()).isEqualTo("external_id");
            });
    assertThat(w.member("P-1").latestTerms().type()).isEqualTo(WorkforceType.VOLUNTEER);
  }

  @Test
  void unknownAndMissingColumnsRejectTheFile() {
    String file =
        "external_id,display_name,workforce_type,roles,department,engaged_on,salary\n"
            + "HR-1,Ann,EMPLOYEE,nurse,ICU,2026-01-01,100\n";
    RosterResult result =
        sync.applyCsv(
            w.officer, "x.csv", utf8(file), RosterOptions.partial(ImportMode.APPLY_VALID_ROWS));
    assertThat(result.errors())
        .extracting(RowError::line, RowError::field, RowError::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(1, "salary", ErrorKind.UNKNOWN_COLUMN),
            org.assertj.core.groups.Tuple.tuple(1, "status", ErrorKind.MISSING_COLUMN));
    assertThat(w.tp.workforce().list(w.officer)).isEmpty();
  }

  @Test
  void aByteOrderMarkIsAcceptedAndInvalidUtf8IsAnEncodingErrorOnItsLine() throws Exception {
    ByteArrayOutputStream bom = new ByteArrayOutputStream();
    bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bom.write(utf8(HEADER + "HR-1,Zoë Müller,EMPLOYEE,nurse,ICU,,2026-01-01,ACTIVE,\n"));
    RosterResult ok =
        sync.applyCsv(
            w.officer,
            "bom.csv",
            bom.toByteArray(),
            RosterOptions.partial(ImportMode.ALL_OR_NOTHING));
    assertThat(ok.errors()).isEmpty();
    assertThat(w.member("HR-1").displayName()).isEqualTo("Zoë Müller");

    byte[] latin1 =
        (HEADER
                + "HR-2,Ann,EMPLOYEE,nurse,ICU,,2026-01-01,ACTIVE,\nHR-3,José,EMPLOYEE,nurse,ICU,,2026-01-01,ACTIVE,\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    RosterResult bad =
        sync.applyCsv(
            w.officer, "latin1.csv", latin1, RosterOptions.partial(ImportMode.APPLY_VALID_ROWS));
    assertThat(bad.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.ENCODING);
              assertThat(e.line()).isEqualTo(3);
            });
    assertThat(w.tp.workforce().list(w.officer))
        .extracting(WorkforceMember::externalId)
        .containsExactly("HR-1");
  }

  @Test
  void malformedCsvIsReportedAndAFullRosterThenFlagsNobody() {
    w.hire("HR-9", TODAY.minusYears(1));
    String file = HEADER + "HR-1,\"Ann,EMPLOYEE,nurse,ICU,,2026-01-01,ACTIVE,\n";
    RosterResult result =
        sync.applyCsv(
            w.officer, "broken.csv", utf8(file), RosterOptions.full(ImportMode.ALL_OR_NOTHING));
    assertThat(result.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    assertThat(result.missing()).as("a file not read to the end proves nobody missing").isEmpty();
  }

  @Test
  void aTerminatedMemberIsNotRehiredAndNoticesReportWhatCoreKeepsFixed() {
    WorkforceMember m = w.hire("HR-7", TODAY.minusYears(1));
    w.tp.workforce().terminate(w.officer, m.id(), TODAY.minusDays(3));
    String file =
        HEADER
            + "HR-7,Name HR-7,EMPLOYEE,nurse,ICU,,2025-08-03,ACTIVE,\n"
            + "HR-8,Ann,EMPLOYEE,nurse,ICU,,2026-01-01,ACTIVE,\n";
    w.hire("HR-8", LocalDate.of(2026, 1, 2));
    RosterResult result =
        sync.applyCsv(
            w.officer, "f.csv", utf8(file), RosterOptions.partial(ImportMode.APPLY_VALID_ROWS));
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
              assertThat(e.field()).isEqualTo("status");
            });
    assertThat(result.notices())
        .extracting(RosterNotice::field)
        .containsExactly("display_name", "engaged_on");
  }
}
