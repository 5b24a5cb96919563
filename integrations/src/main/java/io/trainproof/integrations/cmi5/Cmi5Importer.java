package io.trainproof.integrations.cmi5;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Organization;
import io.trainproof.integrations.CompletionImportResult;
import io.trainproof.integrations.CourseMapping;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.SkippedRow;
import io.trainproof.integrations.internal.Candidate;
import io.trainproof.integrations.internal.StatementImport;
import io.trainproof.integrations.internal.StatementMapping;
import io.trainproof.integrations.internal.StrictText;
import io.trainproof.integrations.xapi.MemberMapping;
import io.trainproof.integrations.xapi.Verbs;
import io.trainproof.integrations.xapi.XapiStatement;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Imports cmi5 statements. Statements are grouped by member, activity and registration; in each
 * group the LMS's {@code satisfied} statement, when present, records the completion (with the score
 * of the {@code passed} statement, if any); otherwise the AU's {@link MoveOn} criterion is
 * evaluated over the {@code completed} and {@code passed} statements and the statement that met it
 * records the completion. {@code failed} statements are failing attempts; {@code waived} waives the
 * member's open assignment for the course, with the statement's reason. An AU whose criterion is
 * {@link MoveOn#NOT_APPLICABLE} records nothing. The result does not depend on the order of the
 * statements. Thread-safe.
 *
 * <pre>{@code
 * Cmi5Importer cmi5 = new Cmi5Importer(trainproof, MemberMapping.accountName(lmsHome),
 *     activityId -> Optional.ofNullable(courseStructure.get(activityId)));
 * CompletionImportResult result = cmi5.importJson(officer, "lms.example.org", json, ImportOptions.applyValidRows());
 * }</pre>
 */
public final class Cmi5Importer {
  private static final Set<String> EVIDENCE =
      Set.of(Verbs.COMPLETED, Verbs.PASSED, Verbs.FAILED, Verbs.SATISFIED, Verbs.WAIVED);
  private static final Comparator<XapiStatement> EARLIEST =
      Comparator.comparing(XapiStatement::timestamp).thenComparing(XapiStatement::id);

  private final MemberMapping members;
  private final AuMapping aus;
  private final StatementImport statements;

  /**
   * An importer.
   *
   * @param trainproof the instance
   * @param members maps actors to member external ids
   * @param aus maps activity ids to courses and criteria
   */
  public Cmi5Importer(Trainproof trainproof, MemberMapping members, AuMapping aus) {
    if (trainproof == null || members == null || aus == null) {
      throw new ValidationException(
          "cmi5Importer", null, "trainproof, members and aus are required");
    }
    this.members = members;
    this.aus = aus;
    this.statements = new StatementImport(trainproof, this::read);
  }

  /**
   * Reads and imports statements from JSON (an array, one statement, or a StatementResult).
   *
   * @param actor who runs the import
   * @param source the LMS or LRS
   * @param json the JSON (read fully, not closed)
   * @param options mode and dry run
   * @return what was done
   */
  public CompletionImportResult importJson(
      Actor actor, String source, InputStream json, ImportOptions options) {
    return importJson(actor, source, StrictText.readAll(json), options);
  }

  /**
   * Reads and imports statements from JSON bytes.
   *
   * @param actor who runs the import
   * @param source the LMS or LRS
   * @param json the bytes
   * @param options mode and dry run
   * @return what was done
   */
  public CompletionImportResult importJson(
      Actor actor, String source, byte[] json, ImportOptions options) {
    return statements.json(actor, source, json, options);
  }

  /**
   * Imports statements the host has already parsed.
   *
   * @param actor who runs the import
   * @param source the LMS or LRS
   * @param statements the statements
   * @param options mode and dry run
   * @return what was done
   */
  public CompletionImportResult importStatements(
      Actor actor, String source, List<XapiStatement> statements, ImportOptions options) {
    return this.statements.statements(actor, source, statements, options);
  }

  /**
   * The cmi5 rules: statements grouped by member, activity and registration, each group evaluated.
   */
  private void read(
      Organization org,
      String source,
      List<XapiStatement> statements,
      List<Candidate> candidates,
      List<RowError> errors,
      List<SkippedRow> skipped) {
    Map<String, List<XapiStatement>> groups = new LinkedHashMap<>();
    Map<String, Cmi5Au> auOfGroup = new LinkedHashMap<>();
    for (XapiStatement s : statements) {
      if (!EVIDENCE.contains(s.verb())) {
        skipped.add(
            new SkippedRow(s.line(), s.id(), "verb " + s.verb() + " is not completion evidence"));
        continue;
      }
      String member = StatementMapping.member(s, members, errors);
      if (member == null) {
        continue;
      }
      Optional<Cmi5Au> au = aus.auFor(s.objectId());
      if (au.isEmpty()) {
        errors.add(StatementMapping.unknownActivity(s));
        continue;
      }
      String key = member + "\u0000" + s.objectId() + "\u0000" + s.registration();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
      auOfGroup.put(key, au.get());
    }
    CourseMapping courses = id -> aus.auFor(id).map(Cmi5Au::course);
    for (Map.Entry<String, List<XapiStatement>> group : groups.entrySet()) {
      // why: the loop above puts every key of groups in auOfGroup too
      Cmi5Au au = Objects.requireNonNull(auOfGroup.get(group.getKey()));
      evaluate(org, source, au.moveOn(), group.getValue(), courses, candidates, skipped, errors);
    }
  }

  // why: == picks the decisive statement itself; equals() would also pick an identical copy in the
  // group (same id, values and line, e.g. minified JSON) as a second candidate instead of a skip.
  @SuppressWarnings("ReferenceEquality")
  private void evaluate(
      Organization org,
      String source,
      MoveOn moveOn,
      List<XapiStatement> group,
      CourseMapping courses,
      List<Candidate> candidates,
      List<SkippedRow> skipped,
      List<RowError> errors) {
    if (moveOn == MoveOn.NOT_APPLICABLE) {
      for (XapiStatement s : group) {
        skipped.add(
            new SkippedRow(
                s.line(), s.id(), "the AU's moveOn is NotApplicable: no evidence of training"));
      }
      return;
    }
    XapiStatement satisfied = earliest(group, Verbs.SATISFIED);
    XapiStatement completed = earliest(group, Verbs.COMPLETED);
    XapiStatement passed = earliest(group, Verbs.PASSED);
    XapiStatement decisive =
        satisfied != null
            ? satisfied
            : switch (moveOn) {
              case COMPLETED -> completed;
              case PASSED -> passed;
              case COMPLETED_AND_PASSED ->
                  completed == null || passed == null ? null : latest(completed, passed);
              case COMPLETED_OR_PASSED ->
                  completed == null
                      ? passed
                      : passed == null ? completed : earliest(completed, passed);
              case NOT_APPLICABLE -> null;
            };
    for (XapiStatement s : group) {
      String verb = s.verb();
      if (verb.equals(Verbs.FAILED)) {
        StatementMapping.addCandidate(
            s,
            org,
            source,
            Boolean.FALSE,
            CompletionMethod.CMI5,
            null,
            members,
            courses,
            candidates,
            errors);
      } else if (verb.equals(Verbs.WAIVED)) {
        String reason = s.reason() == null ? "no reason given" : s.reason();
        StatementMapping.addCandidate(
            s,
            org,
            source,
            null,
            CompletionMethod.CMI5,
            reason,
            members,
            courses,
            candidates,
            errors);
      } else if (s == decisive) {
        XapiStatement scored = passed != null ? passed : s;
        XapiStatement withScore =
            new XapiStatement(
                s.line(),
                s.id(),
                s.actor(),
                s.verb(),
                s.objectId(),
                scored.score(),
                Boolean.TRUE,
                s.completion(),
                s.reason(),
                s.registration(),
                s.categories(),
                s.timestamp());
        StatementMapping.addCandidate(
            withScore,
            org,
            source,
            Boolean.TRUE,
            CompletionMethod.CMI5,
            null,
            members,
            courses,
            candidates,
            errors);
      } else if (decisive != null) {
        skipped.add(
            new SkippedRow(
                s.line(),
                s.id(),
                "counted in the completion recorded from statement " + decisive.id()));
      } else {
        skipped.add(
            new SkippedRow(
                s.line(), s.id(), "the AU's moveOn " + moveOn.specName() + " is not met yet"));
      }
    }
  }

  private static @Nullable XapiStatement earliest(List<XapiStatement> group, String verb) {
    return group.stream().filter(s -> s.verb().equals(verb)).min(EARLIEST).orElse(null);
  }

  private static XapiStatement earliest(XapiStatement a, XapiStatement b) {
    return EARLIEST.compare(a, b) <= 0 ? a : b;
  }

  private static XapiStatement latest(XapiStatement a, XapiStatement b) {
    return EARLIEST.compare(a, b) >= 0 ? a : b;
  }
}
