package io.trainproof.integrations.internal;

import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.integrations.CourseRef;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A completion, failing attempt or waiver read from some format, ready for the importer. Immutable.
 * Not API.
 *
 * @param line where it starts in the input
 * @param sourceRef the provenance reference, unique within {@code source}
 * @param memberExternalId the member's HR id
 * @param course the course
 * @param at when it happened (orders the batch; CSV dates use the start of the day)
 * @param completedOn the date in the organization's zone
 * @param score 0 to 100, or null
 * @param success the source's pass/fail, or null
 * @param method how it was obtained
 * @param source the source system or file
 * @param waiverReason for a waiver, why; null for a completion or attempt
 * @param fields the input's names for the member, course, date and score fields
 */
public record Candidate(
    int line,
    String sourceRef,
    String memberExternalId,
    CourseRef course,
    Instant at,
    LocalDate completedOn,
    @Nullable Integer score,
    @Nullable Boolean success,
    CompletionMethod method,
    String source,
    @Nullable String waiverReason,
    Fields fields) {

  /**
   * The input's names of the fields core may refuse, so an error names the column or JSON path the
   * host wrote rather than core's parameter.
   *
   * @param member the member field
   * @param course the course field
   * @param date the date field
   * @param score the score field
   */
  public record Fields(String member, String course, String date, String score) {}

  /**
   * @return true for a waiver
   */
  public boolean isWaiver() {
    return waiverReason != null;
  }
}
