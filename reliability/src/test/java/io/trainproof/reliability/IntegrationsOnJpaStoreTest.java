package io.trainproof.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.integrations.CompletionImportResult;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportMode;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.history.HistoryImporter;
import io.trainproof.integrations.roster.RosterOptions;
import io.trainproof.integrations.roster.RosterResult;
import io.trainproof.integrations.roster.RosterRow;
import io.trainproof.integrations.roster.RosterSync;
import io.trainproof.persistence.jpa.JpaStore;
import io.trainproof.persistence.jpa.SqlDialect;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by {@link FaultInjectionTest}'s roster case): on the JPA store a roster sync
 * could not add a member, and an import naming an unknown member threw instead of reporting the
 * row. The integrations looked members up with {@code getByExternalId} and caught the not-found;
 * inside the batch's unit of work the JPA store fails the whole transaction on any failed nested
 * call, caught or not (the in-memory store, on which the integrations' own tests run, lets it
 * pass). They now use the non-throwing {@code findByExternalId}.
 */
@Tag("database")
class IntegrationsOnJpaStoreTest {
  @Test
  void aRosterAddsNewMembersAndAnImportReportsAnUnknownMemberOnTheJpaStore() throws Exception {
    try (PostgresSchema schema = PostgresSchema.create();
        JpaStore store = JpaStore.create(schema.dataSource(), SqlDialect.POSTGRESQL)) {
      Fixtures fx = clinic(store);
      Trainproof tp = fx.trainproof();
      WorkforceMember lead = fx.hire(World.TODAY.minusDays(30), "ICU", "lead");
      // A lookup that finds nobody fails nothing, even inside one unit of work.
      WorkforceMember hired =
          tp.atomically(
              () -> {
                assertThat(tp.workforce().findByExternalId(fx.officer(), "NOBODY")).isEmpty();
                return tp.workforce()
                    .hire(
                        fx.officer(),
                        new WorkforceService.NewMember(
                            "HR-0",
                            "Member HR-0",
                            WorkforceType.EMPLOYEE,
                            Set.of("nurse"),
                            "ICU",
                            null,
                            World.TODAY));
              });
      assertThat(tp.workforce().findByExternalId(fx.officer(), "HR-0")).contains(hired);

      RosterResult all =
          new RosterSync(tp)
              .apply(
                  fx.officer(),
                  List.of(
                      row(lead.externalId(), "lead", null),
                      row("HR-1", "nurse", lead.externalId())),
                  RosterOptions.partial(ImportMode.ALL_OR_NOTHING));
      assertThat(all.errors()).isEmpty();
      assertThat(all.committed()).isTrue();
      assertThat(tp.workforce().findByExternalId(fx.officer(), "HR-1"))
          .hasValueSatisfying(m -> assertThat(m.latestTerms().manager()).isEqualTo(lead.id()));

      RosterResult valid =
          new RosterSync(tp)
              .apply(
                  fx.officer(),
                  List.of(row("HR-2", "clerk", null)),
                  RosterOptions.partial(ImportMode.APPLY_VALID_ROWS));
      assertThat(valid.errors()).isEmpty();
      assertThat(tp.workforce().findByExternalId(fx.officer(), "HR-2")).isPresent();

      String csv =
          "member_external_id,course_code,completed_on,score,source\n"
              + "NOBODY,"
              + "HIPAA,"
              + World.TODAY.minusDays(2)
              + ",90,legacy LMS\n";
      CompletionImportResult result =
          new HistoryImporter(tp)
              .importCsv(
                  fx.officer(),
                  "legacy.csv",
                  csv.getBytes(StandardCharsets.UTF_8),
                  ImportOptions.allOrNothing());
      assertThat(result.committed()).isFalse();
      assertThat(result.errors())
          .singleElement()
          .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN_MEMBER));
      assertThat(Invariants.violations(schema.dataSource(), store)).isEmpty();
    }
  }

  @Test
  void anAllOrNothingRosterReportsTheRowCoreRejectsOnTheJpaStore() throws Exception {
    try (PostgresSchema schema = PostgresSchema.create();
        JpaStore store = JpaStore.create(schema.dataSource(), SqlDialect.POSTGRESQL)) {
      Fixtures fx = clinic(store);
      Trainproof tp = fx.trainproof();
      WorkforceMember lead = fx.hire(World.TODAY.minusDays(30), "ICU", "lead");
      tp.workforce()
          .change(
              fx.officer(),
              lead.id(),
              WorkforceService.MemberChange.roles(World.TODAY, Set.of("lead", "it")));
      // Core refuses a leave dated before the member's latest change (history is not rewritten);
      // the roster's own checks cannot know that.
      RosterRow backdatedLeave =
          new RosterRow(
              lead.externalId(),
              lead.displayName(),
              WorkforceType.EMPLOYEE,
              Set.of("lead", "it"),
              "ICU",
              null,
              lead.engagedOn(),
              MemberStatus.ON_LEAVE,
              World.TODAY.minusDays(5));
      for (RosterOptions options :
          List.of(
              RosterOptions.partial(ImportMode.ALL_OR_NOTHING),
              RosterOptions.partial(ImportMode.ALL_OR_NOTHING).asDryRun())) {
        RosterResult result =
            new RosterSync(tp)
                .apply(
                    fx.officer(),
                    List.of(row("HR-7", "nurse", null), backdatedLeave, row("HR-8", "clerk", null)),
                    options);
        assertThat(result.committed()).isFalse();
        assertThat(result.errors())
            .singleElement()
            .satisfies(
                e -> {
                  assertThat(e.ref()).isEqualTo(lead.externalId());
                  assertThat(e.kind()).isEqualTo(ErrorKind.REJECTED);
                });
        assertThat(tp.workforce().findByExternalId(fx.officer(), "HR-7")).isEmpty();
        assertThat(tp.workforce().findByExternalId(fx.officer(), "HR-8")).isEmpty();
      }
      assertThat(Invariants.violations(schema.dataSource(), store)).isEmpty();
    }
  }

  /**
   * An organization with one yearly requirement, on the store, its clock on {@link World#TODAY}.
   */
  private static Fixtures clinic(JpaStore store) {
    Trainproof tp =
        Trainproof.builder().store(store).clock(SettableClock.at(World.at(World.TODAY))).build();
    Fixtures fx = Fixtures.organization(tp, World.ZONE);
    fx.requirement("Annual", Fixtures.terms(fx.course("HIPAA"), World.TODAY.minusYears(1)).build());
    return fx;
  }

  private static RosterRow row(
      String externalId, String role, @org.jspecify.annotations.Nullable String manager) {
    return new RosterRow(
        externalId,
        "Member " + externalId,
        WorkforceType.EMPLOYEE,
        Set.of(role),
        "ICU",
        manager,
        World.TODAY.minusDays(3),
        MemberStatus.ACTIVE,
        null);
  }
}
