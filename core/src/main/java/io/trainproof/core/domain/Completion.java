package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Immutable evidence of one attempt at an assignment: the minimum evidence record of the
 * regulatory guide (who, what, why, when, how, result, retention). A failing attempt is kept
 * too ({@link #passed()} false) and leaves the assignment open.
 *
 * @param id the completion's id
 * @param organization the organization
 * @param member who
 * @param roles the member's roles at the time
 * @param workforceType the member's workforce type at the time
 * @param assignment the assignment it answers
 * @param course the course
 * @param courseVersion the course version taken
 * @param contentSha256 the content hash of that version, if known
 * @param policyVersions the policy versions the content covered when taken
 * @param reason why it was assigned
 * @param changeVersion for retraining: the material policy version
 * @param changeEffectiveOn for retraining: the date that change took effect
 * @param assignedOn when it was assigned
 * @param dueOn the due date in force when completed
 * @param completedOn the date completed
 * @param recordedAt when it was recorded
 * @param score the score, 0 to 100, if scored
 * @param passed whether it met the pass mark
 * @param provenance how it was obtained and who recorded it
 * @param evidence hashes of evidence files
 * @param retentionUntil the earliest date it may be purged
 */
public record Completion(
    Id<Completion> id,
    Id<Organization> organization,
    Id<WorkforceMember> member,
    Set<String> roles,
    WorkforceType workforceType,
    Id<Assignment> assignment,
    Id<Course> course,
    Id<CourseVersion> courseVersion,
    @Nullable String contentSha256,
    Set<Id<PolicyVersion>> policyVersions,
    AssignmentReason reason,
    @Nullable Id<PolicyVersion> changeVersion,
    @Nullable LocalDate changeEffectiveOn,
    LocalDate assignedOn,
    LocalDate dueOn,
    LocalDate completedOn,
    Instant recordedAt,
    @Nullable Integer score,
    boolean passed,
    Provenance provenance,
    List<EvidenceFile> evidence,
    LocalDate retentionUntil) {

  /** Makes the collections immutable. */
  public Completion {
    roles = Set.copyOf(roles);
    policyVersions = Set.copyOf(policyVersions);
    evidence = List.copyOf(evidence);
  }
}
