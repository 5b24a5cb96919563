package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Immutable evidence of one attempt at an assignment: the minimum evidence record of the regulatory
 * guide (who, what, why, when, how, result, retention). A failing attempt is kept too ({@link
 * #passed()} false) and leaves the assignment open.
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

  /**
   * A builder for a completion, each component set by name so that its five dates and its ids
   * cannot be swapped silently. {@code contentSha256}, {@code changeVersion}, {@code
   * changeEffectiveOn} and {@code score} default to null and {@code evidence} to none; every other
   * component is required.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Completion} by component name; {@link #build()} fails with a {@link
   * io.trainproof.core.ValidationException} naming the first required component not given. Not
   * thread-safe; use one per value.
   */
  public static final class Builder {
    private @Nullable Id<Completion> id;
    private @Nullable Id<Organization> organization;
    private @Nullable Id<WorkforceMember> member;
    private @Nullable Set<String> roles;
    private @Nullable WorkforceType workforceType;
    private @Nullable Id<Assignment> assignment;
    private @Nullable Id<Course> course;
    private @Nullable Id<CourseVersion> courseVersion;
    private @Nullable String contentSha256;
    private @Nullable Set<Id<PolicyVersion>> policyVersions;
    private @Nullable AssignmentReason reason;
    private @Nullable Id<PolicyVersion> changeVersion;
    private @Nullable LocalDate changeEffectiveOn;
    private @Nullable LocalDate assignedOn;
    private @Nullable LocalDate dueOn;
    private @Nullable LocalDate completedOn;
    private @Nullable Instant recordedAt;
    private @Nullable Integer score;
    private @Nullable Boolean passed;
    private @Nullable Provenance provenance;
    private List<EvidenceFile> evidence = List.of();
    private @Nullable LocalDate retentionUntil;

    private Builder() {}

    /** Sets the completion's id; returns this builder. */
    public Builder id(Id<Completion> value) {
      this.id = value;
      return this;
    }

    /** Sets the organization; returns this builder. */
    public Builder organization(Id<Organization> value) {
      this.organization = value;
      return this;
    }

    /** Sets who; returns this builder. */
    public Builder member(Id<WorkforceMember> value) {
      this.member = value;
      return this;
    }

    /** Sets the member's roles at the time; returns this builder. */
    public Builder roles(Set<String> value) {
      this.roles = value;
      return this;
    }

    /** Sets the member's workforce type at the time; returns this builder. */
    public Builder workforceType(WorkforceType value) {
      this.workforceType = value;
      return this;
    }

    /** Sets the assignment it answers; returns this builder. */
    public Builder assignment(Id<Assignment> value) {
      this.assignment = value;
      return this;
    }

    /** Sets the course; returns this builder. */
    public Builder course(Id<Course> value) {
      this.course = value;
      return this;
    }

    /** Sets the course version taken; returns this builder. */
    public Builder courseVersion(Id<CourseVersion> value) {
      this.courseVersion = value;
      return this;
    }

    /** Sets the content hash of that version, or null; returns this builder. */
    public Builder contentSha256(@Nullable String value) {
      this.contentSha256 = value;
      return this;
    }

    /** Sets the policy versions the content covered; returns this builder. */
    public Builder policyVersions(Set<Id<PolicyVersion>> value) {
      this.policyVersions = value;
      return this;
    }

    /** Sets why it was assigned; returns this builder. */
    public Builder reason(AssignmentReason value) {
      this.reason = value;
      return this;
    }

    /** Sets for retraining, the material policy version, or null; returns this builder. */
    public Builder changeVersion(@Nullable Id<PolicyVersion> value) {
      this.changeVersion = value;
      return this;
    }

    /** Sets for retraining, the date that change took effect, or null; returns this builder. */
    public Builder changeEffectiveOn(@Nullable LocalDate value) {
      this.changeEffectiveOn = value;
      return this;
    }

    /** Sets when it was assigned; returns this builder. */
    public Builder assignedOn(LocalDate value) {
      this.assignedOn = value;
      return this;
    }

    /** Sets the due date in force when completed; returns this builder. */
    public Builder dueOn(LocalDate value) {
      this.dueOn = value;
      return this;
    }

    /** Sets the date completed; returns this builder. */
    public Builder completedOn(LocalDate value) {
      this.completedOn = value;
      return this;
    }

    /** Sets when it was recorded; returns this builder. */
    public Builder recordedAt(Instant value) {
      this.recordedAt = value;
      return this;
    }

    /** Sets the score, or null when not scored; returns this builder. */
    public Builder score(@Nullable Integer value) {
      this.score = value;
      return this;
    }

    /** Sets whether it met the pass mark; returns this builder. */
    public Builder passed(boolean value) {
      this.passed = value;
      return this;
    }

    /** Sets how it was obtained and who recorded it; returns this builder. */
    public Builder provenance(Provenance value) {
      this.provenance = value;
      return this;
    }

    /** Sets hashes of evidence files; returns this builder. */
    public Builder evidence(List<EvidenceFile> value) {
      this.evidence = value;
      return this;
    }

    /** Sets the earliest date it may be purged; returns this builder. */
    public Builder retentionUntil(LocalDate value) {
      this.retentionUntil = value;
      return this;
    }

    /**
     * The completion.
     *
     * @return the value
     * @throws io.trainproof.core.ValidationException naming a required component not given
     */
    public Completion build() {
      String c = "completion";
      return new Completion(
          Required.component(c, "id", id),
          Required.component(c, "organization", organization),
          Required.component(c, "member", member),
          Required.component(c, "roles", roles),
          Required.component(c, "workforceType", workforceType),
          Required.component(c, "assignment", assignment),
          Required.component(c, "course", course),
          Required.component(c, "courseVersion", courseVersion),
          contentSha256,
          Required.component(c, "policyVersions", policyVersions),
          Required.component(c, "reason", reason),
          changeVersion,
          changeEffectiveOn,
          Required.component(c, "assignedOn", assignedOn),
          Required.component(c, "dueOn", dueOn),
          Required.component(c, "completedOn", completedOn),
          Required.component(c, "recordedAt", recordedAt),
          score,
          Required.component(c, "passed", passed),
          Required.component(c, "provenance", provenance),
          Required.component(c, "evidence", evidence),
          Required.component(c, "retentionUntil", retentionUntil));
    }
  }
}
