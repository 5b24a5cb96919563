package io.trainproof.core.domain;

import java.time.Instant;
import java.time.Period;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One released version of a course's content. Immutable.
 *
 * @param id the version's id
 * @param course the course
 * @param organization the organization
 * @param label the version label, e.g. {@code "2026.1"}, unique per course
 * @param policies the policies whose current versions this content teaches
 * @param topics regulatory topics covered
 * @param passMark the lowest passing score, 0 to 100 (0: any completion passes)
 * @param issuesCertificate whether a passing completion issues a certificate
 * @param contentSha256 SHA-256 of the content package, when the host supplies it
 * @param releasedAt when it was released; completions from then on use it
 * @param certificateValidity how long a certificate for a completion of this version is valid,
 *     counted from the completion date (the certificate is valid until that date plus the period);
 *     null keeps the default: valid until the requirement's next due date
 */
public record CourseVersion(
    Id<CourseVersion> id,
    Id<Course> course,
    Id<Organization> organization,
    String label,
    Set<Id<Policy>> policies,
    Set<RegulatoryTopic> topics,
    int passMark,
    boolean issuesCertificate,
    @Nullable String contentSha256,
    Instant releasedAt,
    @Nullable Period certificateValidity) {

  /** Makes the sets immutable. */
  public CourseVersion {
    policies = Set.copyOf(policies);
    topics = Set.copyOf(topics);
  }

  /**
   * A version whose certificates are valid until the requirement's next due date (the default).
   *
   * @param id the version's id
   * @param course the course
   * @param organization the organization
   * @param label the version label
   * @param policies the policies it teaches
   * @param topics regulatory topics covered
   * @param passMark the lowest passing score
   * @param issuesCertificate whether a passing completion issues a certificate
   * @param contentSha256 SHA-256 of the content package
   * @param releasedAt when it was released
   */
  public CourseVersion(
      Id<CourseVersion> id,
      Id<Course> course,
      Id<Organization> organization,
      String label,
      Set<Id<Policy>> policies,
      Set<RegulatoryTopic> topics,
      int passMark,
      boolean issuesCertificate,
      @Nullable String contentSha256,
      Instant releasedAt) {
    this(
        id,
        course,
        organization,
        label,
        policies,
        topics,
        passMark,
        issuesCertificate,
        contentSha256,
        releasedAt,
        null);
  }
}
