package io.trainproof.integrations.internal;

import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Organization;
import io.trainproof.integrations.CourseMapping;
import io.trainproof.integrations.CourseRef;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.xapi.MemberMapping;
import io.trainproof.integrations.xapi.XapiStatement;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns mapped xAPI statements into candidates, for the xAPI and cmi5 importers. Stateless. Not
 * API.
 */
public final class StatementMapping {
  private static final Candidate.Fields FIELDS =
      new Candidate.Fields("actor", "object.id", "timestamp", "result.score");

  private StatementMapping() {}

  /**
   * Adds a candidate for a statement, or an error when its actor or activity does not map.
   *
   * @param s the statement
   * @param org the organization, for its zone
   * @param source the provenance source
   * @param success the source's pass/fail
   * @param method xAPI or cmi5
   * @param waiverReason for a waiver, why
   * @param members the actor mapping
   * @param courses the activity mapping
   * @param candidates where the candidate goes
   * @param errors where an unmapped statement is reported
   */
  public static void addCandidate(
      XapiStatement s,
      Organization org,
      String source,
      @Nullable Boolean success,
      CompletionMethod method,
      @Nullable String waiverReason,
      MemberMapping members,
      CourseMapping courses,
      List<Candidate> candidates,
      List<RowError> errors) {
    String member = member(s, members, errors);
    if (member == null) {
      return;
    }
    Optional<CourseRef> course = courses.courseFor(s.objectId());
    if (course.isEmpty()) {
      errors.add(unknownActivity(s));
      return;
    }
    Integer score = s.score() == null ? null : s.score().percent();
    candidates.add(
        new Candidate(
            s.line(),
            s.id(),
            member,
            course.get(),
            s.timestamp(),
            org.dateOf(s.timestamp()),
            score,
            success,
            method,
            source,
            waiverReason,
            FIELDS));
  }

  /**
   * The member external id a statement's actor maps to, or null (with an error added) when it maps
   * to none.
   *
   * @param s the statement
   * @param members the actor mapping
   * @param errors where an unmapped actor is reported
   * @return the external id, or null
   */
  public static @Nullable String member(
      XapiStatement s, MemberMapping members, List<RowError> errors) {
    Optional<String> member = members.externalIdFor(s.actor());
    if (member.isEmpty() || member.get().isBlank()) {
      errors.add(
          new RowError(
              s.line(),
              s.id(),
              "actor",
              ErrorKind.UNKNOWN_MEMBER,
              "the actor maps to no workforce member"));
      return null;
    }
    return member.get();
  }

  /**
   * The error for a statement whose activity maps to no course.
   *
   * @param s the statement
   * @return the error
   */
  public static RowError unknownActivity(XapiStatement s) {
    return new RowError(
        s.line(),
        s.id(),
        "object.id",
        ErrorKind.UNKNOWN_COURSE,
        "activity " + s.objectId() + " maps to no course");
  }
}
