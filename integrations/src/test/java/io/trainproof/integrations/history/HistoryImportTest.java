package io.trainproof.integrations.history;

import static io.trainproof.integrations.World.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.integrations.CompletionImportResult;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.World;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryImportTest {
  final World w = new World();
  final HistoryImporter history = new HistoryImporter(w.tp);

  @BeforeEach
  void people() {
    w.hire("HR-1002", LocalDate.of(2025, 3, 10));
    w.hire("HR-1003", LocalDate.of(2026, 7, 20));
  }

  @Test
  void historyRoundTripsWithFileAndLineProvenanceAndIsIdempotent() {
    CompletionImportResult result =
        history.importCsv(
            w.officer, "history.csv", World.resource("history.csv"), ImportOptions.allOrNothing());

    assertThat(result.errors()).isEmpty();
    assertThat(result.newlyRecorded()).isEqualTo(3);
    Completion first =
        w.completions("HR-1002").stream()
            .filter(c -> c.course().equals(w.privacy.id()))
            .findFirst()
            .orElseThrow();
    assertThat(first.provenance().method()).isEqualTo(CompletionMethod.HISTORICAL_IMPORT);
    assertThat(first.provenance().source()).isEqualTo("OldLMS");
    assertThat(first.provenance().sourceRef()).isEqualTo("history.csv:2");
    assertThat(first.provenance().recordedBy()).isEqualTo(w.officer.id());
    assertThat(first.score()).isEqualTo(91);
    assertThat(w.completions("HR-1003"))
        .singleElement()
        .satisfies(c -> assertThat(c.passed()).as("78 < pass mark 80").isFalse());

    List<String> before = w.snapshot();
    assertThat(
            history
                .importCsv(
                    w.officer,
                    "history.csv",
                    World.resource("history.csv"),
                    ImportOptions.applyValidRows())
                .newlyRecorded())
        .isZero();
    assertThat(w.snapshot()).isEqualTo(before);
  }

  @Test
  void beforeEngagementUnknownCoursesAndBadValuesAreRowErrors() {
    String file =
        "member_external_id,course_code,completed_on,score,source\n"
            + "HR-1002,HIPAA-101,2024-12-01,90,OldLMS\n"
            + "HR-1002,GDPR-1,2025-12-01,90,OldLMS\n"
            + "HR-1002,HIPAA-101,2025-12-01,190,OldLMS\n"
            + "HR-404,HIPAA-101,2025-12-01,90,OldLMS\n"
            + "HR-1002,HIPAA-101,2025-12-01,90,\n"
            + "HR-1002,SEC-201,2025-12-01,95,OldLMS\n";
    CompletionImportResult all =
        history.importCsv(w.officer, "h.csv", utf8(file), ImportOptions.allOrNothing());
    assertThat(all.errors())
        .extracting(RowError::line, RowError::field, RowError::kind)
        .containsExactly(
            tuple(2, "completed_on", ErrorKind.REJECTED),
            tuple(3, "course_code", ErrorKind.UNKNOWN_COURSE),
            tuple(4, "score", ErrorKind.INVALID_VALUE),
            tuple(5, "member_external_id", ErrorKind.UNKNOWN_MEMBER),
            tuple(6, "source", ErrorKind.INVALID_VALUE));
    assertThat(all.committed()).isFalse();
    assertThat(w.completions("HR-1002")).isEmpty();
    assertThat(all.summary()).contains("5 errors");

    CompletionImportResult valid =
        history.importCsv(w.officer, "h.csv", utf8(file), ImportOptions.applyValidRows());
    assertThat(valid.imported()).singleElement().satisfies(i -> assertThat(i.line()).isEqualTo(7));
  }
}
