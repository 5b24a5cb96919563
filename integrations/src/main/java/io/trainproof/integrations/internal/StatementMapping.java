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

/** Turns mapped xAPI statements into candidates, for the xAPI and cmi5 importers. Stateless. Not API. */
public final class StatementMapping {
  private static final Candidate.Fields FIELDS =
      new Candidate.Fields("actor", "object.id", "timestamp", "result.score");

  private StatementMapping() {}

  /**
   * A candidate for a statement, or null (with an error added) when its actor or activity does
   * not map.
   *
   * @param s the statement
   * @param org the organization, for its zone
   * @param source the provenance source
   * @param success the source's pass/fail
   * @param method xAPI or cmi5
   * @param waiverReason for a waiver, why
   * @param members the actor mapping
   * @param courses the activity mapping
   * @param errors where an unmapped statement is reported
   * @return the candidate, or null
   */
  public static @org.jspecify.annotations.Nullable Candidate candidate(XapiStatement s, Organization org, String source,
      @org.jspecify.annotations.Nullable Boolean success, CompletionMethod method,
      @org.jspecify.annotations.Nullable String waiverReason, MemberMapping members, CourseMapping courses,
      List<RowError> errors) {
    Optional<String> member = members.externalIdFor(s.actor());
    if (member.isEmpty() || member.get().isBlank()) {
      errors.add(new RowError(s.line(), s.id(), "actor", ErrorKind.UNKNOWN_MEMBER, "the actor maps to no workforce member"));
      return null;
    }
    Optional<CourseRef> course = courses.courseFor(s.objectId());
    if (course.isEmpty()) {
      errors.add(new RowError(s.line(), s.id(), "object.id", ErrorKind.UNKNOWN_COURSE,
          "activity " + s.objectId() + " maps to no course"));
      return null;
    }
    Integer score = s.score() == null ? null : s.score().percent();
    return new Candidate(s.line(), s.id(), member.get(), course.get(), s.timestamp(), org.dateOf(s.timestamp()),
        score, success, method, source, waiverReason, FIELDS);
  }
}
