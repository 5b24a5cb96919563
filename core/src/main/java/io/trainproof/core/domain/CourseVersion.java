package io.trainproof.core.domain;

import java.time.Instant;
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
    Instant releasedAt) {

  /** Makes the sets immutable. */
  public CourseVersion {
    policies = Set.copyOf(policies);
    topics = Set.copyOf(topics);
  }
}
