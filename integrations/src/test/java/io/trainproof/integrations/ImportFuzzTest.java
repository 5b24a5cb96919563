package io.trainproof.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.trainproof.core.TrainproofException;
import io.trainproof.integrations.history.HistoryImporter;
import io.trainproof.integrations.roster.RosterOptions;
import io.trainproof.integrations.roster.RosterResult;
import io.trainproof.integrations.roster.RosterSync;
import io.trainproof.integrations.xapi.MemberMapping;
import io.trainproof.integrations.xapi.XapiImporter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;

/**
 * Fuzz tests of the importers with Jazzer: xAPI JSON ({@link XapiImporter}), the history CSV
 * ({@link HistoryImporter}) and the roster CSV ({@link RosterSync}), on the in-memory store.
 *
 * <p>Properties, for any bytes: the importer returns a result or throws a typed {@link
 * TrainproofException}, nothing else; a dry run writes nothing; an all-or-nothing run that does not
 * commit (any row error, or a typed refusal) writes nothing (the snapshot of members, assignments
 * and completions and the length of the audit chain are unchanged); a run that commits reports no
 * error. The world is rebuilt after an input that committed, so each input meets the same starting
 * state.
 *
 * <p>Regression inputs: {@code src/test/resources/io/trainproof/integrations/ImportFuzzTestInputs/}
 * (the sample files among them); fuzzing command in {@code docs/FUZZING.md}.
 */
@Tag("slow")
class ImportFuzzTest {
  private static final String LRS = "lrs.lakeside.example";
  private static final Map<String, String> EMAILS =
      Map.of("grace.okafor@lakeside.example", "HR-1002");
  private static final Map<String, String> ACTIVITIES =
      Map.of(
          "https://lms.lakeside.example/xapi/activities/hipaa-privacy-101", "HIPAA-101",
          "https://lms.lakeside.example/xapi/activities/security-awareness-201", "SEC-201");
  private static World world = newWorld();

  private static World newWorld() {
    World w = new World();
    w.hire("HR-1002", LocalDate.of(2025, 3, 10));
    w.hire("HR-1003", LocalDate.of(2026, 7, 20));
    return w;
  }

  @FuzzTest(maxDuration = "10s")
  void anXapiDocumentIsImportedWholeOrNotAtAll(byte[] input) {
    MemberMapping byAccount = MemberMapping.accountName("https://lms.lakeside.example");
    XapiImporter xapi =
        new XapiImporter(
            world.tp,
            agent ->
                agent.email() != null
                    ? Optional.ofNullable(EMAILS.get(agent.email()))
                    : byAccount.externalIdFor(agent),
            id -> Optional.ofNullable(ACTIVITIES.get(id)).map(CourseRef::of));
    importsWholeOrNothing(
        options -> {
          CompletionImportResult r = xapi.importJson(world.officer, LRS, input, options);
          return new Outcome(r.committed(), r.errors());
        });
  }

  @FuzzTest(maxDuration = "10s")
  void aHistoryCsvIsImportedWholeOrNotAtAll(byte[] input) {
    HistoryImporter history = new HistoryImporter(world.tp);
    importsWholeOrNothing(
        options -> {
          CompletionImportResult r =
              history.importCsv(world.officer, "history.csv", input, options);
          return new Outcome(r.committed(), r.errors());
        });
  }

  @FuzzTest(maxDuration = "10s")
  void aRosterCsvIsAppliedWholeOrNotAtAll(byte[] input) {
    RosterSync sync = new RosterSync(world.tp);
    importsWholeOrNothing(
        options -> {
          RosterOptions roster = RosterOptions.full(options.mode());
          RosterResult r =
              sync.applyCsv(
                  world.officer,
                  "roster.csv",
                  input,
                  options.dryRun() ? roster.asDryRun() : roster);
          return new Outcome(r.committed(), r.errors());
        });
  }

  /** What a run reported. */
  private record Outcome(boolean committed, List<RowError> errors) {}

  private static void importsWholeOrNothing(Function<ImportOptions, Outcome> run) {
    List<String> before = world.snapshot();
    int audit = world.auditSize();

    Outcome dry = runTyped(run, ImportOptions.allOrNothing().asDryRun());
    assertThat(dry == null || !dry.committed()).as("a dry run commits nothing").isTrue();
    assertUnchanged(before, audit, "a dry run");

    Outcome real = runTyped(run, ImportOptions.allOrNothing());
    if (real == null || !real.committed()) {
      assertUnchanged(
          before, audit, "a rejected all-or-nothing run " + (real == null ? "" : real.errors()));
    } else {
      assertThat(real.errors()).as("a committed run has no errors").isEmpty();
      world = newWorld();
    }
  }

  /** Runs an import; a typed refusal is a result without a commit, anything else escapes. */
  private static Outcome runTyped(Function<ImportOptions, Outcome> run, ImportOptions options) {
    try {
      return run.apply(options);
    } catch (TrainproofException refused) {
      return null;
    }
  }

  private static void assertUnchanged(List<String> before, int audit, String what) {
    assertThat(world.snapshot()).as(what + " leaves the store unchanged").isEqualTo(before);
    assertThat(world.auditSize()).as(what + " appends no audit entry").isEqualTo(audit);
  }
}
