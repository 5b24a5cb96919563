package io.trainproof.integrations.xapi;

import static io.trainproof.integrations.World.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.integrations.CompletionImportResult;
import io.trainproof.integrations.CourseRef;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.ImportedCompletion;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.World;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XapiImportTest {
  static final String LRS = "lrs.lakeside.example";
  static final Map<String, String> EMAILS = Map.of("grace.okafor@lakeside.example", "HR-1002");
  static final Map<String, String> ACTIVITIES =
      Map.of(
          "https://lms.lakeside.example/xapi/activities/hipaa-privacy-101", "HIPAA-101",
          "https://lms.lakeside.example/xapi/activities/security-awareness-201", "SEC-201",
          "https://lms.lakeside.example/xapi/activities/retired", "NOPE");
  final World w = new World();
  final XapiImporter xapi = importer(w);

  static XapiImporter importer(World w) {
    MemberMapping byAccount = MemberMapping.accountName("https://lms.lakeside.example");
    return new XapiImporter(
        w.tp,
        agent ->
            agent.email() != null
                ? Optional.ofNullable(EMAILS.get(agent.email()))
                : byAccount.externalIdFor(agent),
        id -> Optional.ofNullable(ACTIVITIES.get(id)).map(CourseRef::of));
  }

  @BeforeEach
  void people() {
    w.hire("HR-1002", LocalDate.of(2025, 3, 10));
    w.hire("HR-1003", LocalDate.of(2026, 7, 20));
  }

  @Test
  void aStatementResultRoundTripsWithScoresProvenanceAndTheOrganizationsDate() {
    CompletionImportResult result =
        xapi.importJson(
            w.officer, LRS, World.resource("xapi-statements.json"), ImportOptions.allOrNothing());

    assertThat(result.errors()).isEmpty();
    assertThat(result.committed()).isTrue();
    assertThat(result.imported())
        .extracting(
            ImportedCompletion::sourceRef, ImportedCompletion::score, ImportedCompletion::passed)
        .containsExactly(
            tuple("fd41c918-b88b-4b20-a0a5-a4c32391aaa0", 62, false),
            tuple("7ccd3322-e1a5-411a-a67d-6a735c76f119", 94, true),
            tuple("3d1b2b5e-6a7c-4c7e-9f0b-1c2d3e4f5a6b", null, true));
    assertThat(result.skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("experienced"));
    List<Completion> grace = w.completions("HR-1002");
    assertThat(grace).hasSize(2);
    Completion pass = grace.get(1);
    assertThat(pass.completedOn())
        .as("23:30 in Chicago is still the 31st")
        .isEqualTo(LocalDate.of(2026, 7, 31));
    assertThat(pass.provenance().method()).isEqualTo(CompletionMethod.XAPI);
    assertThat(pass.provenance().source()).isEqualTo(LRS);
    assertThat(pass.provenance().sourceRef()).isEqualTo("7ccd3322-e1a5-411a-a67d-6a735c76f119");
    assertThat(pass.provenance().recordedBy()).isEqualTo(w.officer.id());
    assertThat(w.assignments("HR-1002"))
        .filteredOn(a -> a.course().equals(w.privacy.id()))
        .extracting(a -> a.state())
        .containsExactly(AssignmentState.COMPLETED);
  }

  @Test
  void importingTheSameStatementsAgainRecordsNothing() {
    byte[] json = World.resource("xapi-statements.json");
    xapi.importJson(w.officer, LRS, json, ImportOptions.allOrNothing());
    List<String> before = w.snapshot();

    CompletionImportResult again =
        xapi.importJson(w.officer, LRS, json, ImportOptions.applyValidRows());

    assertThat(again.newlyRecorded()).isZero();
    assertThat(again.imported()).allMatch(ImportedCompletion::alreadyImported).hasSize(3);
    assertThat(w.snapshot()).isEqualTo(before);
  }

  @Test
  void aDryRunReportsAndWritesNothing() {
    List<String> before = w.snapshot();
    CompletionImportResult preview =
        xapi.importJson(
            w.officer,
            LRS,
            World.resource("xapi-statements.json"),
            ImportOptions.allOrNothing().asDryRun());
    assertThat(preview.newlyRecorded()).isEqualTo(3);
    assertThat(preview.committed()).isFalse();
    assertThat(w.snapshot()).isEqualTo(before);
  }

  static String statement(
      String id, String email, String activity, String verb, String timestamp, String result) {
    return """
        {"id": "%s", "actor": {"mbox": "mailto:%s"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/%s"},
         "object": {"id": "https://lms.lakeside.example/xapi/activities/%s"}, "result": %s, "timestamp": "%s"}"""
        .formatted(id, email, verb, activity, result, timestamp);
  }

  @Test
  void badStatementsAreTypedRowErrorsAndAllOrNothingWritesNothing() {
    String json =
        "[\n"
            + String.join(
                ",\n",
                statement(
                    "11111111-1111-4111-8111-111111111111",
                    "grace.okafor@lakeside.example",
                    "hipaa-privacy-101",
                    "passed",
                    "2026-08-01T10:00:00Z",
                    "{\"score\": {\"scaled\": 0.9}}"),
                statement(
                    "22222222-2222-4222-8222-222222222222",
                    "stranger@elsewhere.example",
                    "hipaa-privacy-101",
                    "passed",
                    "2026-08-01T10:00:00Z",
                    "{}"),
                statement(
                    "33333333-3333-4333-8333-333333333333",
                    "grace.okafor@lakeside.example",
                    "retired",
                    "completed",
                    "2026-08-01T10:00:00Z",
                    "{}"),
                statement(
                    "44444444-4444-4444-8444-444444444444",
                    "grace.okafor@lakeside.example",
                    "security-awareness-201",
                    "passed",
                    "2024-01-01T10:00:00Z",
                    "{}"),
                statement(
                    "55555555-5555-4555-8555-555555555555",
                    "grace.okafor@lakeside.example",
                    "security-awareness-201",
                    "passed",
                    "2026-09-01T10:00:00Z",
                    "{}"),
                statement(
                    "not-a-uuid",
                    "grace.okafor@lakeside.example",
                    "security-awareness-201",
                    "passed",
                    "2026-08-01T10:00:00Z",
                    "{}"),
                statement(
                    "66666666-6666-4666-8666-666666666666",
                    "grace.okafor@lakeside.example",
                    "security-awareness-201",
                    "passed",
                    "2026-08-01T10:00:00Z",
                    "{\"success\": false}"))
            + "\n]";

    CompletionImportResult result =
        xapi.importJson(w.officer, LRS, utf8(json), ImportOptions.allOrNothing());

    assertThat(result.committed()).isFalse();
    assertThat(result.imported()).isEmpty();
    assertThat(w.completions("HR-1002")).isEmpty();
    assertThat(result.errors())
        .extracting(RowError::line, RowError::field, RowError::kind)
        .containsExactly(
            tuple(4, "actor", ErrorKind.UNKNOWN_MEMBER),
            tuple(6, "object.id", ErrorKind.UNKNOWN_COURSE),
            tuple(8, "timestamp", ErrorKind.REJECTED),
            tuple(10, "timestamp", ErrorKind.REJECTED),
            tuple(12, "id", ErrorKind.INVALID_VALUE),
            tuple(14, "result.success", ErrorKind.INVALID_VALUE));
    assertThat(result.errors().get(2).reason()).contains("engagement");
    assertThat(result.errors().get(3).reason()).contains("future");

    CompletionImportResult valid =
        xapi.importJson(w.officer, LRS, utf8(json), ImportOptions.applyValidRows());
    assertThat(valid.imported())
        .singleElement()
        .satisfies(i -> assertThat(i.sourceRef()).startsWith("1111"));
    assertThat(valid.errors()).hasSize(6);
  }

  @Test
  void malformedJsonDuplicateKeysAndBadEncodingEndTheBatchWithAnError() {
    String broken =
        "[\n"
            + statement(
                "11111111-1111-4111-8111-111111111111",
                "grace.okafor@lakeside.example",
                "hipaa-privacy-101",
                "passed",
                "2026-08-01T10:00:00Z",
                "{}")
            + ",\n{\"id\": \n]";
    CompletionImportResult malformed =
        xapi.importJson(w.officer, LRS, utf8(broken), ImportOptions.allOrNothing());
    assertThat(malformed.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED);
              assertThat(e.line()).isEqualTo(5);
            });
    assertThat(malformed.imported()).isEmpty();
    assertThat(w.completions("HR-1002")).as("no partial batch").isEmpty();

    String duplicateKey = "{\"id\": \"11111111-1111-4111-8111-111111111111\", \"id\": \"x\"}";
    assertThat(
            xapi.importJson(w.officer, LRS, utf8(duplicateKey), ImportOptions.allOrNothing())
                .errors())
        .extracting(RowError::kind)
        .containsExactly(ErrorKind.MALFORMED);

    byte[] latin1 =
        statement(
                "11111111-1111-4111-8111-111111111111",
                "grace.okafor@lakeside.example",
                "hipaa-privacy-101",
                "passed",
                "2026-08-01T10:00:00Z",
                "{\"response\": \"J'ai réussi\"}")
            .getBytes(StandardCharsets.ISO_8859_1);
    CompletionImportResult encoding =
        xapi.importJson(w.officer, LRS, latin1, ImportOptions.applyValidRows());
    assertThat(encoding.errors()).extracting(RowError::kind).containsExactly(ErrorKind.ENCODING);
    assertThat(w.completions("HR-1002")).isEmpty();

    CompletionImportResult validPart =
        xapi.importJson(w.officer, LRS, utf8(broken), ImportOptions.applyValidRows());
    assertThat(validPart.imported())
        .as("apply-valid-rows keeps the statements read before the break")
        .hasSize(1);
    assertThat(validPart.errors()).extracting(RowError::kind).containsExactly(ErrorKind.MALFORMED);
  }

  @Test
  void theSameStatementIdTwiceInOneBatchIsADuplicate() {
    String s =
        statement(
            "11111111-1111-4111-8111-111111111111",
            "grace.okafor@lakeside.example",
            "hipaa-privacy-101",
            "passed",
            "2026-08-01T10:00:00Z",
            "{}");
    CompletionImportResult result =
        xapi.importJson(
            w.officer, LRS, utf8("[" + s + ",\n" + s + "]"), ImportOptions.applyValidRows());
    assertThat(result.errors())
        .extracting(RowError::kind)
        .containsExactly(ErrorKind.DUPLICATE, ErrorKind.DUPLICATE);
    assertThat(w.completions("HR-1002")).isEmpty();
  }
}
