package io.trainproof.integrations.cmi5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.integrations.CompletionImportResult;
import io.trainproof.integrations.CourseRef;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.ImportedCompletion;
import io.trainproof.integrations.World;
import io.trainproof.integrations.xapi.MemberMapping;
import io.trainproof.integrations.xapi.Verbs;
import io.trainproof.integrations.xapi.XapiAgent;
import io.trainproof.integrations.xapi.XapiScore;
import io.trainproof.integrations.xapi.XapiStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Cmi5ImportTest {
  static final String LMS = "https://lms.lakeside.example/";
  final World w = new World();

  Cmi5Importer importer(MoveOn quizMoveOn) {
    Map<String, Cmi5Au> structure =
        Map.of(
            LMS + "cmi5/au/privacy-quiz", new Cmi5Au(CourseRef.of("HIPAA-101"), quizMoveOn),
            LMS + "cmi5/course/security-201",
                new Cmi5Au(CourseRef.of("SEC-201"), MoveOn.COMPLETED));
    return new Cmi5Importer(
        w.tp, MemberMapping.accountName(LMS), id -> Optional.ofNullable(structure.get(id)));
  }

  @Test
  void aSpecShapedSessionRoundTripsSatisfiedAndWaived() {
    w.hire("HR-1002", LocalDate.of(2025, 3, 10));
    w.hire("HR-1003", LocalDate.of(2026, 7, 20));

    CompletionImportResult result =
        importer(MoveOn.COMPLETED_AND_PASSED)
            .importJson(
                w.officer,
                "lms.lakeside.example",
                World.resource("cmi5-session.json"),
                ImportOptions.allOrNothing());

    assertThat(result.errors()).isEmpty();
    assertThat(result.imported())
        .extracting(
            ImportedCompletion::sourceRef, ImportedCompletion::score, ImportedCompletion::passed)
        .containsExactly(
            tuple("30073747-183d-4252-b4a8-58aa6f8c8249", null, true),
            tuple("0e8a1f5c-3b2d-4c9e-8f71-6a5b4c3d2e1f", 90, true));
    Completion quiz =
        w.completions("HR-1002").stream()
            .filter(c -> c.course().equals(w.privacy.id()))
            .findFirst()
            .orElseThrow();
    assertThat(quiz.provenance().method()).isEqualTo(CompletionMethod.CMI5);
    assertThat(quiz.completedOn()).isEqualTo(LocalDate.of(2026, 8, 2));
    assertThat(result.waived())
        .singleElement()
        .satisfies(wa -> assertThat(wa.sourceRef()).startsWith("5c4b3a29"));
    assertThat(w.assignments("HR-1003"))
        .filteredOn(a -> a.course().equals(w.privacy.id()))
        .extracting(a -> a.state())
        .containsExactly(AssignmentState.WAIVED);
    assertThat(result.skipped())
        .extracting(s -> s.reason())
        .anyMatch(r -> r.contains("launched"))
        .anyMatch(r -> r.startsWith("counted in the completion recorded from statement 0e8a1f5c"));
  }

  static XapiStatement s(String id, String verb, String au, int minute, Double scaled) {
    return new XapiStatement(
        minute,
        id,
        new XapiAgent(null, null, null, LMS, "HR-1", null),
        verb,
        LMS + "cmi5/au/" + au,
        scaled == null ? null : new XapiScore(scaled, null, null, null),
        null,
        null,
        null,
        "reg-1",
        List.of(),
        Instant.parse("2026-08-02T14:00:00Z").plusSeconds(60L * minute));
  }

  @Test
  void eachMoveOnCriterionDecidesWhichStatementRecordsTheCompletion() {
    List<XapiStatement> completedOnly =
        List.of(
            s("c0000000-0000-4000-8000-000000000001", Verbs.COMPLETED, "privacy-quiz", 1, null));
    List<XapiStatement> passedThenCompleted =
        List.of(
            s("c0000000-0000-4000-8000-000000000002", Verbs.PASSED, "privacy-quiz", 1, 0.85),
            s("c0000000-0000-4000-8000-000000000003", Verbs.COMPLETED, "privacy-quiz", 2, null));
    Map<MoveOn, List<Object>> expect =
        Map.of(
            MoveOn.COMPLETED, List.of(completedOnly, "c0000000-0000-4000-8000-000000000001"),
            MoveOn.PASSED, List.of(completedOnly, ""),
            MoveOn.COMPLETED_AND_PASSED,
                List.of(passedThenCompleted, "c0000000-0000-4000-8000-000000000003"),
            MoveOn.COMPLETED_OR_PASSED,
                List.of(passedThenCompleted, "c0000000-0000-4000-8000-000000000002"),
            MoveOn.NOT_APPLICABLE, List.of(passedThenCompleted, ""));
    for (Map.Entry<MoveOn, List<Object>> e : expect.entrySet()) {
      World world = new World();
      world.hire("HR-1", LocalDate.of(2025, 1, 1));
      Map<String, Cmi5Au> structure =
          Map.of(LMS + "cmi5/au/privacy-quiz", new Cmi5Au(CourseRef.of("HIPAA-101"), e.getKey()));
      Cmi5Importer cmi5 =
          new Cmi5Importer(
              world.tp,
              MemberMapping.accountName(LMS),
              id -> Optional.ofNullable(structure.get(id)));
      @SuppressWarnings("unchecked")
      List<XapiStatement> statements = (List<XapiStatement>) e.getValue().get(0);
      CompletionImportResult result =
          cmi5.importStatements(world.officer, "lms", statements, ImportOptions.allOrNothing());
      String expected = (String) e.getValue().get(1);
      if (expected.isEmpty()) {
        assertThat(result.imported()).as(e.getKey().specName()).isEmpty();
      } else {
        assertThat(result.imported())
            .as(e.getKey().specName())
            .singleElement()
            .satisfies(i -> assertThat(i.sourceRef()).isEqualTo(expected));
      }
      assertThat(MoveOn.parse(e.getKey().specName())).isEqualTo(e.getKey());
    }
  }

  @Test
  void aFailedAttemptIsKeptWhileTheAssignmentIsOpenAndSkippedAfterThePass() {
    w.hire("HR-1", LocalDate.of(2025, 1, 1));
    List<XapiStatement> statements =
        List.of(
            s("f0000000-0000-4000-8000-000000000001", Verbs.FAILED, "privacy-quiz", 1, 0.5),
            s("f0000000-0000-4000-8000-000000000002", Verbs.PASSED, "privacy-quiz", 2, 0.9),
            s("f0000000-0000-4000-8000-000000000003", Verbs.FAILED, "privacy-quiz", 3, 0.4));
    CompletionImportResult result =
        importer(MoveOn.PASSED)
            .importStatements(w.officer, "lms", statements, ImportOptions.allOrNothing());
    assertThat(result.imported())
        .extracting(ImportedCompletion::passed)
        .containsExactly(false, true);
    assertThat(result.skipped())
        .singleElement()
        .satisfies(sk -> assertThat(sk.ref()).endsWith("3"));
    assertThat(w.assignments("HR-1"))
        .filteredOn(a -> a.isOpen() && a.course().equals(w.privacy.id()))
        .isEmpty();
  }
}
