package io.trainproof.core.completion;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.EvidenceFile;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Records completions: immutable evidence. A passing completion closes the assignment (and every
 * other open assignment of the member for the same course); a failing one is kept as an attempt and
 * leaves it open. Thread-safe.
 */
public interface CompletionService {

  /**
   * A completion to record.
   *
   * @param assignment the assignment it answers; must be open
   * @param completedOn when; not before engagement, not in the future
   * @param score the score 0 to 100, or null when unscored
   * @param courseVersion the version taken, or null for the newest released
   * @param provenance how it was obtained and who recorded it
   * @param evidence evidence file hashes
   */
  record Request(
      Id<Assignment> assignment,
      LocalDate completedOn,
      @Nullable Integer score,
      @Nullable Id<CourseVersion> courseVersion,
      Provenance provenance,
      List<EvidenceFile> evidence) {

    /**
     * An in-app completion with a score.
     *
     * @param assignment the assignment
     * @param completedOn when
     * @param score the score, or null
     * @param recordedBy the actor id
     * @return the request
     */
    public static Request inApp(
        Id<Assignment> assignment,
        LocalDate completedOn,
        @Nullable Integer score,
        String recordedBy) {
      return new Request(
          assignment, completedOn, score, null, Provenance.inApp(recordedBy), List.of());
    }
  }

  /**
   * What recording did.
   *
   * @param completion the evidence record
   * @param closed the assignments it closed (empty for a failing attempt)
   */
  record Outcome(Completion completion, List<Assignment> closed) {
    /** Makes the list immutable. */
    public Outcome {
      closed = List.copyOf(closed);
    }
  }

  /**
   * Records a completion or a failing attempt. The completion covers, for each policy the course
   * content teaches, the newest version published (the earlier of its publication day and its
   * effective date) by both the completion date and the content's release date. A passing
   * completion closes the member's open assignments for the course, except retraining after a
   * material change that it does not cover (that version or a later one of the policy): training
   * before a change was published, or on content released before it, did not teach the change (45
   * CFR 164.530(b)(2)(i)(C)).
   *
   * @param actor the caller
   * @param request the completion
   * @return what it did
   * @throws io.trainproof.core.ValidationException when the assignment is such a retraining and the
   *     completion does not cover its version
   */
  Outcome record(Actor actor, Request request);

  /**
   * A completion of a course by a member, when the caller knows the member and the course but not
   * the assignment (see {@link #recordForCourse}).
   *
   * @param member who
   * @param course which course
   * @param completedOn when; not before engagement, not in the future
   * @param score the score 0 to 100, or null when unscored
   * @param courseVersion the version taken, or null for the newest released
   * @param provenance how it was obtained and who recorded it
   * @param evidence evidence file hashes
   */
  record CourseCompletion(
      Id<WorkforceMember> member,
      Id<Course> course,
      LocalDate completedOn,
      @Nullable Integer score,
      @Nullable Id<CourseVersion> courseVersion,
      Provenance provenance,
      List<EvidenceFile> evidence) {

    /**
     * An in-app completion with a score.
     *
     * @param member who
     * @param course which course
     * @param completedOn when
     * @param score the score, or null
     * @param recordedBy the actor id
     * @return the request
     */
    public static CourseCompletion inApp(
        Id<WorkforceMember> member,
        Id<Course> course,
        LocalDate completedOn,
        @Nullable Integer score,
        String recordedBy) {
      return new CourseCompletion(
          member, course, completedOn, score, null, Provenance.inApp(recordedBy), List.of());
    }
  }

  /**
   * Records that a member completed a course, choosing the assignment by the documented rule: of
   * the member's open assignments for the course that the completion can close (retraining only
   * when it covers the changed version, as {@link #record} says), the one due first (then the one
   * assigned first, then by id). That assignment's reason is the one the completion answers; a
   * passing completion closes the member's other open assignments for the course too, as {@link
   * #record} does. Unlike {@link #importCompletion}, nothing is assigned when none is open: that is
   * refused.
   *
   * @param actor the caller
   * @param request the completion
   * @return what it did
   * @throws io.trainproof.core.ValidationException when the member has no open assignment for the
   *     course, naming the course
   */
  Outcome recordForCourse(Actor actor, CourseCompletion request);

  /**
   * A member's completions and attempts, oldest first.
   *
   * @param actor the caller
   * @param member the member
   * @return the completions
   */
  List<Completion> forMember(Actor actor, Id<WorkforceMember> member);

  /**
   * A page of completions the actor may see, in id order (for reports and exports over large
   * organizations).
   *
   * @param actor the caller
   * @param after the cursor from the previous page, or null for the first
   * @param limit the most items to read, 1 to 10,000
   * @return the page
   */
  Page<Completion> page(Actor actor, @Nullable String after, int limit);

  /**
   * A completion taken outside the host's UI (an xAPI statement, a SCORM export, a previous
   * system's history), with where it came from.
   *
   * @param member who
   * @param course which course
   * @param courseVersion the version taken, or null for the one released at the time
   * @param completedOn when; not before engagement, not in the future
   * @param score the score 0 to 100, or null
   * @param success the source's own pass/fail when it gives one and no score (xAPI {@code
   *     result.success}), or null
   * @param provenance how it was obtained; {@code source} and {@code sourceRef} are required and
   *     identify the import, so importing it again changes nothing
   * @param evidence evidence file hashes
   */
  record Import(
      Id<WorkforceMember> member,
      Id<Course> course,
      @Nullable Id<CourseVersion> courseVersion,
      LocalDate completedOn,
      @Nullable Integer score,
      @Nullable Boolean success,
      Provenance provenance,
      List<EvidenceFile> evidence) {}

  /**
   * Records an imported completion: it answers the member's open assignment for the course if there
   * is one it can close (chosen as {@link #recordForCourse} chooses), otherwise an assignment is
   * created for it (reason manual, dated the completion date) so the record has its evidence
   * context. Idempotent on the provenance's source and reference: importing the same statement or
   * row again returns the first result and writes nothing.
   *
   * @param actor the caller (recorded as who ran the import)
   * @param request the completion
   * @return what it did; {@code closed} is empty when it was already imported
   */
  Outcome importCompletion(Actor actor, Import request);
}
