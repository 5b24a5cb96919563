package io.trainproof.integrations.scorm;

import static io.trainproof.integrations.World.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.integrations.CompletionImportResult;
import io.trainproof.integrations.CourseRef;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.ImportedCompletion;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.World;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScormImportTest {
  final World w = new World();
  final ScormImporter scorm =
      new ScormImporter(
          w.tp,
          learner -> Optional.of(learner.replace("u-", "HR-")),
          id ->
              Optional.ofNullable(
                      Map.of("PRIV101_SCORM12", "HIPAA-101", "SEC201_2004", "SEC-201").get(id))
                  .map(CourseRef::of));

  @BeforeEach
  void people() {
    w.hire("HR-1002", LocalDate.of(2025, 3, 10));
    w.hire("HR-1003", LocalDate.of(2026, 7, 20));
  }

  @Test
  void scorm12And2004StatusesRoundTrip() {
    CompletionImportResult result =
        scorm.importCsv(
            w.officer,
            "Lakeside LMS",
            "export.csv",
            World.resource("scorm-export.csv"),
            ImportOptions.allOrNothing());

    assertThat(result.errors()).isEmpty();
    assertThat(result.imported())
        .extracting(
            ImportedCompletion::sourceRef, ImportedCompletion::score, ImportedCompletion::passed)
        .containsExactly(
            tuple("att-9001", 55, false),
            tuple("att-9002", 88, true),
            tuple("att-9003", 91, true),
            tuple("att-9005", null, true));
    assertThat(result.skipped()).extracting(s -> s.ref()).containsExactly("att-9004");
    Completion c = w.completions("HR-1003").get(0);
    assertThat(c.provenance().method()).isEqualTo(CompletionMethod.SCORM);
    assertThat(c.provenance().source()).isEqualTo("Lakeside LMS");
    assertThat(c.completedOn()).isEqualTo(LocalDate.of(2026, 8, 1));

    List<String> before = w.snapshot();
    assertThat(
            scorm
                .importCsv(
                    w.officer,
                    "Lakeside LMS",
                    "export.csv",
                    World.resource("scorm-export.csv"),
                    ImportOptions.allOrNothing())
                .newlyRecorded())
        .isZero();
    assertThat(w.snapshot()).isEqualTo(before);
  }

  @Test
  void unknownStatusesAndColumnsAreRowErrors() {
    String file = "learner_id,course_id,scorm_version,lesson_status,completed_at,grade\n";
    assertThat(
            scorm
                .importCsv(w.officer, "LMS", "x.csv", utf8(file), ImportOptions.allOrNothing())
                .errors())
        .extracting(RowError::field, RowError::kind)
        .containsExactly(tuple("grade", ErrorKind.UNKNOWN_COLUMN));

    String rows =
        "learner_id,course_id,scorm_version,lesson_status,completed_at\n"
            + "u-1002,PRIV101_SCORM12,1.2,passed,2026-08-01\n"
            + "u-1002,PRIV101_SCORM12,1.2,aced,2026-08-01\n"
            + "u-1002,PRIV101_SCORM12,3,passed,2026-08-01\n"
            + "u-9999,PRIV101_SCORM12,1.2,passed,2026-08-01\n"
            + "u-1002,PRIV101_SCORM12,1.2,passed,yesterday\n";
    CompletionImportResult result =
        scorm.importCsv(w.officer, "LMS", "rows.csv", utf8(rows), ImportOptions.allOrNothing());
    assertThat(result.errors())
        .extracting(RowError::line, RowError::field, RowError::kind)
        .containsExactly(
            tuple(3, "lesson_status", ErrorKind.INVALID_VALUE),
            tuple(4, "scorm_version", ErrorKind.INVALID_VALUE),
            tuple(5, "learner_id", ErrorKind.UNKNOWN_MEMBER),
            tuple(6, "completed_at", ErrorKind.INVALID_VALUE));
    assertThat(w.completions("HR-1002")).isEmpty();
  }
}
